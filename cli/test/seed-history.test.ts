import { beforeEach, describe, expect, test } from 'bun:test'
import { readCatalog } from '../src/analytics/catalog.ts'
import { historyEvents, historyOrders } from '../src/analytics/history.ts'
import { runInTerminal } from './run-cli.ts'
import { cli, fake, home, setUpSignedInFake, signIn, withHome } from './signed-in-fake.ts'

setUpSignedInFake()
beforeEach(() => fake.resetAnalytics())

type Summary = { accepted: number; duplicates: number; rejected: unknown[] }
type Report = {
  created: number
  stock: { stocked: number }
  orders: Summary
  events: Summary
  liveOrders: { shopper: string | null; placed: unknown[]; failed: unknown[] }
}

const json = (stdout: string) => JSON.parse(stdout) as Report

/** A catalog of `products` generated products with their stock, as `seed --products` leaves it. */
const catalog = async (products = 40) => {
  expect((await cli(['seed', '--products', String(products), '--seed', '2', '--yes'])).code).toBe(0)
  fake.resetAnalytics()
}

const importSizes = (path: string) =>
  fake.analyticsImports.filter((i) => i.path === `/api/v1/admin/analytics/${path}/import`).map((i) => i.size)

describe('seed --orders --events', () => {
  test('imports the history in batches, places live orders through checkout, and tracks their sessions', async () => {
    await catalog()
    const result = await cli([
      'seed',
      '--orders',
      '1200',
      '--events',
      '5000',
      '--seed',
      '5',
      '--json',
      '--yes',
    ])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const report = json(result.stdout)
    expect(report.orders).toEqual({ accepted: 1200, duplicates: 0, rejected: [] })
    expect(report.events).toEqual({ accepted: 5000, duplicates: 0, rejected: [] })
    expect(importSizes('orders')).toEqual([500, 500, 200])
    expect(importSizes('events')).toEqual([1000, 1000, 1000, 1000, 1000])
    expect(fake.analyticsOrders.size).toBe(1200)
    // Orders sell the live catalog: every line is a SKU of an active product at its price.
    const variants = new Map(
      [...fake.products.values()].flatMap((p) =>
        p.variants.map((v) => [v.sku, { productId: p.id, v }] as const),
      ),
    )
    for (const order of fake.analyticsOrders.values())
      for (const line of order.lines as { sku: string; productId: string; unitPrice: number }[]) {
        expect(variants.get(line.sku)?.productId).toBe(line.productId)
        expect(variants.get(line.sku)?.v.price.amount).toBe(line.unitPrice)
      }
    // The history ends where today begins; the live orders are today's.
    const today = new Date()
    today.setUTCHours(0, 0, 0, 0)
    const paid = [...fake.analyticsOrders.values()].map((o) => Date.parse(o.paidAt as string))
    expect(Math.max(...paid)).toBeLessThan(today.getTime())
    expect(Math.min(...paid)).toBeGreaterThanOrEqual(today.getTime() - 90 * 86_400_000)

    // Five live orders (the default for this many orders) by one new shopper, each with a tracked session.
    expect(report.liveOrders.failed).toEqual([])
    expect(report.liveOrders.placed).toHaveLength(5)
    expect(fake.checkouts).toHaveLength(5)
    const shopper = [...fake.users.values()].find((u) => u.email === report.liveOrders.shopper)
    expect(shopper?.roles).toEqual(['customer'])
    expect(new Set(fake.checkouts.map((c) => c.userId))).toEqual(new Set([shopper?.id as string]))
    const tracked = [...fake.analyticsEvents.values()].filter((e) => e.userId === shopper?.id)
    expect(
      tracked.filter((e) => e.type === 'purchase').map((e) => (e.properties as { orderId?: string }).orderId),
    ).toEqual(fake.checkouts.map((c) => c.id))
    expect(fake.analyticsEvents.size).toBe(5000 + tracked.length)
  })

  test('is idempotent: the same seed again finds every order and event already there', async () => {
    await catalog()
    const args = ['seed', '--orders', '300', '--events', '2000', '--seed', '8', '--live-orders', '0', '--yes']
    expect((await cli(args)).code).toBe(0)
    const orders = structuredClone([...fake.analyticsOrders.entries()])
    const again = await cli(args)
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(
      /^Orders: 300 orders in \d+\.\d s \([\d,]+ orders\/s\): 0 accepted, 300 already there, 0 rejected$/m,
    )
    expect(again.stdout).toMatch(/^Events: 2,000 events in .*: 0 accepted, 2,000 already there, 0 rejected$/m)
    expect([...fake.analyticsOrders.entries()]).toEqual(orders)
    expect(fake.analyticsEvents.size).toBe(2000)
    expect(fake.checkouts).toHaveLength(0)
    // Another seed is another history.
    const other = await cli([
      'seed',
      '--orders',
      '300',
      '--seed',
      '9',
      '--live-orders',
      '0',
      '--json',
      '--yes',
    ])
    expect(json(other.stdout).orders).toEqual({ accepted: 300, duplicates: 0, rejected: [] })
  })

  test('sends what the generator makes from the catalog the product API lists', async () => {
    await catalog(25)
    expect(
      (await cli(['seed', '--orders', '80', '--events', '900', '--days', '30', '--seed', '3', '--yes'])).code,
    ).toBe(0)
    const today = new Date()
    today.setUTCHours(0, 0, 0, 0)
    const { createApiClient } = await import('../src/api-client.ts')
    const api = createApiClient({
      url: fake.url,
      fetch,
      credentials: { read: async () => null, write: async () => {}, clear: async () => {} } as never,
      now: () => new Date(),
    })
    const options = {
      seed: 3,
      orders: 80,
      events: 900,
      days: 30,
      end: today,
      catalog: await readCatalog(api),
    }
    expect([...fake.analyticsOrders.values()]).toEqual([...historyOrders(options)] as never)
    const imported = [...fake.analyticsEvents.values()].filter(
      (e) => String(e.id).startsWith('evt_ord_seed3') || String(e.id).startsWith('evt_seed3'),
    )
    expect(imported).toEqual([...historyEvents(options)] as never)
  })

  test('refuses an empty catalog with the way on, and imports nothing', async () => {
    const result = await cli(['seed', '--orders', '10', '--events', '100', '--yes'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('run `myshop seed --products 200` first')
    expect(fake.analyticsImports).toEqual([])
    expect(fake.checkouts).toEqual([])
  })

  test('is refused to a shopper: 403 from the import, said plainly, nothing stored', async () => {
    await catalog(10)
    fake.addUser({ email: 'shopper@example.com', name: 'Sam Shopper', password: 'password1' })
    await withHome(async (at) => {
      await signIn('shopper@example.com', 'password1', fake, at)
      const result = await cli(['seed', '--orders', '20', '--events', '100', '--yes'], fake, at)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('importing orders needs analytics:import (an administrator)')
    })
    expect(fake.analyticsOrders.size).toBe(0)
    expect(fake.analyticsEvents.size).toBe(0)
    expect(fake.checkouts).toEqual([])
  })

  test('seeds products and history in one run, and asks once first', async () => {
    const asked = await cli(['seed', '--products', '10', '--orders', '20', '--events', '300'])
    expect(asked.code).toBe(2)
    expect(asked.stderr).toContain(
      `Add 10 generated products, a 90-day history of 20 orders and 300 tracked events, 5 live orders placed by a new shopper to ${fake.url}?`,
    )
    expect(fake.requests).toHaveLength(0)
    const result = await cli([
      'seed',
      '--products',
      '10',
      '--orders',
      '20',
      '--events',
      '300',
      '--json',
      '--yes',
    ])
    expect(result.code).toBe(0)
    const report = json(result.stdout)
    expect(report).toMatchObject({
      updated: 0,
      failed: [],
      orders: { accepted: 20, duplicates: 0, rejected: [] },
      events: { accepted: 300, duplicates: 0, rejected: [] },
    })
    expect(report.created).toBeGreaterThanOrEqual(10)
    expect(report.stock.stocked).toBe(report.created)
    expect(report.liveOrders.placed).toHaveLength(5)
  })

  test('options are checked before anything is sent', async () => {
    for (const args of [
      ['--orders', '0'],
      ['--events', '-3'],
      ['--orders', '5', '--days', '0'],
      ['--orders', '5', '--days', '366'],
      ['--orders', '5', '--live-orders', '101'],
    ])
      expect((await cli(['seed', ...args, '--yes'])).code).toBe(2)
    const none = await cli(['seed', '--yes'])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('nothing to seed')
    expect(fake.requests).toHaveLength(0)
  })

  test('shows a progress bar per import in a terminal, then the counts', async () => {
    await catalog(10)
    fake.hold('/api/v1/admin/analytics/events/import', 1)
    const t = runInTerminal(
      ['seed', '--orders', '50', '--events', '3000', '--live-orders', '0', '--yes', '--url', fake.url],
      { home },
    )
    await t.waitFor('Orders: 50 orders in')
    await t.waitFor('1,000 / 3,000 events')
    t.type('\x03')
    expect(await t.exited).toBe(130)
    expect(t.screen()).toContain('interrupted after 1,000 of 3,000 events: those are written')
    expect(fake.analyticsEvents.size).toBe(1000)
  }, 30_000)
})
