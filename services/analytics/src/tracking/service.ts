import { AppError } from '@myshop/errors'
import { newId } from '@myshop/ids'
import type { RateLimitCheck } from '@myshop/rate-limit'
import type { TSchema } from '@sinclair/typebox'
import { isbot } from 'isbot'
import type { AnalyticsDeps } from '../deps.ts'
import { retriedTransaction } from '../transactions.ts'
import {
  addMonths,
  browserFamily,
  checkEvent,
  dayMs,
  eventShape,
  type IncomingEvent,
  importedEventShape,
  ipPrefix,
  monthStart,
  type Rejection,
  type TimeBounds,
  type TrackedEvent,
} from './model.ts'
import {
  addEventCounts,
  addFunnel,
  addSearchTerms,
  createMonthPartition,
  deleteBefore,
  dropPartition,
  type Grain,
  insertEvents,
  insertNewSessions,
  lockPartitions,
  lockSessions,
  monthlyPartitions,
  monthsInDefault,
  funnelPage as readFunnelPage,
  searchTermsPage as readSearchTermsPage,
  type SessionState,
  type Unit,
  updateSessions,
} from './repository.ts'
import {
  batchSessions,
  countDeltas,
  funnelDeltas,
  grains,
  mergeSession,
  sameSession,
  searchDeltas,
} from './rollups.ts'

export type { FunnelFigures, SearchTermFigures } from './repository.ts'

/** How far ahead of the server's clock an event's time may be (clients' clocks drift). */
const futureMs = 5 * 60_000

/** What a request to `/track` says about who sent it. */
export interface Caller {
  /** From the bearer token, never from the body. */
  userId: string | null
  ip: string | null
  userAgent: string | null
  /** `Sec-GPC: 1`: the browser asks not to be tracked. */
  globalPrivacyControl: boolean
}

export interface TrackAnswer {
  accepted: number
  rejected: Rejection[]
  dropped: null | 'consent' | 'bot'
}

/** The first instant kept: the start of the UTC day `ANALYTICS_RETENTION_DAYS` ago. */
export const retentionCutoff = (deps: Pick<AnalyticsDeps, 'now' | 'tracking'>): Date => {
  const at = deps.now() - deps.tracking.settings.retentionDays * dayMs
  return new Date(Math.floor(at / dayMs) * dayMs)
}

const validate = (
  values: readonly unknown[],
  bounds: TimeBounds,
  shape: TSchema,
): { events: { index: number; event: IncomingEvent }[]; rejected: Rejection[] } => {
  const events: { index: number; event: IncomingEvent }[] = []
  const rejected: Rejection[] = []
  values.forEach((value, index) => {
    const checked = checkEvent(value, index, bounds, shape)
    if ('event' in checked) events.push({ index, event: checked.event })
    else rejected.push({ index, errors: checked.errors })
  })
  return { events, rejected }
}

const toRow = (event: IncomingEvent, receivedAt: Date, caller: Omit<Caller, 'globalPrivacyControl'>) => ({
  id: event.id ?? newId('evt', receivedAt.getTime()),
  type: event.type,
  anonymousId: event.anonymousId,
  sessionId: event.sessionId,
  userId: caller.userId,
  time: new Date(event.time),
  receivedAt,
  properties: event.properties,
  ipPrefix: ipPrefix(caller.ip),
  userAgent: browserFamily(caller.userAgent),
})

/** One check per anonymous id of the batch, costing its events, keyed with the caller's address. */
const limitChecks = (
  deps: AnalyticsDeps,
  values: readonly unknown[],
  ip: string | null,
): RateLimitCheck[] => {
  const perClient = new Map<string, number>()
  for (const value of values) {
    const anonymousId = (value as { anonymousId?: unknown } | null)?.anonymousId
    const client = typeof anonymousId === 'string' ? anonymousId.slice(0, 64) : '-'
    perClient.set(client, (perClient.get(client) ?? 0) + 1)
  }
  const { limit, windowMs } = deps.tracking.settings.rateLimit
  return [...perClient].map(([client, cost]) => ({
    key: `track:${ip ?? 'unknown'}:${client}`,
    options: { limit, windowMs, cost: Math.min(cost, limit) },
  }))
}

/**
 * Takes a batch from a shopper's browser: nothing is kept without consent or from a bot; each event is checked on
 * its own (the good ones kept, the others answered by index); the accepted ones are handed to the batch writer,
 * which stores them shortly after the answer. Refuses the batch when its client sent too much (429) or when the
 * writer's buffer is full because the database has not been taking events (503).
 */
export const track = async (
  deps: AnalyticsDeps,
  body: { consent?: boolean | undefined; events: unknown[] },
  caller: Caller,
): Promise<TrackAnswer> => {
  if (body.consent === false || caller.globalPrivacyControl)
    return { accepted: 0, rejected: [], dropped: 'consent' }
  if (caller.userAgent && isbot(caller.userAgent)) return { accepted: 0, rejected: [], dropped: 'bot' }
  const { tracking } = deps
  const results = await tracking.limiter(limitChecks(deps, body.events, caller.ip))
  const refused = results.filter((r) => !r.allowed)
  if (refused.length > 0) {
    const waitMs = Math.max(...refused.map((r) => r.retryAfterMs))
    throw new AppError('rate_limited', {
      detail: 'Too many tracked events from this client; try again later',
      headers: { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) },
    })
  }
  const now = deps.now()
  const { maxAgeHours } = tracking.settings
  const oldest = Math.max(now - maxAgeHours * 3_600_000, retentionCutoff(deps).getTime())
  const { events, rejected } = validate(
    body.events,
    { now, futureMs, oldest, oldestMessage: `The time is more than ${maxAgeHours} hours ago` },
    eventShape,
  )
  const receivedAt = new Date(now)
  const rows = events.map(({ event }) => toRow(event, receivedAt, caller))
  if (rows.length > 0 && !tracking.writer.offer(rows))
    throw new AppError('unavailable', {
      detail: 'Tracked events are not being stored at the moment; try again later',
      headers: { 'retry-after': '5' },
    })
  return { accepted: rows.length, rejected, dropped: null }
}

export interface ImportAnswer {
  accepted: number
  duplicates: number
  rejected: Rejection[]
}

/**
 * Stores events recorded elsewhere (an earlier system, the seed), each with its own id, through the same storage
 * and rollups as `/track`, before answering. An event already stored (same id and time) counts as a duplicate.
 */
export const importEvents = async (deps: AnalyticsDeps, values: unknown[]): Promise<ImportAnswer> => {
  const now = deps.now()
  const cutoff = retentionCutoff(deps)
  const { events, rejected } = validate(
    values,
    {
      now,
      futureMs,
      oldest: cutoff.getTime(),
      oldestMessage: `The time is before ${cutoff.toISOString()}, beyond the retention`,
    },
    importedEventShape,
  )
  const receivedAt = new Date(now)
  const rows = events.map(({ event }) =>
    toRow(event, receivedAt, { userId: event.userId ?? null, ip: null, userAgent: null }),
  )
  const inserted = rows.length > 0 ? await storeEvents(deps, rows) : []
  deps.tracking.eventIndex?.add(inserted)
  return { accepted: inserted.length, duplicates: rows.length - inserted.length, rejected }
}

/**
 * Stores a batch and brings every rollup up to date in the same transaction, counting only the rows actually
 * inserted (a retried batch adds nothing). Answers the events inserted. A deadlock with another writer over the
 * same sessions is tried again.
 */
export const storeEvents = async (
  deps: AnalyticsDeps,
  events: readonly TrackedEvent[],
): Promise<TrackedEvent[]> => {
  const inserted = await retriedTransaction(deps.sql, async (tx) => {
    const rows = await insertEvents(tx, events)
    if (rows.length === 0) return rows
    const batch = batchSessions(rows)
    // Sent together, run in order: the sessions not yet known are inserted, then every session of the batch is read
    // and locked (those just inserted with them), so the batch's sessions move their rollups once.
    const [createdIds, locked] = await Promise.all([
      insertNewSessions(tx, batch),
      lockSessions(
        tx,
        batch.map((s) => s.sessionId),
      ),
    ])
    const created = new Set(createdIds)
    const stored = new Map(locked.map((s) => [s.sessionId, s]))
    const changes: { before: SessionState | null; after: SessionState }[] = []
    const updates: SessionState[] = []
    for (const session of batch) {
      if (created.has(session.sessionId)) {
        changes.push({ before: null, after: session })
        continue
      }
      const before = stored.get(session.sessionId)
      if (!before) continue
      const after = mergeSession(before, session)
      if (sameSession(before, after)) continue
      changes.push({ before, after })
      updates.push(after)
    }
    // The session updates and every rollup go out in one pipeline, in this order in every writer: sessions, then
    // each table's keys sorted.
    await Promise.all([
      updateSessions(tx, updates),
      ...grains.flatMap((grain) => [
        addEventCounts(tx, grain, countDeltas(rows, grain)),
        addFunnel(tx, grain, funnelDeltas(changes, grain)),
        addSearchTerms(tx, grain, searchDeltas(rows, grain)),
      ]),
    ])
    return rows
  })
  const keys = new Set(inserted.map((row) => `${row.id}|${row.time.getTime()}`))
  return events.filter((event) => keys.delete(`${event.id}|${event.time.getTime()}`))
}

/**
 * Keeps the partitions in shape, under a lock so instances take turns: this month's and the next two exist; a month
 * whose events fell into the default partition gets a partition of its own (the events moved into it); partitions
 * wholly older than the retention are dropped, and older rollups, sessions and stray rows deleted. Answers how many
 * partitions and rows it changed.
 */
export const maintainPartitions = (deps: AnalyticsDeps): Promise<number> => {
  const cutoff = retentionCutoff(deps)
  const thisMonth = monthStart(deps.now())
  return deps.sql.begin(async (tx) => {
    await lockPartitions(tx)
    const partitions = await monthlyPartitions(tx)
    const existing = new Set(partitions.map((p) => p.month.getTime()))
    const wanted = [thisMonth, addMonths(thisMonth, 1), addMonths(thisMonth, 2)]
    for (const month of await monthsInDefault(tx)) if (addMonths(month, 1) > cutoff) wanted.push(month)
    let changed = 0
    for (const month of wanted) {
      if (existing.has(month.getTime())) continue
      await createMonthPartition(tx, month, addMonths(month, 1))
      existing.add(month.getTime())
      changed++
    }
    for (const partition of partitions) {
      if (addMonths(partition.month, 1) > cutoff) continue
      await dropPartition(tx, partition.name)
      changed++
    }
    return changed + (await deleteBefore(tx, cutoff))
  })
}

/** The rollup a window is read from: daily when it covers whole UTC days in buckets of a day or more. */
export const rollupGrain = (window: { from: Date; to: Date; groupBy: Unit }): Grain =>
  window.groupBy !== 'hour' && window.from.getTime() % dayMs === 0 && window.to.getTime() % dayMs === 0
    ? 'daily'
    : 'hourly'

/** One page of the funnel by `groupBy` bucket, from the bucket starting at `after`. */
export const funnelPage = (
  deps: AnalyticsDeps,
  window: { from: Date; to: Date; groupBy: Unit },
  after: Date,
  limit: number,
) => readFunnelPage(deps.sql, rollupGrain(window), window.groupBy, window, after, limit)

/** One page of search terms by searches, after the term that ended the previous page. */
export const searchTermsPage = (
  deps: AnalyticsDeps,
  window: { from: Date; to: Date },
  options: { zeroOnly: boolean; after: { searches: number; term: string } | null; limit: number },
) => readSearchTermsPage(deps.sql, rollupGrain({ ...window, groupBy: 'day' }), window, options)
