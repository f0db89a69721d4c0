import { describe, expect, test } from 'bun:test'
import { analyticsHarness, testId } from './harness.ts'

// Every figure of the funnel and search reports, read from the rollups, must equal the same figure computed by plain
// SQL over the raw events, on generated data: hundreds of events over a month, sessions crossing hours and days,
// events of a session arriving in later batches with earlier times, and duplicates.

const h = await analyticsHarness()

const dayMs = 86_400_000
// Far from the other suites' events (around now), and well within the retention.
const start = Math.floor((Date.now() - 200 * dayMs) / dayMs) * dayMs
const iso = (ms: number) => new Date(ms).toISOString()
const date = (ms: number) => iso(ms).slice(0, 10)

/** A small deterministic generator, so a failure can be replayed. */
const random = (() => {
  let seed = 20_261_207
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed / 2_147_483_648
  }
})()
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!

const queries = [
  'Desk Lamp',
  '  desk   lamp ',
  'DESK LAMP',
  'chair',
  'Chair ',
  'oak table',
  'unicorn socks',
  'Mug',
]
const prefix = testId('rep')

const generate = () => {
  const events: Record<string, unknown>[] = []
  for (let s = 0; s < 160; s++) {
    const sessionId = `${prefix}_s${s}`
    const anonymousId = `${prefix}_a${s % 60}`
    // Some sessions begin before the window or end after it.
    let time = start - 2 * dayMs + Math.floor(random() * 34 * dayMs)
    const add = (type: string, properties: Record<string, unknown>) => {
      time += Math.floor(random() * 50 * 60_000)
      events.push({
        id: `${prefix}_e${events.length}`,
        type,
        anonymousId,
        sessionId,
        time: iso(time),
        properties,
      })
    }
    add('page_view', { path: '/' })
    for (let n = Math.floor(random() * 3); n > 0; n--) {
      const results = random() < 0.3 ? 0 : Math.floor(random() * 40)
      add('search', { query: pick(queries), results })
    }
    if (random() < 0.8) add('product_view', { productId: 'prd_1' })
    if (random() < 0.5) add('add_to_cart', { productId: 'prd_1', sku: 'LAMP-1', quantity: 1 })
    if (random() < 0.6) add('checkout_started', {})
    if (random() < 0.5) add('purchase', { orderId: `ord_${s}` })
  }
  return events
}

const events = generate()

const importAll = async (batch: Record<string, unknown>[]) => {
  for (let i = 0; i < batch.length; i += 1000) {
    const res = await h.call(
      'POST',
      '/api/v1/admin/analytics/events/import',
      { events: batch.slice(i, i + 1000) },
      h.as(h.admin),
    )
    expect(res.status).toBe(200)
    expect(res.body.rejected).toEqual([])
  }
}

// Later events of many sessions arrive first; their earlier events (the page views that open them, and more) come in
// a later batch; a third batch repeats some of both.
const late = events.filter(() => random() < 0.5)
const early = events.filter((e) => !late.includes(e))
await importAll(late.reverse())
await importAll(early)
const repeated = events.filter(() => random() < 0.2)
const again = await h.call(
  'POST',
  '/api/v1/admin/analytics/events/import',
  { events: repeated },
  h.as(h.admin),
)
expect(again.body).toEqual({ accepted: 0, duplicates: repeated.length, rejected: [] })

const report = async (path: string, token = h.analyst) => {
  const res = await h.call('GET', path, undefined, h.as(token))
  expect(res.status).toBe(200)
  return res.body
}

const expectedFunnel = (unit: string, from: string, to: string) =>
  h.sql`
    with sessions as (
      select session_id, min(time) as first_time,
        bool_or(type = 'product_view') as viewed, bool_or(type = 'add_to_cart') as carted,
        bool_or(type = 'checkout_started') as checked_out, bool_or(type = 'purchase') as purchased
      from analytics.tracked_events group by session_id
    ), figures as (
      select date_trunc(${unit}, first_time, 'UTC') as bucket, count(*)::int as sessions,
        (count(*) filter (where viewed))::int as viewed, (count(*) filter (where carted))::int as carted,
        (count(*) filter (where checked_out))::int as "checkedOut",
        (count(*) filter (where purchased))::int as purchased
      from sessions where first_time >= ${from} and first_time < ${to}
      group by 1
    )
    select to_char(bucket at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"') as bucket,
      sessions, viewed, carted, "checkedOut", purchased,
      round(carted::numeric / nullif(viewed, 0), 4)::float8 as "viewToCart",
      round("checkedOut"::numeric / nullif(carted, 0), 4)::float8 as "cartToCheckout",
      round(purchased::numeric / nullif("checkedOut", 0), 4)::float8 as "checkoutToPurchase",
      round(purchased::numeric / nullif(sessions, 0), 4)::float8 as conversion
    from figures order by bucket`.then((rows) => rows.map((row) => ({ ...row })))

const expectedSearch = (from: string, to: string, limit: number, zeroOnly = false) =>
  h.sql`
    select lower(regexp_replace(trim(properties->>'query'), '\\s+', ' ', 'g')) as term,
      count(*)::int as searches,
      (count(*) filter (where (properties->>'results')::int = 0))::int as "zeroResultSearches",
      round(avg((properties->>'results')::int), 2)::float8 as "averageResults"
    from analytics.tracked_events
    where type = 'search' and time >= ${from} and time < ${to}
    group by 1
    having ${!zeroOnly} or count(*) filter (where (properties->>'results')::int = 0) > 0
    order by searches desc, term
    limit ${limit}`.then((rows) => rows.map((row) => ({ ...row })))

const windowFrom = start
const windowTo = start + 30 * dayMs

describe('GET /api/v1/reports/funnel', () => {
  test('per day, week and month: every figure equals plain SQL over the raw events', async () => {
    for (const groupBy of ['day', 'week', 'month']) {
      const body = await report(
        `/api/v1/reports/funnel?from=${date(windowFrom)}&to=${date(windowTo - dayMs)}&groupBy=${groupBy}`,
      )
      const expected = await expectedFunnel(groupBy, iso(windowFrom), iso(windowTo))
      expect(expected.length).toBeGreaterThan(groupBy === 'month' ? 0 : 3)
      expect(body.rows).toEqual(expected)
      expect(body).toMatchObject({ report: 'funnel', groupBy, from: iso(windowFrom), to: iso(windowTo) })
    }
  })

  test('per hour, and over a window of instants (read from the hourly rollup)', async () => {
    const from = windowFrom + 5 * dayMs
    const hourly = await report(
      `/api/v1/reports/funnel?from=${date(from)}&to=${date(from + 6 * dayMs)}&groupBy=hour`,
    )
    expect(hourly.rows).toEqual(await expectedFunnel('hour', iso(from), iso(from + 7 * dayMs)))
    expect(hourly.rows.length).toBeGreaterThan(10)
    const a = from + 7 * 3_600_000 + 30 * 60_000
    const b = from + 12 * dayMs + 3 * 3_600_000
    const instants = await report(`/api/v1/reports/funnel?from=${iso(a)}&to=${iso(b)}&groupBy=day`)
    // The hourly rollup's first bucket starts at the hour; the window is read from whole hours.
    const hourStart = Math.floor(a / 3_600_000) * 3_600_000
    const expected = await expectedFunnel('day', iso(hourStart + 3_600_000), iso(b))
    expect(instants.rows).toEqual(expected)
  })

  test('as CSV: the column keys, then the same figures', async () => {
    const path = `/api/v1/reports/funnel?from=${date(windowFrom)}&to=${date(windowTo - dayMs)}&groupBy=week`
    const res = await h.app.handle(
      new Request(`http://localhost${path}&format=csv`, { headers: h.as(h.analyst) }),
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toStartWith('text/csv')
    const lines = (await res.text()).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'bucket,sessions,viewed,carted,checkedOut,purchased,viewToCart,cartToCheckout,checkoutToPurchase,conversion',
    )
    const expected = await expectedFunnel('week', iso(windowFrom), iso(windowTo))
    expect(lines.slice(1)).toEqual(
      expected.map((row) =>
        Object.values(row)
          .map((v) => (v === null ? '' : String(v)))
          .join(','),
      ),
    )
  })

  test('needs a token (401), the reports:read permission (403), and a window that makes sense (422)', async () => {
    const path = `/api/v1/reports/funnel?from=${date(windowFrom)}&to=${date(windowTo)}`
    expect((await h.call('GET', path)).status).toBe(401)
    expect((await h.call('GET', path, undefined, h.as(h.customer))).status).toBe(403)
    expect((await h.call('GET', path, undefined, h.as(h.admin))).status).toBe(200)
    const reversed = await h.call(
      'GET',
      `/api/v1/reports/funnel?from=${date(windowTo)}&to=${date(windowFrom)}`,
      undefined,
      h.as(h.analyst),
    )
    expect(reversed.status).toBe(422)
    const tooLong = await h.call(
      'GET',
      `/api/v1/reports/funnel?from=${date(windowFrom - 200 * dayMs)}&to=${date(windowTo)}&groupBy=hour`,
      undefined,
      h.as(h.analyst),
    )
    expect(tooLong.status).toBe(422)
    expect(
      (await h.call('GET', '/api/v1/reports/funnel?from=yesterday&to=today', undefined, h.as(h.analyst)))
        .status,
    ).toBe(422)
  })
})

describe('GET /api/v1/reports/search', () => {
  test('terms by searches: every figure equals plain SQL over the raw events', async () => {
    const body = await report(`/api/v1/reports/search?from=${date(windowFrom)}&to=${date(windowTo - dayMs)}`)
    const expected = await expectedSearch(iso(windowFrom), iso(windowTo), 50)
    expect(expected.length).toBeGreaterThan(3)
    expect(body.rows).toEqual(expected)
    // Spellings of one term count together.
    expect(body.rows.filter((r: { term: string }) => r.term === 'desk lamp')).toHaveLength(1)
    const zero = await report(
      `/api/v1/reports/search?from=${date(windowFrom)}&to=${date(windowTo - dayMs)}&zeroOnly=true&limit=2`,
    )
    expect(zero.rows).toEqual(await expectedSearch(iso(windowFrom), iso(windowTo), 2, true))
  })

  test('over a window of instants, from the hourly rollup', async () => {
    const a = windowFrom + 3 * dayMs + 5 * 3_600_000
    const b = windowFrom + 17 * dayMs + 2 * 3_600_000
    const body = await report(`/api/v1/reports/search?from=${iso(a)}&to=${iso(b)}`)
    expect(body.rows).toEqual(await expectedSearch(iso(a), iso(b), 50))
  })

  test('a long list comes in several pages, in order, and as CSV', async () => {
    // 620 more terms, a day of their own, so the list is longer than a page.
    const day = windowTo + 3 * dayMs
    const many = Array.from({ length: 700 }, (_, i) => ({
      id: `${prefix}_t${i}`,
      type: 'search',
      anonymousId: `${prefix}_many`,
      sessionId: `${prefix}_many`,
      time: iso(day + i * 60_000),
      properties: { query: `term ${String(i % 620).padStart(3, '0')}`, results: i % 7 },
    }))
    await importAll(many)
    const body = await report(`/api/v1/reports/search?from=${date(day)}&to=${date(day)}&limit=1000`)
    expect(body.rows).toHaveLength(620)
    expect(body.rows).toEqual(await expectedSearch(iso(day), iso(day + dayMs), 1000))
    const res = await h.app.handle(
      new Request(`http://localhost/api/v1/reports/search?from=${date(day)}&to=${date(day)}&limit=1000`, {
        headers: { ...h.as(h.analyst), accept: 'text/csv' },
      }),
    )
    const lines = (await res.text()).trimEnd().split('\r\n')
    expect(lines[0]).toBe('term,searches,zeroResultSearches,averageResults')
    expect(lines[1]).toBe(
      [
        body.rows[0].term,
        body.rows[0].searches,
        body.rows[0].zeroResultSearches,
        body.rows[0].averageResults,
      ].join(','),
    )
    expect(lines).toHaveLength(621)
  })

  test('refuses strangers and customers, and a bad limit', async () => {
    const path = `/api/v1/reports/search?from=${date(windowFrom)}&to=${date(windowTo)}`
    expect((await h.call('GET', path)).status).toBe(401)
    expect((await h.call('GET', path, undefined, h.as(h.customer))).status).toBe(403)
    expect((await h.call('GET', `${path}&limit=0`, undefined, h.as(h.analyst))).status).toBe(422)
    expect((await h.call('GET', `${path}&limit=1001`, undefined, h.as(h.analyst))).status).toBe(422)
  })
})
