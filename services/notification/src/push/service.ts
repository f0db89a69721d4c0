import type { Verifier } from '@myshop/auth'
import type { Db } from '@myshop/db'
import { AppError } from '@myshop/errors'
import { newId } from '@myshop/ids'
import type { Logger } from '@myshop/logger'
import webpush from 'web-push'
import { isPushEndpoint, keyProblem } from './model.ts'
import * as repo from './repository.ts'

/** What the push feature needs; the notification service's deps satisfy it. */
export interface PushDeps {
  sql: Db
  verifier: Verifier
  now: () => number
  logger: Logger
  /** Makes a VAPID key pair; web-push's unless a test gives its own. */
  generateVapidKeys?: () => repo.VapidKeys
}

/** A browser's PushSubscription as its `toJSON()` gives it. */
export interface BrowserSubscription {
  endpoint: string
  expirationTime?: number | null
  keys: { p256dh: string; auth: string }
}

/**
 * The service's VAPID key pair: the stored one, or a new one made and stored on first use. Instances booting
 * together may each make one; the first stored is kept and every instance reads that one.
 */
export const ensureVapidKeys = async (deps: PushDeps): Promise<repo.VapidKeys> => {
  const stored = await repo.vapidKeys(deps.sql)
  if (stored) return stored
  const made = (deps.generateVapidKeys ?? webpush.generateVAPIDKeys)()
  await repo.insertVapidKeys(deps.sql, made, new Date(deps.now()))
  const kept = await repo.vapidKeys(deps.sql)
  if (!kept) throw new Error('The VAPID key pair was stored but cannot be read back')
  if (kept.publicKey === made.publicKey) deps.logger.info('made the VAPID key pair for web push')
  return kept
}

/** The public key browsers subscribe with (`applicationServerKey`). */
export const vapidPublicKey = async (deps: PushDeps) => ({
  publicKey: (await ensureVapidKeys(deps)).publicKey,
})

/** Stores a browser's subscription for the person, after checking its endpoint and keys (422 otherwise). */
export const subscribe = async (deps: PushDeps, userId: string, subscription: BrowserSubscription) => {
  const problems = [
    ...(isPushEndpoint(subscription.endpoint)
      ? []
      : [{ path: '/endpoint', message: 'The endpoint must be an https URL' }]),
    ...[keyProblem(subscription.keys)].filter((p) => p !== null),
  ]
  if (problems.length > 0)
    throw new AppError('validation_failed', { detail: problems[0]!.message, errors: problems })
  const record = await repo.upsertSubscription(
    deps.sql,
    { id: newId('psb', deps.now()), userId, endpoint: subscription.endpoint, ...subscription.keys },
    new Date(deps.now()),
  )
  return { id: record.id, endpoint: record.endpoint, createdAt: record.createdAt.toISOString() }
}

/** Removes the person's subscription at the endpoint; 404 when they have none there (someone else's included). */
export const unsubscribe = async (deps: PushDeps, userId: string, endpoint: string) => {
  if (!(await repo.deleteSubscription(deps.sql, userId, endpoint)))
    throw new AppError('not_found', { detail: 'No push subscription of yours has this endpoint' })
}

/** The browsers that take the person's push notifications. */
export const subscriptionsOf = (deps: Pick<PushDeps, 'sql'>, userId: string) =>
  repo.subscriptionsOf(deps.sql, userId)

/** Whether any browser takes the person's push notifications. */
export const hasPushSubscription = (deps: Pick<PushDeps, 'sql'>, userId: string) =>
  repo.hasSubscription(deps.sql, userId)

/** Forgets a subscription the push service says is gone (404/410), whoever it belonged to. */
export const forgetEndpoint = (deps: Pick<PushDeps, 'sql'>, endpoint: string) =>
  repo.deleteEndpoint(deps.sql, endpoint)
