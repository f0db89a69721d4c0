import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import pkg from '../package.json' with { type: 'json' }
import { createApiClient } from './api-client.ts'
import type { ActionHandler, ActionOptions, CliDeps, CommandContext, CommonOptions } from './command.ts'
import { commands } from './commands/index.ts'
import { normalizeUrl } from './config.ts'
import { credentialStore } from './credentials.ts'
import { exitCodes } from './errors.ts'
import { createOutput, formatError, toProblem } from './output.tsx'

export type Cli = {
  program: Command
  /** Parses user arguments (without `bun` and the script path) and resolves to the exit code. */
  run: (argv: readonly string[]) => Promise<number>
}

const parseUrl = (value: string): string => {
  try {
    const url = new URL(value)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http')
  } catch {
    throw new InvalidArgumentError('expected an http(s) URL such as http://127.0.0.1:8080')
  }
  return normalizeUrl(value)
}

export const createProgram = (deps: CliDeps): Cli => {
  // Per-run state lives here rather than in module scope so several programs can coexist (tests).
  const state = { exitCode: 0, json: false }

  const program = new Command('myshop')
    .description('Operate a MyShop installation: sign in, manage users and roles, check health.')
    .version(pkg.version)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => deps.stdout.write(text),
      writeErr: (text) => deps.stderr.write(text),
      // Under --json the error is reported as a problem document by `run` instead.
      outputError: (text, write) => {
        if (!state.json) write(text)
      },
    })

  // Commands that never talk to a running shop take no --url: one accepted and then ignored misleads.
  const withUrl = (command: Command, { remote = true }: ActionOptions) =>
    remote
      ? command.addOption(
          new Option('--url <url>', `MyShop URL (default: MYSHOP_URL, now ${deps.config.url})`).argParser(
            parseUrl,
          ),
        )
      : command

  const context: CommandContext = {
    deps,
    action: <O>(command: Command, handler: ActionHandler<O>, options: ActionOptions = {}) =>
      withUrl(command.option('--json', 'print machine-readable JSON on stdout'), options).action(
        async (...raw: unknown[]) => {
          const self = raw.at(-1) as Command
          const opts = self.opts<O & CommonOptions>()
          const url = opts.url ?? deps.config.url
          const out = createOutput({
            stdout: deps.stdout,
            stderr: deps.stderr,
            json: Boolean(opts.json),
            color: deps.config.color,
          })
          const credentials = credentialStore(deps.config.home)
          const api = createApiClient({
            url,
            fetch: deps.fetch,
            credentials,
            now: deps.now,
            signal: deps.signal,
          })
          try {
            state.exitCode =
              (await handler({ opts, args: raw.slice(0, -2), url, api, credentials, out, deps })) ??
              exitCodes.ok
          } catch (error) {
            if (deps.signal.aborted) {
              state.exitCode = exitCodes.interrupted
              return
            }
            if (opts.json) deps.stderr.write(`${JSON.stringify(toProblem(error))}\n`)
            else deps.stderr.write(`error: ${formatError(error, deps.now())}\n`)
            state.exitCode =
              typeof (error as { exitCode?: unknown }).exitCode === 'number'
                ? (error as { exitCode: number }).exitCode
                : exitCodes.failure
          }
        },
      ),
  }

  for (const register of commands) register(program, context)

  return {
    program,
    run: async (argv) => {
      state.exitCode = exitCodes.ok
      state.json = argv.includes('--json')
      try {
        await program.parseAsync(argv, { from: 'user' })
      } catch (error) {
        if (!(error instanceof CommanderError)) throw error
        // --help and --version end through exitOverride too, with a zero exit code.
        if (error.exitCode === 0) return exitCodes.ok
        if (state.json) {
          const title = error.message.replace(/^error: /, '')
          deps.stderr.write(`${JSON.stringify({ type: 'about:blank', title, code: 'usage_error' })}\n`)
        }
        return exitCodes.usage
      }
      return state.exitCode
    },
  }
}
