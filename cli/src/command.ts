import type { Command } from 'commander'
import type { ApiClient, Fetch } from './api-client.ts'
import type { CliConfig } from './config.ts'
import type { CredentialStore } from './credentials.ts'
import type { Output, Stream } from './output.tsx'

/** Everything a command touches outside itself, so tests and embedders can supply their own. */
export type CliDeps = {
  config: CliConfig
  stdout: Stream
  stderr: Stream
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  fetch: Fetch
  now: () => Date
  /** Aborted on Ctrl-C: watch loops stop and requests in flight are cancelled. */
  signal: AbortSignal
  /** The environment, handed whole to the services `myshop start` boots (each parses its own part once). */
  env: Record<string, string | undefined>
}

/** Options every command accepts. */
export type CommonOptions = { json?: boolean; url?: string }

/** What an action receives, already wired for the URL and output mode the user chose. */
export type ActionEnv<O> = {
  opts: O & CommonOptions
  /** Positional arguments as commander parsed them, in declaration order. */
  args: unknown[]
  /** The MyShop URL this run talks to (--url, else MYSHOP_URL, else the default). */
  url: string
  api: ApiClient
  credentials: CredentialStore
  out: Output
  deps: CliDeps
}

/** Returns the exit code; nothing means success. Failures are thrown (ApiError, CliError). */
export type ActionHandler<O> = (env: ActionEnv<O>) => Promise<number | undefined>

export type ActionOptions = {
  /** Whether the command talks to a running MyShop, and so takes --url (default true). */
  remote?: boolean
}

export type CommandContext = {
  deps: CliDeps
  /** Adds --json (and --url) to `command` and runs `handler` as its action with errors rendered. */
  action: <O>(command: Command, handler: ActionHandler<O>, options?: ActionOptions) => Command
}

/** One per command group; `commands/index.ts` lists them. */
export type RegisterCommand = (program: Command, context: CommandContext) => void
