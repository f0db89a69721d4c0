import type { Queryable, Tx } from '@myshop/db'
import { AppError } from '@myshop/errors'
import { newId } from '@myshop/ids'
import type { ClientContext, UserDeps } from '../deps.ts'
import type { SigningKey } from '../keys/service.ts'
import { spendUnlockCode, unlockCodeCounters } from '../unlock/service.ts'
import { findAccount, findAccountByEmail } from '../users/service.ts'
import * as repo from './repository.ts'
import { assertNotLocked, countFailure, passwordCounters } from './throttle.ts'
import { hashToken, newRefreshToken, readDeviceToken, signAccessToken, signDeviceToken } from './tokens.ts'

export interface TokenPair {
  accessToken: string
  refreshToken: string
  expiresIn: number
  tokenType: 'Bearer'
}

export interface Credentials {
  email: string
  password: string
  deviceToken?: string | undefined
  /** A one-time code from `POST /auth/unlock` or an administrator. */
  unlockCode?: string | undefined
}

/**
 * A new refresh token in the family and an access token signed with `signing`. Runs inside the caller's
 * transaction, so the signing key is taken from the ring before it opens (see `signAccessToken`).
 */
const issue = async (
  deps: UserDeps,
  signing: SigningKey,
  user: { id: string; roles: string[] },
  familyId: string,
  tx: Tx,
  parentHash: string | null,
  expiresAt: Date,
): Promise<TokenPair> => {
  const now = deps.now()
  const refreshToken = newRefreshToken()
  await repo.insertToken(tx, {
    tokenHash: hashToken(refreshToken),
    familyId,
    parentHash,
    expiresAt,
    at: new Date(now),
  })
  const accessToken = await signAccessToken(
    signing,
    deps.settings,
    { userId: user.id, sessionId: familyId, roles: user.roles },
    now,
  )
  return { accessToken, refreshToken, expiresIn: deps.settings.accessTtlSeconds, tokenType: 'Bearer' }
}

/**
 * Signs in with email and password. Failures are counted per account and client (or per known device),
 * and per account overall for unknown clients only, so an attacker can slow guessing without locking
 * the owner's own devices out.
 */
export const login = async (
  deps: UserDeps,
  creds: Credentials,
  ctx: ClientContext,
): Promise<TokenPair & { deviceToken: string }> => {
  const { settings } = deps
  const account = await findAccountByEmail(deps, creds.email.trim())
  const deviceId =
    account && creds.deviceToken
      ? await readDeviceToken(deps.keys, settings.issuer, creds.deviceToken, account.id, deps.now())
      : null
  // A valid unlock code brings its own counter: other clients' failures do not block the owner who holds one.
  const unlock =
    account && creds.unlockCode ? await unlockCodeCounters(deps, account.email, creds.unlockCode) : null
  const counters = unlock ?? passwordCounters(settings, creds.email, { ip: ctx.ip, deviceId })
  await assertNotLocked(deps.attempts, counters)

  // Unknown emails cost a full verification too, so response time does not reveal which accounts exist.
  if (!account) await deps.hasher.burn(creds.password)
  const valid = account ? await deps.hasher.verify(creds.password, account.passwordHash) : false
  if (!account || !valid) {
    await countFailure(deps.attempts, counters, settings.lockSeconds)
    throw new AppError('invalid_credentials', { detail: 'The email or password is incorrect' })
  }
  if (unlock && creds.unlockCode) await spendUnlockCode(deps, account.email, creds.unlockCode)
  else await deps.attempts.reset(counters[0]!.key)

  const now = deps.now()
  const familyId = newId('ses', now)
  const expiresAt = new Date(now + settings.refreshTtlSeconds * 1000)
  const signing = await deps.keys.signingKey()
  const pair = await deps.sql.begin(async (tx) => {
    await repo.insertFamily(tx, {
      id: familyId,
      userId: account.id,
      expiresAt,
      userAgent: ctx.userAgent,
      ip: ctx.ip,
      at: new Date(now),
    })
    return issue(deps, signing, account, familyId, tx, null, expiresAt)
  })
  await deps.sessions.add(familyId, account.id, settings.refreshTtlSeconds)
  const deviceToken =
    deviceId && creds.deviceToken
      ? creds.deviceToken
      : await signDeviceToken(deps.keys, settings.issuer, account.id, now)
  return { ...pair, deviceToken }
}

type RefreshOutcome =
  | { ok: true; pair: TokenPair; familyId: string; userId: string; expiresAt: Date }
  | { ok: false; revoked?: string; detail: string }

/**
 * Rotates a refresh token. A token used again after the grace window is treated as stolen and its
 * whole family is revoked; within the window (two tabs refreshing at once) each caller gets a new pair.
 */
export const refresh = async (deps: UserDeps, refreshToken: string): Promise<TokenPair> => {
  const { settings } = deps
  const now = deps.now()
  const signing = await deps.keys.signingKey()
  const outcome = await deps.sql.begin(async (tx): Promise<RefreshOutcome> => {
    const row = await repo.lockToken(tx, hashToken(refreshToken))
    if (!row) return { ok: false, detail: 'Unknown refresh token' }
    if (row.familyRevokedAt) return { ok: false, detail: 'The session has ended' }
    if (row.expiresAt.getTime() <= now || row.familyExpiresAt.getTime() <= now)
      return { ok: false, detail: 'The refresh token has expired' }
    if (row.usedAt && now - row.usedAt.getTime() > settings.refreshReuseGraceSeconds * 1000) {
      await repo.revokeFamily(tx, row.familyId, 'refresh_token_reuse', new Date(now))
      return {
        ok: false,
        revoked: row.familyId,
        detail: 'This refresh token was already used; the session has been revoked',
      }
    }
    const user = await findAccount(deps, row.userId, tx)
    if (!user) return { ok: false, detail: 'Unknown refresh token' }
    if (!row.usedAt) await repo.markUsed(tx, row.tokenHash, new Date(now))
    await repo.touchFamily(tx, row.familyId, new Date(now))
    const pair = await issue(deps, signing, user, row.familyId, tx, row.tokenHash, row.familyExpiresAt)
    return { ok: true, pair, familyId: row.familyId, userId: user.id, expiresAt: row.familyExpiresAt }
  })
  if (!outcome.ok) {
    if (outcome.revoked) {
      await deps.sessions.revoke(outcome.revoked)
      deps.logger.warn({ sessionId: outcome.revoked }, 'refresh token reuse: session family revoked')
    }
    throw new AppError('invalid_token', { detail: outcome.detail })
  }
  // Re-registering keeps a session alive if the store lost it (Redis flushed, embedded restart).
  const ttl = Math.ceil((outcome.expiresAt.getTime() - now) / 1000)
  await deps.sessions.add(outcome.familyId, outcome.userId, ttl)
  return outcome.pair
}

/** Ends the session the access token belongs to (and the refresh token's, if one is given and it is the same user's). */
export const logout = async (
  deps: UserDeps,
  principal: { userId: string; sessionId: string },
  refreshToken?: string,
) => {
  const now = new Date(deps.now())
  const families = new Set([principal.sessionId])
  await deps.sql.begin(async (tx) => {
    if (refreshToken) {
      const row = await repo.lockToken(tx, hashToken(refreshToken))
      if (row && row.userId === principal.userId) families.add(row.familyId)
    }
    for (const id of families) await repo.revokeFamily(tx, id, 'logout', now)
  })
  for (const id of families) await deps.sessions.revoke(id)
}

/**
 * Revokes every session of a user except `keep`, in the database (inside `tx` when given, so the revocation
 * commits with the change that calls for it) and in the session store.
 */
export const revokeSessions = async (
  deps: UserDeps,
  userId: string,
  reason: string,
  keep?: string,
  tx: Queryable = deps.sql,
) => {
  const ids = await repo.revokeUserFamilies(tx, userId, reason, new Date(deps.now()), keep)
  await Promise.all(ids.map((id) => deps.sessions.revoke(id)))
  return ids.length
}
