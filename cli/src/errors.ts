/** Exit codes are part of the CLI's contract: scripts branch on them (130: stopped by Ctrl-C, as shells report SIGINT). */
export const exitCodes = { ok: 0, failure: 1, usage: 2, unreachable: 3, interrupted: 130 } as const

/** A failure the CLI explains itself (bad input, not signed in, unreachable server), never a bug. */
export class CliError extends Error {
  readonly code: string
  readonly exitCode: number
  constructor(code: string, message: string, exitCode: number = exitCodes.failure) {
    super(message)
    this.name = 'CliError'
    this.code = code
    this.exitCode = exitCode
  }
}

export const unreachable = (url: string, why = 'is it running? (`myshop start`)'): CliError =>
  new CliError('unreachable', `cannot reach MyShop at ${url}: ${why}`, exitCodes.unreachable)

export const notSignedIn = (): CliError =>
  new CliError('not_signed_in', 'not signed in: run `myshop login --email <email>` first')

/** Ctrl-C during a prompt or a long command: exit 130, as the shell reports a process stopped by SIGINT. */
export const interrupted = (message = 'interrupted'): CliError =>
  new CliError('interrupted', message, exitCodes.interrupted)
