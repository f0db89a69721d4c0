import { isRole } from '@myshop/auth'
import type { Queryable } from '@myshop/db'
import { AppError } from '@myshop/errors'
import { outbox, userRegistered, userRoleChanged } from '@myshop/events'
import { newId } from '@myshop/ids'
import { createPasswordPolicy } from '../auth/passwords.ts'
import { revokeSessions } from '../auth/service.ts'
import { assertNotLocked, countFailure, passwordChangeCounters } from '../auth/throttle.ts'
import type { ClientContext, UserDeps } from '../deps.ts'
import { schema, source } from '../deps.ts'
import type { User, UserFilter, UserWithSecret } from './model.ts'
import * as users from './repository.ts'

const notFound = () => new AppError('not_found', { detail: 'No such user' })

const normalizeEmail = (email: string) => email.trim()

/** Refuses weak passwords with a 422 that says why. */
const assertStrongPassword = (deps: UserDeps, password: string, inputs: string[]) => {
  const reason = deps.passwordPolicy.check(password, inputs)
  if (reason)
    throw new AppError('weak_password', { detail: reason, errors: [{ path: '/password', message: reason }] })
}

/** Creates an account with the given roles and emits `user.registered` in the same transaction. */
export const createAccount = async (
  deps: UserDeps,
  input: { email: string; password: string; name: string; roles: string[] },
  ctx: ClientContext,
): Promise<User> => {
  const email = normalizeEmail(input.email)
  const name = input.name.trim()
  await assertStrongPassword(deps, input.password, [email, name, email.split('@')[0] ?? ''])
  const passwordHash = await deps.hasher.hash(input.password)
  const user = await deps.sql.begin(async (tx) => {
    const created = await users.insert(tx, {
      id: newId('usr', deps.now()),
      email,
      name,
      passwordHash,
      roles: input.roles,
    })
    if (!created) throw new AppError('email_taken', { detail: 'An account with this email already exists' })
    await outbox.add(
      tx,
      schema,
      userRegistered.create(
        {
          userId: created.id,
          email: created.email,
          name: created.name,
          roles: created.roles,
          registeredAt: created.createdAt,
        },
        {
          source,
          occurredAt: new Date(deps.now()),
          ...(ctx.traceparent && { traceparent: ctx.traceparent }),
          ...(ctx.requestId && { requestId: ctx.requestId }),
        },
      ),
    )
    return created
  })
  deps.eventsWritten()
  return user
}

/** The account with this email (in any letter case), with its password hash; null when there is none. */
export const findAccountByEmail = (deps: UserDeps, email: string): Promise<UserWithSecret | null> =>
  users.findByEmail(deps.sql, email)

/** The account with this id, with its password hash, read inside the caller's transaction when given. */
export const findAccount = (
  deps: UserDeps,
  id: string,
  sql: Queryable = deps.sql,
): Promise<UserWithSecret | null> => users.findById(sql, id)

export const getUser = async (deps: UserDeps, id: string): Promise<User> => {
  const user = await users.findById(deps.sql, id)
  if (!user) throw notFound()
  const { passwordHash: _, ...rest } = user
  return rest
}

export interface ProfileChanges {
  name?: string | undefined
  password?: string | undefined
  currentPassword?: string | undefined
}

/**
 * Updates the caller's own profile; a new password needs the current one and ends the other sessions. A wrong
 * current password counts as a failed sign-in from this client, and against the session, so a stolen access token
 * is no faster a way to guess the password than the sign-in form.
 */
export const updateProfile = async (
  deps: UserDeps,
  principal: { userId: string; sessionId: string },
  changes: ProfileChanges,
  ctx: ClientContext,
): Promise<User> => {
  const current = await users.findById(deps.sql, principal.userId)
  if (!current) throw notFound()
  let passwordHash: string | undefined
  if (changes.password !== undefined) {
    const counters = passwordChangeCounters(deps.settings, current.email, {
      ip: ctx.ip,
      sessionId: principal.sessionId,
    })
    await assertNotLocked(deps.attempts, counters)
    const matches =
      changes.currentPassword !== undefined &&
      (await deps.hasher.verify(changes.currentPassword, current.passwordHash))
    if (!matches) {
      // A missing current password is a malformed request, not a guess.
      if (changes.currentPassword !== undefined)
        await countFailure(deps.attempts, counters, deps.settings.lockSeconds)
      throw new AppError('invalid_credentials', {
        detail: 'The current password is required to set a new one',
        errors: [{ path: '/currentPassword', message: 'does not match' }],
      })
    }
    await Promise.all(counters.map((c) => deps.attempts.reset(c.key)))
    await assertStrongPassword(deps, changes.password, [current.email, current.name])
    passwordHash = await deps.hasher.hash(changes.password)
  }
  const name = changes.name?.trim()
  const updated = await users.update(
    deps.sql,
    principal.userId,
    { ...(name && { name }), ...(passwordHash && { passwordHash }) },
    new Date(deps.now()),
  )
  if (!updated) throw notFound()
  if (passwordHash) await revokeSessions(deps, principal.userId, 'password_changed', principal.sessionId)
  return updated
}

export const listUsers = async (deps: UserDeps, filter: UserFilter) => {
  const rows = await users.list(deps.sql, { ...filter, limit: filter.limit + 1 })
  const items = rows.slice(0, filter.limit)
  return { items, nextCursor: rows.length > filter.limit ? (items.at(-1)?.id ?? null) : null }
}

/**
 * Replaces a user's roles and emits `user.role_changed`. Taking a role away ends the user's sessions at
 * once, so the lost permissions do not live on in unexpired access tokens.
 */
export const setRoles = async (
  deps: UserDeps,
  actor: { userId: string },
  userId: string,
  roles: string[],
  ctx: ClientContext,
): Promise<User> => {
  const unknown = roles.filter((r) => !isRole(r))
  if (unknown.length > 0) {
    throw new AppError('validation_failed', {
      detail: `Unknown role: ${unknown.join(', ')}`,
      errors: [{ path: '/roles', message: 'unknown role' }],
    })
  }
  const next = [...new Set(roles)].sort()
  if (actor.userId === userId && !next.includes('admin')) {
    throw new AppError('conflict', { detail: 'Administrators cannot remove their own admin role' })
  }
  const now = new Date(deps.now())
  const { user, removed } = await deps.sql.begin(async (tx) => {
    const before = await users.findById(tx, userId, true)
    if (!before) throw notFound()
    const user = await users.update(tx, userId, { roles: next }, now)
    if (!user) throw notFound()
    await outbox.add(
      tx,
      schema,
      userRoleChanged.create(
        {
          userId,
          roles: next,
          previousRoles: before.roles,
          changedBy: actor.userId,
          changedAt: now.toISOString(),
        },
        {
          source,
          occurredAt: now,
          ...(ctx.traceparent && { traceparent: ctx.traceparent }),
          ...(ctx.requestId && { requestId: ctx.requestId }),
        },
      ),
    )
    return { user, removed: before.roles.some((r) => !next.includes(r)) }
  })
  deps.eventsWritten()
  if (removed) await revokeSessions(deps, userId, 'roles_reduced')
  return user
}

const adminName = 'Administrator'

/**
 * Why registration would refuse MYSHOP_ADMIN_PASSWORD for this email, or null. Configuration validation asks it,
 * so a shop never boots with a guessable administrator password and nothing opens before it is refused.
 */
export const bootstrapPasswordProblem = (email: string, password: string): string | null =>
  createPasswordPolicy().check(password, [email, email.split('@')[0] ?? '', adminName])

export type AdminOutcome = 'created' | 'promoted' | 'password_set' | 'unchanged'

/**
 * Creates the first administrator from MYSHOP_ADMIN_EMAIL / MYSHOP_ADMIN_PASSWORD, or makes the existing account
 * with that email one. Promoting an account or setting its password ends every session it had, in the same
 * transaction: whoever registered that email earlier and still holds its tokens must not inherit the role.
 */
export const ensureAdmin = async (
  deps: UserDeps,
  email: string,
  password: string,
): Promise<{ outcome: AdminOutcome; sessionsEnded: number }> => {
  const existing = await users.findByEmail(deps.sql, email)
  if (!existing) {
    await createAccount(
      deps,
      { email, password, name: adminName, roles: ['admin'] },
      { ip: null, userAgent: 'boot' },
    )
    return { outcome: 'created', sessionsEnded: 0 }
  }
  const promote = !existing.roles.includes('admin')
  const samePassword = await deps.hasher.verify(password, existing.passwordHash)
  if (!promote && samePassword) return { outcome: 'unchanged', sessionsEnded: 0 }
  const passwordHash = samePassword ? undefined : await deps.hasher.hash(password)
  const reason = promote ? 'promoted_at_boot' : 'password_set_at_boot'
  const roles = promote ? [...existing.roles, 'admin'].sort() : existing.roles
  const now = new Date(deps.now())
  const sessionsEnded = await deps.sql.begin(async (tx) => {
    await users.update(tx, existing.id, { roles, ...(passwordHash && { passwordHash }) }, now)
    if (promote) {
      await outbox.add(
        tx,
        schema,
        userRoleChanged.create(
          {
            userId: existing.id,
            roles,
            previousRoles: existing.roles,
            // No user made this change: the boot configuration did.
            changedBy: 'MYSHOP_ADMIN_EMAIL',
            changedAt: now.toISOString(),
          },
          { source, occurredAt: now },
        ),
      )
    }
    return revokeSessions(deps, existing.id, reason, undefined, tx)
  })
  if (promote) deps.eventsWritten()
  deps.logger.warn(
    { userId: existing.id, promoted: promote, passwordSet: !samePassword, sessionsEnded },
    'boot administrator settings changed an existing account; its sessions were ended',
  )
  return { outcome: promote ? 'promoted' : 'password_set', sessionsEnded }
}
