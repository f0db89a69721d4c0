import type { Command } from 'commander'
import { ApiError, toCredentials } from '../api-client.ts'
import type { CommandContext } from '../command.ts'
import { CliError } from '../errors.ts'
import { Details } from '../output.tsx'
import { readSecret } from '../prompt.tsx'
import { userDetails } from './users.tsx'

type LoginOptions = { email: string; password?: string; unlockCode?: string }

/** login, logout and whoami: the session stored in MYSHOP_HOME. */
export const registerAuth = (program: Command, { action }: CommandContext): void => {
  action<LoginOptions>(
    program
      .command('login')
      .description('sign in and store the session in MYSHOP_HOME')
      .requiredOption('--email <email>', 'account email')
      .option('--password <password>', 'password (prompted, or read from piped stdin, when omitted)')
      .option('--unlock-code <code>', 'a one-time unlock code, to sign in while failures pause sign-ins'),
    async ({ opts, api, url, credentials, out, deps }) => {
      const { email, password, unlockCode } = opts
      const secret = password ?? (await readSecret(deps, 'Password:'))
      const device = await credentials.readDevice(url, email)
      const tokens = await out.during(`Signing in to ${url}`, () =>
        api.login(email, secret, device, unlockCode),
      )
      const stored = toCredentials(tokens, url, email, deps.now())
      await credentials.write(stored)
      if (tokens.deviceToken) await credentials.writeDevice(url, email, tokens.deviceToken)
      if (out.json) out.printJson({ email, url, expiresAt: stored.expiresAt })
      else out.line(`Signed in as ${email}`)
      return undefined
    },
  )

  action(
    program.command('logout').description('revoke the stored session and forget it'),
    async ({ api, credentials, out }) => {
      const stored = await credentials.read()
      if (!stored) {
        if (out.json) out.printJson({ signedOut: false })
        else out.line('Not signed in')
        return undefined
      }
      let failure: unknown
      try {
        await api.logout()
      } catch (error) {
        // A session the server no longer knows (or refuses to refresh) is as signed out as it gets.
        const gone =
          (error instanceof ApiError && error.status === 401) ||
          (error instanceof CliError && error.code === 'session_expired')
        if (!gone) failure = error
      }
      // Forget the tokens even when revoking failed: the user asked to be signed out on this machine.
      await credentials.remove()
      if (failure) {
        out.note('local credentials removed, but the server session could not be revoked')
        throw failure
      }
      if (out.json) out.printJson({ signedOut: true, email: stored.email })
      else out.line(`Signed out ${stored.email}`)
      return undefined
    },
  )

  action(program.command('whoami').description('show the signed-in user'), async ({ api, out }) => {
    const user = await api.me()
    if (out.json) out.printJson(user)
    else out.print(<Details entries={userDetails(user)} color={out.color} />)
    return undefined
  })
}
