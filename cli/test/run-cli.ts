import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The CLI's entry file, as `bun` runs it. */
export const cliEntry = join(import.meta.dir, '../src/index.ts')

export type CliResult = { code: number; stdout: string; stderr: string }

export type RunOptions = {
  home: string
  stdin?: string
  env?: Record<string, string>
  /** How the CLI is started (default: Bun on its entry file). */
  program?: string[]
  cwd?: string
}

/** Runs the real CLI as a subprocess, as an operator's shell would. */
export const runCli = async (
  args: string[],
  { home, stdin, env = {}, program = [process.execPath, cliEntry], cwd }: RunOptions,
): Promise<CliResult> => {
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    MYSHOP_HOME: home,
    NO_COLOR: '1',
    ...env,
  }
  // The developer's own MYSHOP_URL must not steer a test towards a real installation.
  if (!('MYSHOP_URL' in env)) delete childEnv.MYSHOP_URL
  const child = Bun.spawn([...program, ...args], {
    ...(cwd && { cwd }),
    env: childEnv,
    stdin: stdin === undefined ? 'ignore' : new Blob([stdin]),
    stdout: 'pipe',
    stderr: 'pipe',
  })
  const [stdout, stderr, code] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ])
  return { code, stdout, stderr }
}

export const tempHome = () => mkdtemp(join(tmpdir(), 'myshop-cli-'))

export const removeHome = (home: string) => rm(home, { recursive: true, force: true })

export type Terminal = {
  /** Types `text` as if at the keyboard ("\r" is Enter, "\x03" is Ctrl-C). */
  type: (text: string) => void
  /** Resolves once the screen (stdout and stderr together, as a terminal shows them) contains `text`. */
  waitFor: (text: string) => Promise<void>
  /** Everything shown so far. */
  screen: () => string
  /** The CLI's exit code, once it and the terminal have ended. */
  exited: Promise<number>
}

// Prompts and Ctrl-C depend on a real terminal: `script` (util-linux) gives the CLI a pseudo-terminal, forwards
// what is typed into it, and exits with the CLI's exit code.
const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`

/** Runs the real CLI on a pseudo-terminal, to answer its prompts and press Ctrl-C as an operator would. */
export const runInTerminal = (
  args: string[],
  {
    home,
    env = {},
    columns = 120,
    program = [process.execPath, cliEntry],
  }: RunOptions & { columns?: number },
): Terminal => {
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    MYSHOP_HOME: home,
    NO_COLOR: '1',
    TERM: 'xterm',
    ...env,
  }
  if (!('MYSHOP_URL' in env)) delete childEnv.MYSHOP_URL
  const command = `stty cols ${columns} rows 40; exec ${[...program, ...args].map(quote).join(' ')}`
  const child = Bun.spawn(['script', '-qefc', command, '/dev/null'], {
    env: childEnv,
    stdin: 'pipe',
    stdout: 'pipe',
    stderr: 'pipe',
  })
  let shown = ''
  const waiting: { text: string; resolve: () => void }[] = []
  const done = (async () => {
    const decoder = new TextDecoder()
    for await (const chunk of child.stdout as unknown as AsyncIterable<Uint8Array>) {
      shown += decoder.decode(chunk, { stream: true })
      for (const w of waiting.filter((w) => shown.includes(w.text))) {
        waiting.splice(waiting.indexOf(w), 1)
        w.resolve()
      }
    }
  })()
  return {
    type: (text) => {
      child.stdin.write(text)
      child.stdin.flush()
    },
    waitFor: (text) =>
      shown.includes(text)
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            waiting.push({ text, resolve })
            done.then(() => {
              if (!shown.includes(text)) reject(new Error(`the terminal never showed ${text}:\n${shown}`))
            })
          }),
    screen: () => shown,
    exited: done.then(() => child.exited),
  }
}
