import { PasswordInput } from '@inkjs/ui'
import { Box, render, Text } from 'ink'
import type { CliDeps } from './command.ts'
import { CliError } from './errors.ts'

const readLine = async (stdin: NodeJS.ReadableStream): Promise<string> => {
  let text = ''
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk as Uint8Array)
    // Only the first line is the secret; leaving the loop early releases stdin for nothing else to read.
    if (text.includes('\n')) break
  }
  return text.split(/\r?\n/)[0] ?? ''
}

const askHidden = (deps: CliDeps, label: string): Promise<string> =>
  new Promise((resolve, reject) => {
    let answer: string | undefined
    const submit = (value: string) => {
      if (answer !== undefined) return
      answer = value
      app.unmount()
    }
    // The prompt goes to stderr so `--json` keeps stdout to its single document.
    const app = render(
      <Box>
        <Text>{label} </Text>
        <PasswordInput
          onSubmit={submit}
          // A paste arrives as one chunk, so its trailing Enter lands inside the value instead of submitting.
          onChange={(value) => {
            const end = value.search(/[\r\n]/)
            if (end >= 0) submit(value.slice(0, end))
          }}
        />
      </Box>,
      {
        stdout: deps.stderr as NodeJS.WriteStream,
        stdin: deps.stdin as NodeJS.ReadStream,
        patchConsole: false,
      },
    )
    app
      .waitUntilExit()
      .then(
        () => (answer === undefined ? reject(new CliError('interrupted', 'cancelled')) : resolve(answer)),
        reject,
      )
  })

/**
 * A secret typed with hidden input on a terminal, or the first line of piped stdin
 * (`echo "$PW" | myshop login ...`), so secrets need not appear in shell history or `ps`.
 */
export const readSecret = async (deps: CliDeps, label: string): Promise<string> => {
  const secret = deps.stdin.isTTY ? await askHidden(deps, label) : await readLine(deps.stdin)
  if (!secret) throw new CliError('usage_error', `no ${label.replace(/:$/, '').toLowerCase()} given`)
  return secret
}
