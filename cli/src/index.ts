#!/usr/bin/env bun
import { ConfigError } from '@myshop/config'
import { readConfig } from './config.ts'
import { exitCodes } from './errors.ts'
import { createProgram } from './program.ts'

// A reader that stopped (`myshop catalog export | head`) leaves nothing more to do: end quietly with success, as
// `git log | head` does, instead of an EPIPE error for output nobody will read.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(exitCodes.ok)
    throw error
  })
}

const main = async (): Promise<number> => {
  let config: ReturnType<typeof readConfig>
  try {
    config = readConfig(process.env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    process.stderr.write(`error: ${error.message}\n`)
    return exitCodes.usage
  }
  // The first Ctrl-C asks commands to stop cleanly (watch loops, requests) and report; a second one ends at once.
  // The listener stays: with none left, ink's exit hook would re-raise SIGINT and kill before any report.
  const interrupt = new AbortController()
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) process.exit(exitCodes.interrupted)
    interrupt.abort()
  })
  const cli = createProgram({
    config,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    fetch,
    now: () => new Date(),
    signal: interrupt.signal,
    env: process.env,
  })
  return cli.run(process.argv.slice(2))
}

// Ending the streams first matters: process.exit drops whatever a pipe has not yet taken (a large
// `users list --all --json | jq` would be cut at 64 KiB), and end() calls back once all of it is written.
const finish = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.end(resolve))

const code = await main()
await Promise.all([finish(process.stdout), finish(process.stderr)])
process.exit(code)
