// Batches of tracked events written side by side touch the same sessions and the same rollup rows: each event must
// be counted once, in the funnel by its session's earliest event and furthest step, whichever batch came first.
import { expect, test } from 'bun:test'
import { analyticsHarness, testId } from './harness.ts'

const h = await analyticsHarness()
const dayMs = 86_400_000
// Far from the other suites' events, and well within the retention.
const start = Math.floor((Date.now() - 300 * dayMs) / dayMs) * dayMs
const prefix = testId('conc')
const steps = ['page_view', 'product_view', 'add_to_cart', 'checkout_started', 'purchase'] as const
const properties: Record<string, Record<string, unknown>> = {
  page_view: { path: '/' },
  product_view: { productId: 'prd_1' },
  add_to_cart: { productId: 'prd_1', sku: 'LAMP-1', quantity: 1 },
  checkout_started: {},
  purchase: { orderId: 'ord_1' },
}

/** 40 sessions, each going a different way down the funnel over hours that cross midnight, with a search or two. */
const events = Array.from({ length: 40 }, (_, s) => {
  const first = start + (s % 5) * dayMs + 20 * 3_600_000 + s * 7 * 60_000
  const reached = steps.slice(0, 1 + (s % steps.length))
  return [
    ...reached.map((type, k) => ({ type, time: first + k * 95 * 60_000, properties: properties[type] })),
    ...Array.from({ length: s % 3 }, (_, k) => ({
      type: 'search',
      time: first + (k + 1) * 40 * 60_000,
      properties: { query: `lamp ${k}`, results: k * 3 },
    })),
  ].map((e, k) => ({
    id: `${prefix}_s${s}_e${k}`,
    type: e.type,
    anonymousId: `${prefix}_a${s}`,
    sessionId: `${prefix}_s${s}`,
    time: new Date(e.time).toISOString(),
    properties: e.properties,
  }))
}).flat()

/** Four batches, each with some events of every session, in no order of time. */
const batches = [0, 1, 2, 3].map((b) => events.filter((_, i) => i % 4 === b).reverse())

const importSideBySide = () =>
  Promise.all(
    batches.map((batch) =>
      h.call('POST', '/api/v1/admin/analytics/events/import', { events: batch }, h.as(h.admin)),
    ),
  )

const window = { from: new Date(start - dayMs), to: new Date(start + 10 * dayMs) }

test('four batches at once over the same sessions: the rollups equal plain SQL over the raw events', async () => {
  const first = await importSideBySide()
  expect(first.map((r) => r.status)).toEqual([200, 200, 200, 200])
  expect(first.reduce((sum, r) => sum + r.body.accepted, 0)).toBe(events.length)

  const again = await importSideBySide()
  expect(again.map((r) => r.body)).toEqual(
    batches.map((batch) => ({ accepted: 0, duplicates: batch.length, rejected: [] })),
  )

  const funnel = await h.sql`
    select bucket, sessions::int, viewed::int, carted::int, checked_out::int, purchased::int
    from analytics.funnel_daily
    where bucket >= ${window.from} and bucket < ${window.to} and sessions <> 0
    order by bucket`
  const fromEvents = await h.sql`
    select date_trunc('day', first_time, 'UTC') as bucket, count(*)::int as sessions,
      count(*) filter (where product_view)::int as viewed, count(*) filter (where add_to_cart)::int as carted,
      count(*) filter (where checkout_started)::int as checked_out, count(*) filter (where purchase)::int as purchased
    from (
      select session_id, min(time) as first_time, bool_or(type = 'product_view') as product_view,
        bool_or(type = 'add_to_cart') as add_to_cart, bool_or(type = 'checkout_started') as checkout_started,
        bool_or(type = 'purchase') as purchase
      from analytics.tracked_events where session_id like ${`${prefix}_%`} group by session_id
    ) s
    group by 1 order by 1`
  expect(fromEvents.length).toBe(6)
  expect(funnel.map((row) => ({ ...row }))).toEqual(fromEvents.map((row) => ({ ...row })))

  const counts = await h.sql`
    select bucket, type, events::int from analytics.event_counts_hourly
    where bucket >= ${window.from} and bucket < ${window.to} order by bucket, type`
  const countedFromEvents = await h.sql`
    select date_trunc('hour', time, 'UTC') as bucket, type, count(*)::int as events
    from analytics.tracked_events where session_id like ${`${prefix}_%`} group by 1, 2 order by 1, 2`
  expect(counts.map((row) => ({ ...row }))).toEqual(countedFromEvents.map((row) => ({ ...row })))
  expect(countedFromEvents.reduce((sum, row) => sum + row.events, 0)).toBe(events.length)
})
