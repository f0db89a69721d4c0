// Analytics at scale, on the real platform as `myshop start` boots it in distributed mode (gateway and services in
// one process, PostgreSQL, Redis), two measures in the same run:
//   a. tracking: concurrent clients POST batches of events to the gateway's /api/v1/track until the service's
//      writer has stored them all, against a bare PostgreSQL COPY of the same rows into a plain table of the same
//      database (target: at least 0.3x), with the CPU the platform, PostgreSQL, Redis and the clients used meanwhile;
//   b. the sales-by-day report over 90 days: a history of orders and tracked events (the same generator as
//      `myshop seed`) loaded through the service's own import API in full batches, which maintains the facts and
//      their rollups as live orders do; then GET /api/v1/reports/sales (from the rollups) against the same figures
//      computed by plain SQL over the sales facts, medians of a few runs each (target: at least 20x faster), and
//      the two must agree on every figure.
//
// Usage: bun run bench:analytics
//   env: BENCH_PARTS (the measures to run, `a,b`; `a` or `b` alone for a quicker run), BENCH_TRACK_EVENTS (events
//   tracked in a, 100000), BENCH_CLIENTS (concurrent tracking clients, 16), BENCH_TRACK_BATCH (events per request,
//   50), BENCH_ORDERS (orders in b, 20000), BENCH_EVENTS (tracked events in b, 200000; the issue's sizes are
//   BENCH_ORDERS=100000 BENCH_EVENTS=1000000, about five minutes to load on two cores), BENCH_PRODUCTS (catalog
//   size, 300), BENCH_RUNS (report runs each way, 5), DATABASE_URL (default
//   postgres://postgres@127.0.0.1:5432/postgres; a fresh database is created and dropped), REDIS_URL (default
//   redis://127.0.0.1:6379). Everything listens on 127.0.0.1.
import { availableParallelism } from 'node:os'
import { connect } from '@myshop/db'
import { type CatalogItem, historyEvents, historyOrders } from '../cli/src/analytics/history.ts'
import { generateCatalog } from '../cli/src/catalog/generator.ts'
import { commandCpuSeconds, cpuSeconds, machineCpuSeconds } from './lib.ts'
import { servePlatformIfChild, spawnPlatform } from './platform.ts'

await servePlatformIfChild()

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const trackEvents = env('BENCH_TRACK_EVENTS', 100_000)
const clients = env('BENCH_CLIENTS', 16)
const trackBatch = env('BENCH_TRACK_BATCH', 50)
const orders = env('BENCH_ORDERS', 20_000)
const events = env('BENCH_EVENTS', 200_000)
const products = env('BENCH_PRODUCTS', 300)
const runs = env('BENCH_RUNS', 5)
const parts = new Set((process.env.BENCH_PARTS ?? 'a,b').split(',').map((part) => part.trim()))
// The service's own tables the bench counts and computes from.
const eventsTable = 'analytics.tracked_events'
const factsTable = 'analytics.sales_facts'
const days = 90

const platform = await spawnPlatform(import.meta.path, 'analytics')
const sql = connect(platform.dbUrl, { max: 4 })

const cleanup = async () => {
  await sql.end()
  await platform.stop()
}

type Answer = { status: number; body: Record<string, unknown> }

const call = async (
  gateway: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> => {
  const res = await fetch(`${gateway}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : {} }
}

const expectStatus = (answer: Answer, status: number, what: string) => {
  if (answer.status !== status)
    throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

/** Events the tracking rollups have counted (committed with the rows). */
const storedByRollup = async () => {
  const [row] = await sql<{ n: number }[]>`
    select coalesce(sum(events), 0)::int as n from analytics.event_counts_daily`
  return row?.n ?? 0
}

const count = async (table: string) => {
  const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`)
  return row?.n ?? 0
}

/** The events of part a: sessions of page and product views in the last hour, each with an id. */
const trackedRows = (n: number) => {
  const now = Date.now()
  return Array.from({ length: n }, (_, i) => ({
    id: `bench_${String(i).padStart(9, '0')}`,
    type: i % 3 === 0 ? 'product_view' : 'page_view',
    anonymousId: `anon_${i % 5000}`,
    sessionId: `ses_${Math.floor(i / 8)}`,
    time: new Date(now - 3_600_000 + (i % 3_000_000)).toISOString(),
    properties:
      i % 3 === 0 ? { productId: `prd_${i % 300}`, sku: `SKU-${i % 300}` } : { path: `/p/${i % 300}` },
  }))
}

// Tracking drops what identifies itself as a bot; shoppers' browsers send this.
const browserAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36'

let backoffs = 0

/**
 * CPU seconds used by the PostgreSQL backends serving the bench's database, read from `/proc` every 200 ms while
 * running: a backend's last reading stands for it once it has exited. Other databases' load (and PostgreSQL's
 * shared background writers) is left out, so what other work on the machine runs does not count here.
 */
const watchBackends = () => {
  const used = new Map<number, number>()
  const read = async () => {
    const rows = await sql<{ pid: number }[]>`
      select pid from pg_stat_activity where datname = current_database()`
    for (const { pid } of rows) {
      try {
        used.set(pid, cpuSeconds(pid))
      } catch {}
    }
  }
  const first = read()
  const timer = setInterval(() => void read().catch(() => {}), 200)
  const total = () => [...used.values()].reduce((sum, n) => sum + n, 0)
  let base = 0
  return {
    started: first.then(() => {
      base = total()
    }),
    stop: async () => {
      clearInterval(timer)
      await read()
      return total() - base
    },
  }
}

/** CPU seconds used so far by the platform's process, Redis, this load generator and the whole machine. */
const cpuNow = () => {
  const self = process.cpuUsage()
  return {
    platform: cpuSeconds(platform.pid),
    redis: commandCpuSeconds('redis-server'),
    clients: (self.user + self.system) / 1e6,
    machine: machineCpuSeconds().busy,
  }
}

const track = async (gateway: string, events: unknown[]) => {
  const res = await fetch(`${gateway}/api/v1/track`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': browserAgent },
    body: JSON.stringify({ consent: true, events }),
  })
  const text = await res.text()
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    retryAfter: res.headers.get('retry-after'),
  }
}

/** Part a: tracked events per second through the gateway, against COPY of the same rows. */
const tracking = async (gateway: string) => {
  const rows = trackedRows(trackEvents)
  const before = await storedByRollup()
  const backends = watchBackends()
  await backends.started
  let next = 0
  const cpuBefore = cpuNow()
  const started = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < rows.length) {
        const batch = rows.slice(next, next + trackBatch)
        next += trackBatch
        let sent = await track(gateway, batch)
        // A full buffer (the writer behind) answers 503 with Retry-After: a well-behaved client waits and resends.
        while (sent.status === 503) {
          backoffs++
          await Bun.sleep(Number(sent.retryAfter ?? 1) * 1000)
          sent = await track(gateway, batch)
        }
        const answer = expectStatus(sent, 202, 'tracking')
        if (answer.accepted !== batch.length) throw new Error(`tracking: ${JSON.stringify(answer)}`)
      }
    }),
  )
  const acceptMs = performance.now() - started
  // Accepted is not yet stored: the writer flushes in batches; the measure ends when every row is there. The daily
  // counts by type are committed with the rows they count and are a few rows to sum, where counting the rows again
  // every 20 ms would load the database the writer is using.
  const deadline = Date.now() + 300_000
  while ((await storedByRollup()) - before < rows.length) {
    if (Date.now() > deadline) throw new Error('the tracked events were not all stored within 5 minutes')
    await Bun.sleep(20)
  }
  const trackMs = performance.now() - started
  const cpuAfter = cpuNow()
  const postgres = await backends.stop()
  if ((await count(eventsTable)) - before !== rows.length)
    throw new Error('the rollups and the stored rows disagree')
  const cpu = Object.fromEntries(
    Object.entries(cpuAfter).map(([who, used]) => [who, used - cpuBefore[who as keyof typeof cpuBefore]]),
  ) as typeof cpuAfter
  const seconds = trackMs / 1000

  await sql`create table bench_copy (id text primary key, type text not null, anonymous_id text not null,
    session_id text not null, time timestamptz not null, properties jsonb not null)`
  const copyStarted = performance.now()
  const writable = await sql`copy bench_copy from stdin`.writable()
  const copyText = (value: string) => value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n')
  for (let i = 0; i < rows.length; i += 10_000) {
    const chunk = rows
      .slice(i, i + 10_000)
      .map((r) =>
        [r.id, r.type, r.anonymousId, r.sessionId, r.time, JSON.stringify(r.properties)]
          .map(copyText)
          .join('\t'),
      )
      .join('\n')
    if (!writable.write(`${chunk}\n`)) await new Promise((resolve) => writable.once('drain', resolve))
  }
  await new Promise<void>((resolve, reject) =>
    writable.end((error?: Error | null) => (error ? reject(error) : resolve())),
  )
  const copyMs = performance.now() - copyStarted
  if ((await count('bench_copy')) !== rows.length) throw new Error('COPY lost rows')
  await sql`drop table bench_copy`
  return {
    track: (rows.length / trackMs) * 1000,
    copy: (rows.length / copyMs) * 1000,
    cpu: { platform: cpu.platform, postgres, redis: cpu.redis, clients: cpu.clients },
    machineCores: cpu.machine / seconds,
    perThousand: { platform: (cpu.platform / rows.length) * 1e6, postgres: (postgres / rows.length) * 1e6 },
    acceptMs,
    trackMs,
  }
}

/** Sends `items` to an import route in batches of `size`, `parallel` requests at once; fails on any refused row. */
const importAll = async <T>(
  gateway: string,
  auth: Record<string, string>,
  path: string,
  key: string,
  items: Iterable<T>,
  size: number,
  parallel: number,
) => {
  const inFlight = new Set<Promise<void>>()
  let batch: T[] = []
  let total = 0
  const send = (rows: T[]) => {
    const request = call(gateway, 'POST', path, { [key]: rows }, auth).then((answer) => {
      const body = expectStatus(answer, 200, path)
      if ((body.rejected as unknown[]).length)
        throw new Error(`${path}: ${JSON.stringify(body.rejected).slice(0, 500)}`)
      total += (body.accepted as number) + (body.duplicates as number)
    })
    const tracked: Promise<void> = request.finally(() => inFlight.delete(tracked))
    inFlight.add(tracked)
  }
  for (const item of items) {
    batch.push(item)
    if (batch.length < size) continue
    send(batch)
    batch = []
    while (inFlight.size >= parallel) await Promise.race(inFlight)
  }
  if (batch.length) send(batch)
  await Promise.all(inFlight)
  return total
}

type SalesRow = {
  bucket: string
  currency: string
  orders: number
  units: number
  revenue: number
  refunds: number
  net: number
  averageOrderValue: number
}

/**
 * The sales report by day computed from the base rows: every sale fact and refund fact of the window, grouped by
 * UTC day and currency, the way the report defines its figures (revenue gross of refunds, refunds as a positive
 * amount, average order value half-up).
 */
const salesFromFacts = (from: Date, to: Date) =>
  sql.unsafe<SalesRow[]>(
    `select to_char(date_trunc('day', occurred_at at time zone 'UTC'), 'YYYY-MM-DD"T"00:00:00.000"Z"') as bucket,
            currency,
            count(distinct order_id) filter (where kind = 'sale')::int as orders,
            coalesce(sum(quantity) filter (where kind = 'sale'), 0)::int as units,
            coalesce(sum(amount) filter (where kind = 'sale'), 0)::bigint as revenue,
            coalesce(-sum(amount) filter (where kind = 'refund'), 0)::bigint as refunds,
            coalesce(sum(amount), 0)::bigint as net,
            case when count(distinct order_id) filter (where kind = 'sale') = 0 then 0
                 else round(coalesce(sum(amount) filter (where kind = 'sale'), 0)::numeric
                            / count(distinct order_id) filter (where kind = 'sale'))::bigint end as "averageOrderValue"
       from ${factsTable}
      where occurred_at >= $1 and occurred_at < $2
      group by 1, 2
      order by 1, 2`,
    [from.toISOString(), to.toISOString()],
  )

const normalise = (rows: Record<string, unknown>[]) =>
  rows.map((r) => ({
    bucket: new Date(String(r.bucket)).toISOString(),
    currency: String(r.currency),
    orders: Number(r.orders),
    units: Number(r.units),
    revenue: Number(r.revenue),
    refunds: Number(r.refunds),
    net: Number(r.net),
    averageOrderValue: Number(r.averageOrderValue),
  }))

/** Part b: load the history, then the sales-by-day report from the rollups against plain SQL over the facts. */
const report = async (gateway: string, auth: Record<string, string>) => {
  const rows = [...generateCatalog({ products, seed: 1 })]
  for (let i = 0; i < rows.length; i += 1000)
    expectStatus(
      await call(gateway, 'POST', '/api/v1/catalog/import', { rows: rows.slice(i, i + 1000) }, auth),
      200,
      'importing the catalog',
    )
  const catalog: CatalogItem[] = []
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const page = expectStatus(
      await call(gateway, 'GET', `/api/v1/products?limit=100${cursor ? `&cursor=${cursor}` : ''}`),
      200,
      'listing products',
    )
    for (const p of page.items as {
      id: string
      name: string
      brand: string | null
      categories: { path: string }[]
      variants: { sku: string; price: { amount: number; currency: string } }[]
    }[])
      for (const v of p.variants)
        catalog.push({
          productId: p.id,
          sku: v.sku,
          name: p.name,
          price: v.price.amount,
          currency: v.price.currency,
          category: p.categories[0]?.path ?? null,
          brand: p.brand,
        })
    cursor = page.nextCursor as string | null
  }
  const end = new Date()
  end.setUTCHours(0, 0, 0, 0)
  const options = { seed: 1, orders, events, days, end, catalog }
  const loadStarted = performance.now()
  // One order import at a time: the service runs them in turn under a lock, so a second one sent alongside would
  // only wait there, and its wait counts against the gateway's upstream timeout.
  const loadedOrders = await importAll(
    gateway,
    auth,
    '/api/v1/admin/analytics/orders/import',
    'orders',
    historyOrders(options),
    500,
    1,
  )
  const ordersSeconds = (performance.now() - loadStarted) / 1000
  const loadedEvents = await importAll(
    gateway,
    auth,
    '/api/v1/admin/analytics/events/import',
    'events',
    historyEvents(options),
    1000,
    3,
  )
  const loadSeconds = (performance.now() - loadStarted) / 1000
  if (loadedOrders !== orders || loadedEvents !== events)
    throw new Error(`loaded ${loadedOrders} orders and ${loadedEvents} events of ${orders} and ${events}`)

  const from = new Date(end.getTime() - days * 86_400_000)
  const query = `from=${from.toISOString().slice(0, 10)}&to=${new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10)}&groupBy=day`
  await sql`analyze`
  const fromRollups: number[] = []
  const fromFacts: number[] = []
  let served: SalesRow[] = []
  let computed: SalesRow[] = []
  for (let i = 0; i < runs; i++) {
    let t = performance.now()
    const answer = expectStatus(
      await call(gateway, 'GET', `/api/v1/reports/sales?${query}`, undefined, auth),
      200,
      'the sales report',
    )
    fromRollups.push(performance.now() - t)
    served = normalise(answer.rows as Record<string, unknown>[])
    t = performance.now()
    computed = normalise(await salesFromFacts(from, end))
    fromFacts.push(performance.now() - t)
  }
  const same = JSON.stringify(served) === JSON.stringify(computed)
  if (!same) {
    const differing = served.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(computed[i]))
    throw new Error(
      `the report and the facts disagree (${served.length} and ${computed.length} rows), first at row ${differing}: ` +
        `${JSON.stringify(served[differing])} against ${JSON.stringify(computed[differing])}`,
    )
  }
  return {
    rollupsMs: median(fromRollups),
    factsMs: median(fromFacts),
    rows: served.length,
    loadSeconds,
    ordersSeconds,
  }
}

try {
  const { gateway } = platform
  const login = expectStatus(
    await call(gateway, 'POST', '/api/v1/auth/login', platform.admin),
    200,
    'signing in',
  )
  const auth = { authorization: `Bearer ${login.accessToken as string}` }
  for (const table of [eventsTable, factsTable]) {
    const [found] = await sql.unsafe<{ t: string | null }[]>('select to_regclass($1)::text as t', [table])
    if (!found?.t) throw new Error(`${table} does not exist: the analytics service's migrations did not run`)
  }
  if (parts.has('a')) {
    const a = await tracking(gateway)
    const { cpu, perThousand } = a
    console.log(`a. tracking: ${trackEvents} events, ${clients} clients, batches of ${trackBatch}`)
    console.log(`   through the gateway (until stored): ${a.track.toFixed(0)} events/s`)
    console.log(`   bare COPY of the same rows:         ${a.copy.toFixed(0)} events/s`)
    console.log(
      `   ratio tracked/COPY: ${(a.track / a.copy).toFixed(2)}x (target ≥ 0.3x); 503 backoffs: ${backoffs}`,
    )
    console.log(
      `   all accepted after ${(a.acceptMs / 1000).toFixed(1)} s, all stored after ${(a.trackMs / 1000).toFixed(1)} s`,
    )
    console.log(
      `   CPU seconds while tracking: platform ${cpu.platform.toFixed(2)}, postgres (its backends) ` +
        `${cpu.postgres.toFixed(2)}, redis ${cpu.redis.toFixed(2)}, clients ${cpu.clients.toFixed(2)}; ` +
        `the whole machine kept ${a.machineCores.toFixed(2)} of ${availableParallelism()} cores busy`,
    )
    console.log(
      `   CPU per 1000 events: platform ${perThousand.platform.toFixed(0)} ms, postgres ${perThousand.postgres.toFixed(0)} ms`,
    )
  }
  if (parts.has('b')) {
    const b = await report(gateway, auth)
    console.log(
      `b. sales by day over ${days} days: ${orders} orders, ${events} events (loaded through the import API in ${b.loadSeconds.toFixed(0)} s: orders ${b.ordersSeconds.toFixed(0)} s, events ${(b.loadSeconds - b.ordersSeconds).toFixed(0)} s)`,
    )
    console.log(`   GET /api/v1/reports/sales (rollups): ${b.rollupsMs.toFixed(1)} ms (median of ${runs})`)
    console.log(`   plain SQL over the sales facts:     ${b.factsMs.toFixed(1)} ms (median of ${runs})`)
    console.log(
      `   ratio facts/rollups: ${(b.factsMs / b.rollupsMs).toFixed(1)}x (target ≥ 20x); ${b.rows} rows, identical figures`,
    )
  }
} finally {
  await cleanup()
}
