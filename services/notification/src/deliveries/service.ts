import type { Tx } from '@myshop/db'
import { AppError } from '@myshop/errors'
import type { AnyEventContract, EnvelopeOf } from '@myshop/events'
import { newId } from '@myshop/ids'
import type { SendResult } from '../channels/model.ts'
import type { NotificationDeps } from '../deps.ts'
import { type Channel, recipientOf } from '../messages/model.ts'
import type { Job, JobResult, RateLimit } from '../queue/model.ts'
import { type Delivery, type NewDelivery, retryable } from './model.ts'
import * as deliveries from './repository.ts'

/**
 * Records the deliveries an event asks for, in the transaction that records the event as handled: one per
 * (event, channel, recipient), so an event handled twice adds none. Answers the new ones, for `enqueue` after
 * the commit.
 */
export const recordDeliveries = (
  deps: NotificationDeps,
  tx: Tx,
  event: Pick<EnvelopeOf<AnyEventContract>, 'id' | 'type'>,
  wanted: NewDelivery[],
) => {
  const at = new Date(deps.now())
  return deliveries.insertNew(
    tx,
    wanted.map((delivery) => ({
      id: newId('ntf', at.getTime()),
      eventId: event.id,
      eventType: event.type,
      template: delivery.template,
      channel: delivery.message.channel,
      recipient: recipientOf(delivery.message),
      category: delivery.category,
      payload: delivery.message,
      createdAt: at,
    })),
  )
}

/** Hands deliveries to the queue; their job's id is their own, so handing one over twice queues it once. */
export const enqueue = async (
  deps: NotificationDeps,
  rows: { id: string; channel: Channel; delayMs?: number | undefined }[],
) => {
  for (const row of rows)
    await deps.queue.add(row.id, { channel: row.channel }, row.delayMs ? { delayMs: row.delayMs } : undefined)
}

const sendSafely = async (
  deps: NotificationDeps,
  delivery: Delivery,
): Promise<SendResult & { provider: string | null }> => {
  const sender = deps.senders.find((candidate) => candidate.channel === delivery.channel)
  if (!sender)
    return {
      outcome: 'retry',
      errorClass: 'provider_error',
      detail: `no ${delivery.channel} provider is configured`,
      provider: null,
    }
  try {
    return { ...(await sender.send(delivery.payload, delivery.id)), provider: sender.provider }
  } catch (error) {
    return {
      outcome: 'retry',
      errorClass: 'network',
      detail: (error as Error).message,
      provider: sender.provider,
    }
  }
}

/**
 * Sends one delivery, the queue's job of the same id. The delivery is leased first, so of two workers (or a
 * worker and the one it replaced after a crash) only one sends while the lease holds; the provider is given the
 * delivery's id as its idempotency key for a send repeated after a lease ran out. A suppressed recipient is never
 * sent to. The outcome is recorded only while the lease is still held.
 */
export const deliver = async (deps: NotificationDeps, job: Job): Promise<JobResult> => {
  const at = deps.now()
  const { owner, leaseMs } = deps.settings
  const delivery = await deliveries.claim(deps.sql, job.id, owner, new Date(at), new Date(at + leaseMs))
  if (!delivery) return { result: 'done' }
  const settle = (change: Omit<Parameters<typeof deliveries.settle>[3], 'at'>) =>
    deliveries.settle(deps.sql, delivery.id, owner, { ...change, at: new Date(deps.now()) })
  const none = { provider: null, providerMessageId: null, nextAttemptAt: null }

  if (await deliveries.isSuppressed(deps.sql, delivery.channel, delivery.recipient)) {
    await settle({ status: 'suppressed', lastError: 'the recipient is suppressed', ...none })
    return { result: 'done' }
  }
  const sent = await sendSafely(deps, delivery)
  if (sent.outcome === 'sent') {
    await settle({
      status: 'sent',
      lastError: null,
      provider: sent.provider,
      providerMessageId: sent.providerMessageId,
      nextAttemptAt: null,
    })
    return { result: 'done' }
  }
  const lastError = `${sent.errorClass}: ${sent.detail}`
  if (sent.outcome === 'failed') {
    await settle({ status: 'failed', lastError, ...none, provider: sent.provider })
    return { result: 'done' }
  }
  const held = await settle({
    status: job.lastAttempt ? 'failed' : 'queued',
    lastError,
    ...none,
    provider: sent.provider,
    nextAttemptAt: job.lastAttempt ? null : new Date(deps.now() + (sent.retryAfterMs ?? 0)),
  })
  // A worker that lost its lease leaves the retry to the one that holds it.
  if (!held) return { result: 'done' }
  return {
    result: 'retry',
    errorClass: sent.errorClass,
    detail: sent.detail,
    retryAfterMs: sent.retryAfterMs,
  }
}

/** Starts sending: every channel's lane with its concurrency and its provider's rate limit. */
export const startDelivering = (deps: NotificationDeps) => {
  const rateLimit: Partial<Record<Channel, RateLimit>> = {}
  for (const sender of deps.senders) {
    const limit = deps.settings.rateLimits[sender.provider.toLowerCase()]
    if (limit) rateLimit[sender.channel] = limit
  }
  return deps.queue.start((job) => deliver(deps, job), { concurrency: deps.settings.concurrency, rateLimit })
}

/** Hands the queue again the deliveries it may have lost (see `stranded`); answers how many. */
export const requeueStranded = async (deps: NotificationDeps): Promise<number> => {
  const at = deps.now()
  const rows = await deliveries.stranded(deps.sql, new Date(at - deps.settings.leaseMs), new Date(at), 500)
  await enqueue(deps, rows)
  return rows.length
}

const notFound = () => new AppError('not_found', { detail: 'No delivery has this id' })

export const getDelivery = async (deps: NotificationDeps, id: string) => {
  const delivery = await deliveries.find(deps.sql, id)
  if (!delivery) throw notFound()
  return delivery
}

export const listDeliveries = async (deps: NotificationDeps, filter: deliveries.DeliveryFilter) => {
  const rows = await deliveries.list(deps.sql, { ...filter, limit: filter.limit + 1 })
  const page = rows.slice(0, filter.limit)
  return { items: page, nextCursor: rows.length > filter.limit ? page.at(-1)!.id : null }
}

/** Sends a failed delivery again, from its first attempt; 409 for any other status. */
export const retryDelivery = async (deps: NotificationDeps, id: string) => {
  const delivery = await getDelivery(deps, id)
  if (!retryable(delivery.status) || !(await deliveries.requeue(deps.sql, id, new Date(deps.now()))))
    throw new AppError('conflict', { detail: `A delivery that is ${delivery.status} is not retried` })
  if (!(await deps.queue.retry(id))) await enqueue(deps, [delivery])
  return getDelivery(deps, id)
}

/** Sends every failed delivery again; answers how many. */
export const retryAllFailed = async (deps: NotificationDeps): Promise<number> => {
  let count = 0
  for (const id of await deliveries.failedIds(deps.sql, 10_000)) {
    if (!(await deliveries.requeue(deps.sql, id, new Date(deps.now())))) continue
    if (!(await deps.queue.retry(id))) {
      const delivery = await deliveries.find(deps.sql, id)
      if (delivery) await enqueue(deps, [delivery])
    }
    count++
  }
  return count
}

/** Stops sending to `recipient` on `channel` (a hard bounce): later deliveries to it are suppressed. */
export const suppressRecipient = (
  deps: NotificationDeps,
  channel: Channel,
  recipient: string,
  reason: string,
) => deliveries.suppress(deps.sql, channel, recipient, reason, new Date(deps.now()))

/**
 * Applies what a provider reported about a message it took: delivered, bounced (a hard bounce also stops every
 * later email to the address) or failed. Each callback counts once (by the provider's id of it); one about a
 * message MyShop did not send is acknowledged and changes nothing. Answers the delivery's id, if found.
 */
export const recordProviderReport = async (
  deps: NotificationDeps,
  report: {
    provider: string
    eventId: string
    channel: Channel
    deliveryId: string | null
    providerMessageId: string | null
    status: 'delivered' | 'bounced' | 'failed'
    detail: string | null
  },
): Promise<{ deliveryId: string | null; duplicate: boolean }> => {
  const at = new Date(deps.now())
  const delivery = await deliveries.findForCallback(
    deps.sql,
    report.channel,
    report.deliveryId,
    report.providerMessageId,
  )
  const fresh = await deliveries.receiveProviderEvent(deps.sql, {
    provider: report.provider,
    eventId: report.eventId,
    deliveryId: delivery?.id ?? null,
    status: report.status,
    at,
  })
  if (!fresh || !delivery) return { deliveryId: delivery?.id ?? null, duplicate: !fresh }
  await deliveries.markReported(deps.sql, delivery.id, report.status, report.detail, at)
  if (report.status === 'bounced')
    await deliveries.suppress(deps.sql, delivery.channel, delivery.recipient, report.detail ?? 'bounced', at)
  return { deliveryId: delivery.id, duplicate: false }
}
