import { describe, expect, test } from 'bun:test'
import {
  type CatalogItem,
  type HistoryEvent,
  type HistoryOptions,
  historyEvents,
  historyOrders,
  spread,
} from '../src/analytics/history.ts'
import { generateCatalog } from '../src/catalog/generator.ts'

// A catalog as the product API lists it: the seeded rows, each SKU with its product id and its price in cents.
const catalog: CatalogItem[] = [...generateCatalog({ products: 300, seed: 4 })].map((row, i) => ({
  productId: `prd_${String(i).padStart(4, '0')}`,
  sku: row.sku,
  name: row.name,
  price: Math.round(Number(row.price) * 100),
  currency: row.currency,
  category: row.category ?? null,
  brand: row.brand ?? null,
}))

const end = new Date('2030-04-01T00:00:00.000Z')
const options: HistoryOptions = { seed: 9, orders: 2000, events: 80_000, days: 90, end, catalog }
const orders = [...historyOrders(options)]
const events = [...historyEvents(options)]
const start = end.getTime() - 90 * 86_400_000

const dayOf = (iso: string) => Math.floor((Date.parse(iso) - start) / 86_400_000)
const weekend = (iso: string) => [0, 6].includes(new Date(iso).getUTCDay())

/** Mean per weekend day and per weekday of the times given. */
const perDay = (times: string[]) => {
  const days = Array.from({ length: 90 }, (_, d) => new Date(start + d * 86_400_000).toISOString())
  const count = (pick: (iso: string) => boolean) => times.filter(pick).length / days.filter(pick).length
  return { weekend: count(weekend), weekday: count((iso) => !weekend(iso)) }
}

const properties: Record<string, { required: string[]; optional: string[] }> = {
  page_view: { required: ['path'], optional: ['referrer', 'title'] },
  product_view: { required: ['productId'], optional: ['sku'] },
  search: { required: ['query', 'results'], optional: [] },
  add_to_cart: { required: ['productId', 'sku', 'quantity'], optional: ['price', 'currency'] },
  remove_from_cart: { required: ['productId', 'sku', 'quantity'], optional: ['price', 'currency'] },
  checkout_started: { required: [], optional: ['cartId', 'value', 'currency'] },
  purchase: { required: ['orderId'], optional: ['value', 'currency'] },
}

describe('history orders', () => {
  test('are exactly as many as asked, in time order, inside the window, with consistent amounts', () => {
    expect(orders).toHaveLength(2000)
    expect(new Set(orders.map((o) => o.orderId)).size).toBe(2000)
    const times = orders.map((o) => Date.parse(o.paidAt))
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(Math.min(...times)).toBeGreaterThanOrEqual(start)
    expect(Math.max(...times)).toBeLessThan(end.getTime())
    const bySku = new Map(catalog.map((item) => [item.sku, item]))
    for (const order of orders) {
      expect(order.lines.length).toBeGreaterThanOrEqual(1)
      expect(order.lines.length).toBeLessThanOrEqual(4)
      expect(new Set(order.lines.map((l) => l.sku)).size).toBe(order.lines.length)
      for (const line of order.lines) {
        const item = bySku.get(line.sku) as CatalogItem
        expect(line).toMatchObject({ productId: item.productId, unitPrice: item.price })
        expect(item.currency).toBe(order.currency)
        expect(line.lineTotal).toBe(line.unitPrice * line.quantity)
      }
    }
  })

  test('follow the week: weekend days sell more than weekdays, and the last month more than the first', () => {
    const { weekend: sat, weekday } = perDay(orders.map((o) => o.paidAt))
    expect(sat / weekday).toBeGreaterThan(1.25)
    const first = orders.filter((o) => dayOf(o.paidAt) < 30).length
    const last = orders.filter((o) => dayOf(o.paidAt) >= 60).length
    expect(last / first).toBeGreaterThan(1.1)
    expect(last / first).toBeLessThan(1.6)
  })

  test('refund a few percent of the orders, fully or in part, after payment and before the window ends', () => {
    const refunded = orders.filter((o) => o.refunds.length)
    expect(refunded.length / orders.length).toBeGreaterThan(0.02)
    expect(refunded.length / orders.length).toBeLessThan(0.07)
    let full = 0
    for (const order of refunded) {
      const total = order.lines.reduce((sum, l) => sum + l.lineTotal, 0)
      const [refund] = order.refunds
      expect(refund?.refundId).toBe(`${order.orderId}_r1`)
      expect(refund?.amount).toBeGreaterThan(0)
      expect(refund?.amount).toBeLessThanOrEqual(total)
      if (refund?.amount === total) full++
      expect(Date.parse(refund?.refundedAt as string)).toBeGreaterThan(Date.parse(order.paidAt))
      expect(Date.parse(refund?.refundedAt as string)).toBeLessThan(end.getTime())
    }
    expect(full).toBeGreaterThan(refunded.length * 0.3)
    expect(full).toBeLessThan(refunded.length * 0.9)
  })

  test('come from returning customers about a third of the time, across months, so cohorts have retention', () => {
    const seen = new Map<string, number>()
    let returning = 0
    let laterMonth = 0
    for (const order of orders) {
      if (!order.userId) continue
      const first = seen.get(order.userId)
      const month = new Date(order.paidAt).getUTCMonth()
      if (first === undefined) seen.set(order.userId, month)
      else {
        returning++
        if (month !== first) laterMonth++
      }
    }
    expect(returning / orders.length).toBeGreaterThan(0.2)
    expect(returning / orders.length).toBeLessThan(0.45)
    expect(laterMonth).toBeGreaterThan(returning * 0.2)
    const guests = orders.filter((o) => o.userId === null).length
    expect(guests).toBeGreaterThan(0)
    expect(guests / orders.length).toBeLessThan(0.1)
    // --customers caps how many distinct customers there are.
    const few = [...historyOrders({ ...options, customers: 50 })]
    expect(new Set(few.flatMap((o) => (o.userId ? [o.userId] : []))).size).toBe(50)
  })

  test('are the same for the same seed and options, different for another seed, none from an empty catalog', () => {
    expect([...historyOrders(options)]).toEqual(orders)
    const other = [...historyOrders({ ...options, seed: 10 })]
    expect(other.map((o) => o.paidAt)).not.toEqual(orders.map((o) => o.paidAt))
    expect([...historyOrders({ ...options, catalog: [] })]).toEqual([])
  })

  test('split exactly: spread keeps the total and the proportions', () => {
    expect(spread(10, [1, 1, 1])).toEqual([4, 3, 3])
    expect(spread(7, [0, 2, 5]).reduce((a, b) => a + b, 0)).toBe(7)
    expect(spread(100, [1, 3])).toEqual([25, 75])
    expect(spread(5, [0, 0])).toEqual([0, 0])
  })
})

describe('history events', () => {
  const sessions = new Map<string, HistoryEvent[]>()
  for (const event of events) sessions.set(event.sessionId, [...(sessions.get(event.sessionId) ?? []), event])
  const reached = (type: string) => [...sessions.values()].filter((s) => s.some((e) => e.type === type))

  test('are exactly as many as asked, with unique ids, valid properties, in the past of the window', () => {
    expect(events).toHaveLength(80_000)
    expect(new Set(events.map((e) => e.id)).size).toBe(80_000)
    for (const event of events) {
      expect(event.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
      expect(event.anonymousId).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
      expect(event.sessionId).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
      expect(Date.parse(event.time)).toBeLessThan(end.getTime())
      expect(Date.parse(event.time)).toBeGreaterThan(start - 86_400_000)
      const shape = properties[event.type] as { required: string[]; optional: string[] }
      for (const key of shape.required) expect(event.properties).toHaveProperty(key)
      for (const key of Object.keys(event.properties))
        expect([...shape.required, ...shape.optional]).toContain(key)
      if (event.type === 'page_view') expect(String(event.properties.path)).toStartWith('/')
    }
  })

  test('hold one purchase per order, in a session that viewed, carted and checked out at the order time', () => {
    const purchases = events.filter((e) => e.type === 'purchase')
    expect(purchases.map((e) => e.properties.orderId)).toEqual(orders.map((o) => o.orderId))
    for (const [i, purchase] of purchases.entries()) {
      const order = orders[i] as (typeof orders)[number]
      expect(purchase.time).toBe(order.paidAt)
      expect(purchase.userId).toBe(order.userId ?? undefined)
      const session = sessions.get(purchase.sessionId) as HistoryEvent[]
      const types = session.map((e) => e.type)
      expect(types).toContain('product_view')
      expect(types).toContain('checkout_started')
      const carted = session.filter((e) => e.type === 'add_to_cart').map((e) => e.properties.sku)
      for (const line of order.lines) expect(carted).toContain(line.sku)
      expect(purchase.properties.value).toBe(order.lines.reduce((sum, l) => sum + l.lineTotal, 0))
    }
  })

  test('make a funnel: most sessions buy nothing, many carts are abandoned, some items are put back', () => {
    const all = sessions.size
    const carted = reached('add_to_cart').length
    const checkedOut = reached('checkout_started').length
    const purchased = reached('purchase').length
    expect(reached('product_view').length).toBeGreaterThan(carted)
    expect(carted).toBeGreaterThan(checkedOut * 1.3)
    expect(checkedOut).toBeGreaterThan(purchased)
    expect(purchased / all).toBeGreaterThan(0.05)
    expect(purchased / all).toBeLessThan(0.5)
    // A checkout always follows a cart, within the session.
    for (const session of reached('checkout_started'))
      expect(session.map((e) => e.type)).toContain('add_to_cart')
    expect(reached('remove_from_cart').length).toBeGreaterThan(0)
    // Visitors come back: fewer anonymous ids than sessions.
    expect(new Set(events.map((e) => e.anonymousId)).size).toBeLessThan(all * 0.8)
  })

  test('search for catalog words with results, and a share of terms with none', () => {
    const searches = events.filter((e) => e.type === 'search')
    expect(searches.length).toBeGreaterThan(500)
    const zero = searches.filter((e) => e.properties.results === 0)
    expect(zero.length / searches.length).toBeGreaterThan(0.03)
    expect(zero.length / searches.length).toBeLessThan(0.25)
    const names = catalog.map((item) => item.name.toLowerCase())
    for (const search of searches.slice(0, 200)) {
      const term = String(search.properties.query).trim().toLowerCase().replace(/\s+/g, ' ')
      expect(search.properties.results).toBe(names.filter((n) => n.includes(term)).length)
    }
  })

  test('follow the week too, and are the same for the same seed', () => {
    const { weekend: sat, weekday } = perDay(events.map((e) => e.time))
    expect(sat / weekday).toBeGreaterThan(1.2)
    expect([...historyEvents(options)]).toEqual(events)
    expect([...historyEvents({ ...options, seed: 10 })].map((e) => e.id)).not.toEqual(events.map((e) => e.id))
  })

  test('with fewer events than the orders need, cover an even share of the orders and still count exactly', () => {
    const few = [...historyEvents({ ...options, events: 5000 })]
    expect(few).toHaveLength(5000)
    const bought = few.filter((e) => e.type === 'purchase').map((e) => Date.parse(e.time))
    expect(bought.length).toBeGreaterThan(200)
    expect(bought.length).toBeLessThan(2000)
    const middle = start + 45 * 86_400_000
    expect(bought.filter((t) => t < middle).length).toBeGreaterThan(bought.length * 0.3)
    // Without orders, sessions browse and abandon but never buy.
    const browsing = [...historyEvents({ ...options, orders: 0, events: 3000 })]
    expect(browsing).toHaveLength(3000)
    expect(browsing.some((e) => e.type === 'purchase')).toBe(false)
    expect(browsing.some((e) => e.type === 'checkout_started')).toBe(true)
  })
})
