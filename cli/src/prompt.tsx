import { ConfirmInput, PasswordInput, TextInput } from '@inkjs/ui'
import { Box, render, Text } from 'ink'
import type { ReactElement } from 'react'
import type { CliDeps } from './command.ts'
import { CliError, exitCodes, interrupted } from './errors.ts'

const readLine = async (stdin: NodeJS.ReadableStream): Promise<string> => {
  let text = ''
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk as Uint8Array)
    // Only the first line is the secret; leaving the loop early releases stdin for nothing else to read.
    if (text.includes('\n')) break
  }
  return text.split(/\r?\n/)[0] ?? ''
}

/** Renders `input` after `label` until it calls `submit`; Ctrl-C (ink's own handling) ends the run with 130. */
const ask = <T,>(deps: CliDeps, label: string, input: (submit: (value: T) => void) => ReactElement) =>
  new Promise<T>((resolve, reject) => {
    let answered = false
    let answer: T
    const submit = (value: T) => {
      if (answered) return
      answered = true
      answer = value
      app.unmount()
    }
    // The terminal stops echoing before the prompt is drawn, not when ink's input hook takes stdin a moment later:
    // keys typed as soon as the prompt shows (a password typed ahead) would otherwise be echoed in the clear.
    const tty = deps.stdin as NodeJS.ReadStream
    if (tty.isTTY && typeof tty.setRawMode === 'function') tty.setRawMode(true)
    // The prompt goes to stderr so `--json` keeps stdout to its single document.
    const app = render(
      <Box>
        <Text>{label} </Text>
        {input(submit)}
      </Box>,
      {
        stdout: deps.stderr as NodeJS.WriteStream,
        stdin: deps.stdin as NodeJS.ReadStream,
        patchConsole: false,
        // Someone at a terminal is being asked: the prompt is drawn even where CI=true would make ink write only
        // its last frame (a shell inside a CI job, an operator's environment that exports CI).
        interactive: Boolean((deps.stderr as NodeJS.WriteStream).isTTY),
      },
    )
    app
      .waitUntilExit()
      .then(
        () => (answered ? resolve(answer) : reject(interrupted('cancelled; nothing was changed'))),
        reject,
      )
  })

// A paste arrives as one chunk, so its trailing Enter lands inside the value instead of submitting.
const submitOnNewline = (submit: (value: string) => void) => (value: string) => {
  const end = value.search(/[\r\n]/)
  if (end >= 0) submit(value.slice(0, end))
}

const askHidden = (deps: CliDeps, label: string): Promise<string> =>
  ask<string>(deps, label, (submit) => <PasswordInput onSubmit={submit} onChange={submitOnNewline(submit)} />)

const nameOf = (label: string) => label.replace(/:$/, '').toLowerCase()

/**
 * A secret typed with hidden input on a terminal, or the first line of piped stdin
 * (`echo "$PW" | myshop login ...`), so secrets need not appear in shell history or `ps`.
 */
export const readSecret = async (deps: CliDeps, label: string): Promise<string> => {
  const secret = deps.stdin.isTTY ? await askHidden(deps, label) : await readLine(deps.stdin)
  if (!secret) throw new CliError('usage_error', `no ${nameOf(label)} given`)
  return secret
}

/**
 * A secret being chosen: typed twice with hidden input on a terminal, since a typo nobody saw would set a password
 * nobody knows; from piped stdin, its first line once.
 */
export const readNewSecret = async (deps: CliDeps, label: string): Promise<string> => {
  const secret = await readSecret(deps, label)
  if (!deps.stdin.isTTY) return secret
  const again = await askHidden(deps, `${label.replace(/:$/, '')} again:`)
  if (again !== secret) {
    throw new CliError(
      'usage_error',
      `the two ${nameOf(label)}s differ; nothing was changed`,
      exitCodes.usage,
    )
  }
  return secret
}

/** A line typed on a terminal; without one there is nobody to ask, so `missing` explains which option to give. */
export const readText = async (deps: CliDeps, label: string, missing: string): Promise<string> => {
  if (!deps.stdin.isTTY) throw new CliError('usage_error', missing, exitCodes.usage)
  const text = (
    await ask<string>(deps, label, (submit) => (
      <TextInput onSubmit={submit} onChange={submitOnNewline(submit)} />
    ))
  ).trim()
  if (!text) throw new CliError('usage_error', `no ${nameOf(label)} given`, exitCodes.usage)
  return text
}

/**
 * Asks before a command changes what cannot be taken back, unless `--yes` was given. Without a terminal nobody can
 * answer, so the command is refused rather than done unasked.
 */
export const confirm = async (deps: CliDeps, question: string, yes: boolean | undefined): Promise<void> => {
  // Ctrl-C pressed while the command was still preparing (counting rows) is an answer already.
  if (deps.signal.aborted) throw interrupted('cancelled; nothing was changed')
  if (yes) return
  if (!deps.stdin.isTTY) {
    throw new CliError(
      'confirmation_required',
      `${question} Nobody can answer on a non-terminal stdin: add --yes to go ahead.`,
      exitCodes.usage,
    )
  }
  const confirmed = await ask<boolean>(deps, question, (submit) => (
    <ConfirmInput defaultChoice="cancel" onConfirm={() => submit(true)} onCancel={() => submit(false)} />
  ))
  if (!confirmed) throw new CliError('cancelled', 'cancelled; nothing was changed')
}
