// End to end: `myshop seed` fills a MyShop booted as `myshop start` boots it (distributed with DATABASE_URL /
// REDIS_URL, else embedded) with a catalog, a history imported into analytics and a few live orders placed through
// checkout, and every `myshop reports` report reads back what was sent: the expected figures are computed here from
// the same generator, seed and catalog, and from the live orders as the orders API tells them.
import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eventually, openTestDatabase } from '@myshop/testing'
import { readCatalog } from '../src/analytics/catalog.ts'
import { type HistoryEvent, historyEvents, historyOrders } from '../src/analytics/history.ts'
import { createApiClient } from '../src/api-client.ts'
import { credentialStore } from '../src/credentials.ts'
import { decimal } from '../src/reports/model.ts'
import { runCli } from './run-cli.ts'
import { bootForFile } from './test-platform.ts'

// On a server, a database of its own: the suite's shared one holds other files' orders, which analytics would count.
const own = process.env.DATABASE_URL ? await openTestDatabase() : null
const booted = bootForFile('saffron-Ledger-36-compass', own ? { DATABASE_URL: own.url } : {})
// Registered after the platform's own afterAll, so it runs once the platform has stopped.
afterAll(async () => {
  await own?.close()
})
const home = mkdtempSync(join(tmpdir(), 'myshop-cli-analytics-admin-'))
const work = mkdtempSync(join(tmpdir(), 'myshop-cli-analytics-out-'))

const cli = (...args: string[]) => runCli([...args, '--url', booted.platform.gatewayUrl], { home, cwd: work })
const json = async (...args: string[]) => {
  const result = await cli(...args, '--json')
  // A failure under --json is told on stdout: shown with it.
  expect({
    args,
    code: result.code,
    stderr: result.stderr,
    ...(result.code && { stdout: result.stdout }),
  }).toEqual({
    args,
    code: 0,
    stderr: '',
  })
  return JSON.parse(result.stdout)
}

type Row = Record<string, string | number | null>
const report = async (name: string, ...args: string[]): Promise<Row[]> =>
  (await json('reports', name, ...args)).rows

const dayMs = 86_400_000
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10)
const monthOf = (at: number) => {
  const d = new Date(at)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)
}
const monthsBetween = (from: number, to: number) =>
  (new Date(to).getUTCFullYear() - new Date(from).getUTCFullYear()) * 12 +
  new Date(to).getUTCMonth() -
  new Date(from).getUTCMonth()

/** Adds `figures` to the entry of `key`. */
const tally = <K>(into: Map<K, Record<string, number>>, key: K, figures: Record<string, number>) => {
  const entry = into.get(key) ?? {}
  for (const [name, n] of Object.entries(figures)) entry[name] = (entry[name] ?? 0) + n
  into.set(key, entry)
}

const byKey = (a: Row, b: Row, keys: string[]) => {
  for (const key of keys) {
    const [x, y] = [String(a[key]), String(b[key])]
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}

/** How far a session went, as the funnel counts it: started, then each step it reached. */
const funnelOf = (sessions: Map<string, HistoryEvent[]>, from: number, to: number) => {
  const totals = { sessions: 0, viewed: 0, carted: 0, checkedOut: 0, purchased: 0 }
  for (const events of sessions.values()) {
    const first = Math.min(...events.map((e) => Date.parse(e.time)))
    if (first < from || first >= to) continue
    const types = new Set(events.map((e) => e.type))
    totals.sessions++
    if (types.has('product_view')) totals.viewed++
    if (types.has('add_to_cart')) totals.carted++
    if (types.has('checkout_started')) totals.checkedOut++
    if (types.has('purchase')) totals.purchased++
  }
  return totals
}

describe('myshop seed and reports against a running MyShop', () => {
  test('the history and live orders seeded read back through every report', async () => {
    expect(
      (await cli('login', '--email', booted.admin.email, '--password', booted.admin.password)).code,
    ).toBe(0)
    const catalogSeed = await json('seed', '--products', '20', '--yes')
    expect(catalogSeed).toMatchObject({ failed: [], stock: { failed: [] } })
    expect(catalogSeed.created).toBeGreaterThanOrEqual(20)

    // The history ends where today (UTC) begins; the live orders are today's.
    const end = new Date()
    end.setUTCHours(0, 0, 0, 0)
    const seeded = await json('seed', '--orders', '120', '--events', '2000', '--live-orders', '2', '--yes')
    expect(new Date().setUTCHours(0, 0, 0, 0)).toBe(end.getTime())
    // Every event of a 90-day history is within what the import takes (the retention), none refused.
    expect(seeded.orders).toEqual({ accepted: 120, duplicates: 0, rejected: [] })
    expect(seeded.events).toEqual({ accepted: 2000, duplicates: 0, rejected: [] })
    expect(seeded.liveOrders.failed).toEqual([])
    expect(seeded.liveOrders.placed).toHaveLength(2)

    const api = createApiClient({
      url: booted.platform.gatewayUrl,
      fetch,
      credentials: credentialStore(home),
      now: () => new Date(),
    })
    const catalog = await readCatalog(api)
    const options = { seed: 1, orders: 120, events: 2000, days: 90, end, catalog }
    const orders = [...historyOrders(options)]
    const events = [...historyEvents(options)]
    const live = await Promise.all(
      (seeded.liveOrders.placed as { orderId: string }[]).map(({ orderId }) => api.getOrder(orderId)),
    )
    const now = Date.now()
    const from = end.getTime() - 90 * dayMs
    const to = end.getTime() + dayMs
    const window = ['--from', isoDay(from), '--to', isoDay(end.getTime())]

    // sales: per currency, the orders, units, revenue (the goods) and refunds sent, the live orders with them.
    const sales = new Map<string, Record<string, number>>()
    for (const order of orders)
      tally(sales, order.currency, {
        orders: 1,
        units: order.lines.reduce((sum, l) => sum + l.quantity, 0),
        revenue: order.lines.reduce((sum, l) => sum + l.lineTotal, 0),
        refunds: order.refunds.reduce((sum, r) => sum + r.amount, 0),
      })
    for (const order of live) {
      const goods = order.lines.reduce((sum, l) => sum + l.lineTotal, 0)
      expect(goods).toBe(order.totals.subtotal)
      tally(sales, order.currency, {
        orders: 1,
        units: order.lines.reduce((sum, l) => sum + l.quantity, 0),
        revenue: goods,
        refunds: 0,
      })
    }
    const expectedSales: Record<string, Record<string, number>> = Object.fromEntries(
      [...sales].map(([currency, s]) => [currency, { ...s, net: (s.revenue ?? 0) - (s.refunds ?? 0) }]),
    )
    expect(Object.values(expectedSales).some((s) => (s.refunds ?? 0) > 0)).toBe(true)
    // The live orders become sales from their order.paid events, a moment after checkout.
    let salesRows: Row[] = []
    await eventually('the live orders are in the sales report', async () => {
      salesRows = await report('sales', ...window, '--group-by', 'month')
      const read = new Map<string, Record<string, number>>()
      for (const row of salesRows)
        tally(read, String(row.currency), {
          orders: Number(row.orders),
          units: Number(row.units),
          revenue: Number(row.revenue),
          refunds: Number(row.refunds),
          net: Number(row.net),
        })
      return Bun.deepEquals(Object.fromEntries(read), expectedSales)
    }).catch((error) => {
      expect(salesRows).toEqual(['sales rows adding up to', expectedSales] as never)
      throw error
    })
    // Today's sales are the live orders.
    const today = await report('sales', '--from', isoDay(now), '--to', isoDay(now))
    expect(today.reduce((sum, r) => sum + Number(r.orders), 0)).toBe(2)

    // funnel: the sessions of the history by their first event, and the live orders' tracked sessions.
    const sessions = new Map<string, HistoryEvent[]>()
    for (const event of events)
      sessions.set(event.sessionId, [...(sessions.get(event.sessionId) ?? []), event])
    const expectedFunnel = funnelOf(sessions, from, to)
    for (const step of Object.keys(expectedFunnel) as (keyof typeof expectedFunnel)[])
      expectedFunnel[step] += live.length
    const funnel = await report('funnel', ...window, '--group-by', 'month')
    const funnelTotals = Object.fromEntries(
      Object.keys(expectedFunnel).map((step) => [step, funnel.reduce((sum, r) => sum + Number(r[step]), 0)]),
    )
    expect(funnelTotals).toEqual(expectedFunnel)
    expect(funnelTotals.purchased).toBeGreaterThan(0)
    const todayFunnel = await report('funnel', '--from', isoDay(now), '--to', isoDay(now))
    expect(todayFunnel).toEqual([expect.objectContaining({ sessions: 2, purchased: 2, conversion: 1 })])

    // search: each term as shoppers typed it, lower-cased and its spaces collapsed, with its counts.
    const searches = new Map<string, Record<string, number>>()
    for (const event of events) {
      if (event.type !== 'search' || Date.parse(event.time) < from) continue
      const term = String(event.properties.query).trim().toLowerCase().replace(/\s+/g, ' ')
      const results = Number(event.properties.results)
      tally(searches, term, { searches: 1, zeroResultSearches: results === 0 ? 1 : 0, results })
    }
    const expectedSearch = [...searches].map(([term, s]) => ({
      term,
      searches: s.searches ?? 0,
      zeroResultSearches: s.zeroResultSearches ?? 0,
      averageResults: Math.round(((s.results ?? 0) / (s.searches ?? 1)) * 100) / 100,
    }))
    const search = await report('search', ...window, '--limit', '1000')
    expect(search.length).toBeGreaterThan(5)
    expect([...search].sort((a, b) => byKey(a, b, ['term']))).toEqual(
      expectedSearch.sort((a, b) => byKey(a, b, ['term'])),
    )
    expect(search.map((r) => r.searches)).toEqual(search.map((r) => Number(r.searches)).sort((a, b) => b - a))
    expect(search.some((r) => r.zeroResultSearches === r.searches)).toBe(true)

    // cohorts: signed-in customers by the month of their first purchase, and who of them bought in each month.
    const bought = new Map<string, Set<number>>()
    for (const order of orders)
      if (order.userId)
        bought.set(
          order.userId,
          (bought.get(order.userId) ?? new Set()).add(monthOf(Date.parse(order.paidAt))),
        )
    for (const order of live)
      bought.set(order.userId as string, (bought.get(order.userId as string) ?? new Set()).add(monthOf(now)))
    const cohortOf = new Map([...bought].map(([customer, months]) => [customer, Math.min(...months)]))
    const sizes = new Map<number, number>()
    for (const cohort of cohortOf.values()) sizes.set(cohort, (sizes.get(cohort) ?? 0) + 1)
    const active = new Map<string, number>()
    for (const [customer, months] of bought)
      for (const month of months) {
        const key = `${cohortOf.get(customer)}|${month}`
        active.set(key, (active.get(key) ?? 0) + 1)
      }
    const expectedCohorts = [...active].map(([key, n]) => {
      const [cohort, month] = key.split('|').map(Number) as [number, number]
      const size = sizes.get(cohort) as number
      return {
        cohort: new Date(cohort).toISOString(),
        monthsSince: monthsBetween(cohort, month),
        customers: size,
        active: n,
        retention: Math.round((n / size) * 10_000) / 10_000,
      }
    })
    const cohorts = await report('cohorts', ...window)
    expect(new Set(cohorts.map((r) => r.cohort)).size).toBeGreaterThanOrEqual(3)
    expect([...cohorts].sort((a, b) => byKey(a, b, ['cohort', 'monthsSince']))).toEqual(
      expectedCohorts.sort((a, b) => byKey(a, b, ['cohort', 'monthsSince'])),
    )

    // inventory: every SKU of the catalog, its stock as the inventory service holds it, and its last 30 days' sales.
    const sold = new Map<string, number>()
    for (const order of orders)
      if (Date.parse(order.paidAt) >= to - 30 * dayMs)
        for (const line of order.lines) sold.set(line.sku, (sold.get(line.sku) ?? 0) + line.quantity)
    for (const order of live)
      for (const line of order.lines) sold.set(line.sku, (sold.get(line.sku) ?? 0) + line.quantity)
    const inventory = await report('inventory', ...window)
    expect(inventory.map((r) => r.sku).sort()).toEqual(catalog.map((item) => item.sku).sort())
    for (const row of inventory) {
      const stock = await api.getStock(String(row.sku))
      expect({ sku: row.sku, available: row.available, unitsSold: row.unitsSold }).toEqual({
        sku: row.sku,
        available: stock.available,
        unitsSold: sold.get(String(row.sku)) ?? 0,
      })
    }
    expect(inventory.filter((r) => Number(r.available) > 0).length).toBe(inventory.length)
    const table = await cli('reports', 'inventory', ...window, '--format', 'table')
    expect(table.code).toBe(0)
    expect(table.stdout).toMatch(
      /SKU\s+PRODUCT\s+NAME\s+AVAILABLE\s+UNITS SOLD\s+UNITS PER DAY\s+DAYS OF COVER/,
    )
    expect(table.stdout).not.toContain('%')

    // The CSV export in a file holds the rows of the JSON, money as decimals; the chart is an SVG beside it.
    const exported = await json(
      'reports',
      'sales',
      ...window,
      '--group-by',
      'month',
      '--out',
      'sales.csv',
      '--chart',
      'sales.svg',
    )
    expect(exported).toMatchObject({ report: 'sales', format: 'csv', rows: salesRows.length })
    const lines = readFileSync(join(work, 'sales.csv'), 'utf8').trimEnd().split('\r\n')
    expect(lines[0]).toBe('bucket,currency,orders,units,revenue,refunds,net,averageOrderValue')
    expect(lines.slice(1)).toEqual(
      salesRows.map((r) =>
        [
          r.bucket,
          r.currency,
          r.orders,
          r.units,
          ...['revenue', 'refunds', 'net', 'averageOrderValue'].map((k) =>
            decimal(Number(r[k]), String(r.currency)),
          ),
        ].join(','),
      ),
    )
    const svg = readFileSync(join(work, 'sales.svg'), 'utf8')
    expect(svg).toStartWith('<svg')
    expect(svg).toContain('Revenue')
    expect(svg).toContain('</svg>')
  }, 90_000)
})
