import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const entry = join(import.meta.dir, '../src/index.ts')

export type CliResult = { code: number; stdout: string; stderr: string }

export type RunOptions = { home: string; stdin?: string; env?: Record<string, string> }

/** Runs the real CLI as a subprocess, as an operator's shell would. */
export const runCli = async (args: string[], { home, stdin, env = {} }: RunOptions): Promise<CliResult> => {
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    MYSHOP_HOME: home,
    NO_COLOR: '1',
    ...env,
  }
  // The developer's own MYSHOP_URL must not steer a test towards a real installation.
  if (!('MYSHOP_URL' in env)) delete childEnv.MYSHOP_URL
  const child = Bun.spawn([process.execPath, entry, ...args], {
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
