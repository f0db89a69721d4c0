import type { Db, Queryable, Tx } from '@myshop/db'
import type { EventType, TrackedEvent } from './model.ts'

/** Rows as one JSON parameter, read back with `jsonb_to_recordset`: a batch is one statement of one parameter. */
const json = (tx: Tx, rows: readonly object[]) => tx.json(rows as unknown as Parameters<Tx['json']>[0])

/** An event row the insert wrote (not one already there): what the rollups count. */
export interface InsertedEvent {
  id: string
  type: EventType
  sessionId: string
  time: Date
  /** Only for searches: the rollups read the query and the result count. */
  properties: { query?: string; results?: number } | null
}

/**
 * Inserts a batch in one statement; a row already stored (same id and time: a retried batch) is skipped. Answers the
 * rows actually inserted.
 */
export const insertEvents = async (tx: Tx, events: readonly TrackedEvent[]): Promise<InsertedEvent[]> => {
  const rows = events.map((e) => ({
    id: e.id,
    type: e.type,
    anonymous_id: e.anonymousId,
    session_id: e.sessionId,
    user_id: e.userId,
    time: e.time.toISOString(),
    received_at: e.receivedAt.toISOString(),
    properties: e.properties,
    ip_prefix: e.ipPrefix,
    user_agent: e.userAgent,
  }))
  return tx<InsertedEvent[]>`
    insert into analytics.tracked_events
      (id, type, anonymous_id, session_id, user_id, time, received_at, properties, ip_prefix, user_agent)
    select id, type, anonymous_id, session_id, user_id, time, received_at, properties, ip_prefix, user_agent
    from jsonb_to_recordset(${json(tx, rows)}) as r(
      id text, type text, anonymous_id text, session_id text, user_id text, time timestamptz,
      received_at timestamptz, properties jsonb, ip_prefix text, user_agent text)
    on conflict do nothing
    returning id, type, session_id as "sessionId", time,
      case when type = 'search' then properties end as properties`
}

export type Grain = 'hourly' | 'daily'

export interface CountDelta {
  bucket: Date
  type: string
  events: number
}

/**
 * Adds `rows` to a rollup: each row's counters are added to its key's (a row is made for a new key). Rows go in key
 * order, so two writers of overlapping keys never wait on each other in a cycle. Table and column names are this
 * file's constants; the rows are one JSON parameter.
 */
const addToRollup = async (
  tx: Tx,
  table: string,
  keys: Record<string, 'timestamptz' | 'text'>,
  counters: readonly string[],
  rows: readonly Record<string, unknown>[],
) => {
  if (rows.length === 0) return
  const key = Object.keys(keys).join(', ')
  const columns = `${key}, ${counters.join(', ')}`
  const recordset = [
    ...Object.entries(keys).map(([column, type]) => `${column} ${type}`),
    ...counters.map((column) => `${column} bigint`),
  ].join(', ')
  await tx.unsafe(
    `insert into analytics.${table} as t (${columns})
     select ${columns} from jsonb_to_recordset($1) as r(${recordset})
     order by ${key}
     on conflict (${key}) do update set ${counters.map((c) => `${c} = t.${c} + excluded.${c}`).join(', ')}`,
    [json(tx, rows)],
  )
}

/** Adds events to the counts by type. */
export const addEventCounts = (tx: Tx, grain: Grain, deltas: readonly CountDelta[]) =>
  addToRollup(
    tx,
    `event_counts_${grain}`,
    { bucket: 'timestamptz', type: 'text' },
    ['events'],
    deltas.map((d) => ({ bucket: d.bucket.toISOString(), type: d.type, events: d.events })),
  )

export interface SessionState {
  sessionId: string
  firstTime: Date
  steps: number
}

const sessionJson = (tx: Tx, sessions: readonly SessionState[]) =>
  json(
    tx,
    sessions.map((s) => ({ session_id: s.sessionId, first_time: s.firstTime.toISOString(), steps: s.steps })),
  )

/** Inserts the sessions not yet known; answers the ids of those it inserted (the others were there already). */
export const insertNewSessions = async (tx: Tx, sessions: readonly SessionState[]): Promise<string[]> => {
  if (sessions.length === 0) return []
  const rows = await tx<{ sessionId: string }[]>`
    insert into analytics.tracked_sessions (session_id, first_time, steps)
    select session_id, first_time, steps
    from jsonb_to_recordset(${sessionJson(tx, sessions)}) as r(session_id text, first_time timestamptz, steps int)
    order by session_id
    on conflict (session_id) do nothing
    returning session_id as "sessionId"`
  return rows.map((r) => r.sessionId)
}

/** The stored sessions among `ids`, locked until the transaction ends so their rollups move once. */
export const lockSessions = (tx: Tx, ids: readonly string[]) =>
  tx<SessionState[]>`
    select session_id as "sessionId", first_time as "firstTime", steps
    from analytics.tracked_sessions
    where session_id = any(${ids as string[]}::text[])
    order by session_id
    for update`

export const updateSessions = async (tx: Tx, sessions: readonly SessionState[]) => {
  if (sessions.length === 0) return
  await tx`
    update analytics.tracked_sessions s set first_time = r.first_time, steps = r.steps
    from jsonb_to_recordset(${sessionJson(tx, sessions)}) as r(session_id text, first_time timestamptz, steps int)
    where s.session_id = r.session_id`
}

export interface FunnelDelta {
  bucket: Date
  sessions: number
  viewed: number
  carted: number
  checkedOut: number
  purchased: number
}

/** Adds (or, negative, takes away) sessions at each step of a bucket's funnel. */
export const addFunnel = (tx: Tx, grain: Grain, deltas: readonly FunnelDelta[]) =>
  addToRollup(
    tx,
    `funnel_${grain}`,
    { bucket: 'timestamptz' },
    ['sessions', 'viewed', 'carted', 'checked_out', 'purchased'],
    deltas.map((d) => ({
      bucket: d.bucket.toISOString(),
      sessions: d.sessions,
      viewed: d.viewed,
      carted: d.carted,
      checked_out: d.checkedOut,
      purchased: d.purchased,
    })),
  )

export interface SearchDelta {
  bucket: Date
  term: string
  searches: number
  zeroResults: number
  resultsSum: number
}

/** Adds searches to their terms' counts. */
export const addSearchTerms = (tx: Tx, grain: Grain, deltas: readonly SearchDelta[]) =>
  addToRollup(
    tx,
    `search_terms_${grain}`,
    { bucket: 'timestamptz', term: 'text' },
    ['searches', 'zero_results', 'results_sum'],
    deltas.map((d) => ({
      bucket: d.bucket.toISOString(),
      term: d.term,
      searches: d.searches,
      zero_results: d.zeroResults,
      results_sum: d.resultsSum,
    })),
  )

// Partitions. Their names carry their month (`tracked_events_p202609`); DDL takes no parameters, so the bounds are
// written as literals, from dates this service formats itself.

const partitionName = /^tracked_events_p(\d{4})(\d{2})$/

/** The monthly partitions there are, as the first instant of their month, oldest first. */
export const monthlyPartitions = async (sql: Queryable): Promise<{ name: string; month: Date }[]> => {
  const rows = await sql<{ name: string }[]>`
    select c.relname as name
    from pg_inherits i
    join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'analytics.tracked_events'::regclass`
  return rows
    .flatMap(({ name }) => {
      const match = partitionName.exec(name)
      return match ? [{ name, month: new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) }] : []
    })
    .sort((a, b) => a.month.getTime() - b.month.getTime())
}

/** Holds off every other instance's partition changes until this transaction ends. */
export const lockPartitions = async (tx: Tx) => {
  await tx`select pg_advisory_xact_lock(hashtext('analytics.tracked_events partitions'))`
}

/** The months that have events in the default partition (those no monthly partition took). */
export const monthsInDefault = async (sql: Queryable): Promise<Date[]> => {
  const rows = await sql<{ month: Date }[]>`
    select distinct date_trunc('month', time, 'UTC') as month
    from analytics.tracked_events_default
    order by month`
  return rows.map((r) => r.month)
}

const monthName = (month: Date) =>
  `tracked_events_p${month.getUTCFullYear()}${String(month.getUTCMonth() + 1).padStart(2, '0')}`

/**
 * Creates the partition of one month. Rows of that month waiting in the default partition are moved into it (a
 * partition cannot be created over rows the default one holds for its range); rollups already counted them.
 */
export const createMonthPartition = async (tx: Tx, month: Date, next: Date) => {
  const name = monthName(month)
  const from = month.toISOString()
  const to = next.toISOString()
  await tx.unsafe(
    `create temp table moving_events on commit drop as
     with moved as (
       delete from analytics.tracked_events_default where time >= '${from}' and time < '${to}' returning *
     ) select * from moved`,
  )
  await tx.unsafe(
    `create table analytics.${name} partition of analytics.tracked_events for values from ('${from}') to ('${to}')`,
  )
  await tx.unsafe('insert into analytics.tracked_events select * from moving_events')
  await tx.unsafe('drop table moving_events')
  return name
}

export const dropPartition = async (tx: Tx, name: string) => {
  if (!partitionName.test(name)) throw new Error(`not a partition of tracked events: ${name}`)
  await tx.unsafe(`drop table analytics.${name}`)
}

/** Deletes everything before `cutoff` that is not in a whole partition: stray raw rows, rollups and sessions. */
export const deleteBefore = async (tx: Tx, cutoff: Date) => {
  const counts = await Promise.all([
    tx`delete from analytics.tracked_events_default where time < ${cutoff}`,
    tx`delete from analytics.event_counts_hourly where bucket < ${cutoff}`,
    tx`delete from analytics.event_counts_daily where bucket < ${cutoff}`,
    tx`delete from analytics.funnel_hourly where bucket < ${cutoff}`,
    tx`delete from analytics.funnel_daily where bucket < ${cutoff}`,
    tx`delete from analytics.search_terms_hourly where bucket < ${cutoff}`,
    tx`delete from analytics.search_terms_daily where bucket < ${cutoff}`,
    tx`delete from analytics.tracked_sessions where first_time < ${cutoff}`,
  ])
  return counts.reduce((sum, result) => sum + result.count, 0)
}

// Reports. Each page is one query over a rollup, keyed by where the previous page ended.

export type Unit = 'hour' | 'day' | 'week' | 'month'

export interface FunnelFigures {
  bucket: Date
  sessions: number
  viewed: number
  carted: number
  checkedOut: number
  purchased: number
  viewToCart: number | null
  cartToCheckout: number | null
  checkoutToPurchase: number | null
  conversion: number | null
}

/** The funnel per `unit` bucket from `after` (a bucket's first instant) on, within [from, to). */
export const funnelPage = (
  sql: Db,
  grain: Grain,
  unit: Unit,
  window: { from: Date; to: Date },
  after: Date,
  limit: number,
) =>
  sql<FunnelFigures[]>`
    select bucket, sessions, viewed, carted, "checkedOut", purchased,
      round(carted::numeric / nullif(viewed, 0), 4)::float8 as "viewToCart",
      round("checkedOut"::numeric / nullif(carted, 0), 4)::float8 as "cartToCheckout",
      round(purchased::numeric / nullif("checkedOut", 0), 4)::float8 as "checkoutToPurchase",
      round(purchased::numeric / nullif(sessions, 0), 4)::float8 as conversion
    from (
      select date_trunc(${unit}, bucket, 'UTC') as bucket,
        sum(sessions)::bigint as sessions, sum(viewed)::bigint as viewed, sum(carted)::bigint as carted,
        sum(checked_out)::bigint as "checkedOut", sum(purchased)::bigint as purchased
      from ${sql(`analytics.funnel_${grain}`)}
      where bucket >= ${window.from} and bucket < ${window.to} and bucket >= ${after}
      group by 1
      having sum(sessions) > 0
      order by 1
      limit ${limit}
    ) page
    order by bucket`

export interface SearchTermFigures {
  term: string
  searches: number
  zeroResultSearches: number
  averageResults: number
}

/**
 * Search terms over [from, to) by searches (most first), then term, after the page that ended at `after`; with
 * `zeroOnly`, only terms some search of which found nothing.
 */
export const searchTermsPage = (
  sql: Db,
  grain: Grain,
  window: { from: Date; to: Date },
  options: { zeroOnly: boolean; after: { searches: number; term: string } | null; limit: number },
) => {
  const { after } = options
  return sql<SearchTermFigures[]>`
    select term, sum(searches)::bigint as searches, sum(zero_results)::bigint as "zeroResultSearches",
      round(sum(results_sum)::numeric / sum(searches), 2)::float8 as "averageResults"
    from ${sql(`analytics.search_terms_${grain}`)}
    where bucket >= ${window.from} and bucket < ${window.to}
    group by term
    having sum(searches) > 0
      and (${!options.zeroOnly} or sum(zero_results) > 0)
      and (${after === null}
        or sum(searches) < ${after?.searches ?? 0}
        or (sum(searches) = ${after?.searches ?? 0} and term > ${after?.term ?? ''}))
    order by searches desc, term
    limit ${options.limit}`
}
