import { createHash } from 'node:crypto'
import { AppError } from '@myshop/errors'
import { accountKey, type Counter } from '../auth/throttle.ts'
import type { ClientContext, UserDeps } from '../deps.ts'
import { findAccountByEmail, getUser } from '../users/service.ts'

/** How long an unlock code opens sign-in. */
export const unlockCodeTtlSeconds = 3600

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** 16 Crockford base32 characters (80 random bits), in groups of four to read out or type. */
const newCode = () =>
  [...crypto.getRandomValues(new Uint8Array(16))]
    .map((byte, i) => (i > 0 && i % 4 === 0 ? '-' : '') + alphabet[byte & 31])
    .join('')

/** Codes are typed by people: letter case, spaces and dashes do not matter. */
const codeId = (email: string, code: string) =>
  createHash('sha256')
    .update(`${accountKey(email)}:${code.toUpperCase().replace(/[\s-]/g, '')}`)
    .digest('hex')
    .slice(0, 32)

// Only a hash of the code is stored, under a name apart from the account's counters, which an unlock clears.
const codeKey = (id: string) => `unlock-code:${id}`

/** Issues a one-time code that opens sign-in to the account without meeting other clients' failures. */
export const issueUnlockCode = async (deps: UserDeps, email: string) => {
  const code = newCode()
  await deps.attempts.hold(codeKey(codeId(email, code)), unlockCodeTtlSeconds)
  return { code, expiresAt: new Date(deps.now() + unlockCodeTtlSeconds * 1000) }
}

/**
 * The counter a sign-in with this unlock code counts against, instead of the client's and the account's: failures
 * from elsewhere do not block it, and its own wrong passwords soon use it up. Null when the code is not valid here.
 */
export const unlockCodeCounters = async (
  deps: UserDeps,
  email: string,
  code: string,
): Promise<Counter[] | null> => {
  const id = codeId(email, code)
  if ((await deps.attempts.peek(codeKey(id))).count === 0) return null
  // Counted for as long as the code lives, so its few failures are all it ever allows.
  return [
    {
      key: `${accountKey(email)}:code:${id}`,
      max: deps.settings.maxFailuresPerClient,
      windowSeconds: unlockCodeTtlSeconds,
    },
  ]
}

/**
 * Spends a code once it has opened a sign-in. Two sign-ins racing with one code both passed its check; the count
 * of spends, raised atomically, lets only the first through.
 */
export const spendUnlockCode = async (deps: UserDeps, email: string, code: string) => {
  const id = codeId(email, code)
  const spends = await deps.attempts.fail(`unlock-spent:${id}`, unlockCodeTtlSeconds)
  await Promise.all([
    deps.attempts.reset(codeKey(id)),
    deps.attempts.reset(`${accountKey(email)}:code:${id}`),
  ])
  if (spends.count > 1) {
    throw new AppError('invalid_credentials', { detail: 'This unlock code has been used already' })
  }
}

/**
 * Sends the account's owner an unlock code, through the mail sink (a file until MyShop has an email provider). Anyone
 * may ask, and nothing tells them whether the account exists; one code goes out per account per validity period.
 */
export const requestUnlock = async (deps: UserDeps, email: string, ctx: ClientContext) => {
  const account = await findAccountByEmail(deps, email.trim())
  if (!account) return
  const sent = `unlock-sent:${accountKey(account.email)}`
  if (!(await deps.attempts.hold(sent, unlockCodeTtlSeconds))) return
  const { code, expiresAt } = await issueUnlockCode(deps, account.email)
  await deps.mail
    .send({
      to: account.email,
      subject: 'Your MyShop unlock code',
      text:
        `Someone (we hope you) asked to sign in to MyShop while sign-ins to your account are paused after failed ` +
        `attempts. Sign in with your password and the unlock code ${code}; it works once, until ` +
        `${expiresAt.toISOString()}. If it was not you, ignore this message: your password has not changed.`,
    })
    .catch(async (error: unknown) => {
      // Undelivered, it does not count as the hour's code: the owner may ask again.
      await deps.attempts.reset(sent)
      throw error
    })
  // The code itself stays out of the log.
  deps.logger.info(
    { userId: account.id, mail: deps.mail.location, requestId: ctx.requestId },
    'unlock code sent to the account owner',
  )
}

export interface UnlockResult {
  userId: string
  /** How many failure counters of the account were removed. */
  cleared: number
  unlockCode?: string
  expiresAt?: string
}

/**
 * Clears every sign-in failure counter of an account (per client, per device, overall), and, when asked, issues an
 * unlock code for the operator to hand to the owner. Logged with the administrator who did it.
 */
export const unlockAccount = async (
  deps: UserDeps,
  actor: { userId: string },
  userId: string,
  { issueCode = false }: { issueCode?: boolean | undefined },
  ctx: ClientContext,
): Promise<UnlockResult> => {
  const user = await getUser(deps, userId)
  const cleared = await deps.attempts.clear(accountKey(user.email))
  const issued = issueCode ? await issueUnlockCode(deps, user.email) : null
  deps.logger.info(
    { userId, by: actor.userId, cleared, codeIssued: issued !== null, requestId: ctx.requestId },
    'sign-in lockout cleared by an administrator',
  )
  return {
    userId,
    cleared,
    ...(issued && { unlockCode: issued.code, expiresAt: issued.expiresAt.toISOString() }),
  }
}
