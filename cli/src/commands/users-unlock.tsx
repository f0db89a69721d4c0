import type { Command } from 'commander'
import type { CommandContext } from '../command.ts'
import { resolveUser } from './users.tsx'

/**
 * users unlock: clears the sign-in failure counters that paused a user's sign-ins, and with --code issues a
 * one-time unlock code for the operator to hand to the owner (who signs in with it even if failures pile up again).
 */
export const registerUnlock = (users: Command, { action }: CommandContext): void => {
  action<{ code?: boolean }>(
    users
      .command('unlock')
      .description("clear a user's sign-in lockout")
      .argument('<user>', 'user id (usr_...) or email')
      .option('--code', 'also issue a one-time unlock code to hand to the owner'),
    async ({ opts, args, api, out }) => {
      const user = await resolveUser(api, args[0] as string)
      const result = await api.unlockUser(user.id, opts.code === true)
      if (out.json) {
        out.printJson({ ...result, email: user.email })
        return undefined
      }
      out.line(`Sign-ins of ${user.email} are open again (${result.cleared} failure counters cleared)`)
      if (result.unlockCode) {
        out.line(`Unlock code, valid once until ${result.expiresAt}: ${result.unlockCode}`)
      }
      return undefined
    },
  )
}
