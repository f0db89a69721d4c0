import { pick, streamFor } from '../catalog/generator.ts'

// A believable shop history from a seed: paid orders over the last days with weekly seasonality and a gentle
// trend, customers who come back in later months, a few refunds, and the shoppers' tracked sessions (browsing,
// searching, abandoned carts, and the sessions that bought each order). The same options always give the same
// history, and every id derives from the seed, so importing it twice changes nothing the second time.

/** A product the history may sell: one SKU of the live catalog with its price in minor units. */
export type CatalogItem = {
  productId: string
  sku: string
  name: string
  /** Minor units of `currency`. */
  price: number
  currency: string
  category: string | null
  brand: string | null
}

export type HistoryLine = {
  sku: string
  productId: string
  quantity: number
  unitPrice: number
  lineTotal: number
}

export type HistoryRefund = { refundId: string; amount: number; refundedAt: string }

/** One paid order, as `POST /api/v1/admin/analytics/orders/import` takes it. */
export type HistoryOrder = {
  orderId: string
  userId: string | null
  currency: string
  paidAt: string
  lines: HistoryLine[]
  refunds: HistoryRefund[]
}

export type EventType =
  | 'page_view'
  | 'product_view'
  | 'search'
  | 'add_to_cart'
  | 'remove_from_cart'
  | 'checkout_started'
  | 'purchase'

/** One tracked event, as `POST /api/v1/admin/analytics/events/import` takes it. */
export type HistoryEvent = {
  id: string
  type: EventType
  anonymousId: string
  sessionId: string
  time: string
  userId?: string
  properties: Record<string, string | number>
}

export type HistoryOptions = {
  seed: number
  /** Paid orders over the window. */
  orders: number
  /** Tracked events over the window, exactly. */
  events: number
  days: number
  /** Distinct customers at most (default: three for every four orders). */
  customers?: number | undefined
  /** The end of the window (exclusive), e.g. today's midnight UTC: everything happens in the `days` before it. */
  end: Date
  /** What the orders sell; an empty catalog makes no orders. */
  catalog: readonly CatalogItem[]
}

const dayMs = 86_400_000
const minuteMs = 60_000

/** Activity by weekday, Sunday first: weekends are the busiest days. */
const weekdayFactor = [1.3, 0.88, 0.86, 0.9, 0.96, 1.1, 1.4]

/** Activity by hour of the day (UTC): quiet at night, a lunch bump and an evening peak. */
const hourWeight = [
  0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 0.9, 1.1, 1.2, 1.3, 1.4, 1.3, 1.2, 1.2, 1.3, 1.5, 1.8, 2, 2.1,
  1.8, 1.2, 0.6,
]
const hourTotal = hourWeight.reduce((a, b) => a + b, 0)

// Shares that shape the history.
const guestShare = 0.04
const returningShare = 0.32
const refundShare = 0.045
const fullRefundShare = 0.6
const searchZeroShare = 0.12

// Distinct stream families, so an order's numbers never repeat a session's.
const family = { day: 0x1d, order: 0x2e, inclusion: 0x3f, session: 0x4a, buying: 0x5b } as const

const stream = (seed: number, kind: number, index: number) =>
  streamFor((seed ^ Math.imul(kind, 0x27d4eb2d)) >>> 0, index)

/** The window's first instant: `days` whole days before `end`. */
const windowStart = ({ end, days }: Pick<HistoryOptions, 'end' | 'days'>) => end.getTime() - days * dayMs

/** How busy day `d` of the window is: its weekday, a gentle upward trend over the window, and some noise. */
export const dayWeights = (options: Pick<HistoryOptions, 'seed' | 'end' | 'days'>): number[] => {
  const start = windowStart(options)
  return Array.from({ length: options.days }, (_, d) => {
    const weekday = new Date(start + d * dayMs).getUTCDay()
    const trend = 1 + (0.3 * d) / Math.max(1, options.days - 1)
    const noise = 0.92 + 0.16 * stream(options.seed, family.day, d)()
    return (weekdayFactor[weekday] as number) * trend * noise
  })
}

/** Splits `n` over the weights in proportion (largest remainders get the leftovers), summing to `n` exactly. */
export const spread = (n: number, weights: readonly number[]): number[] => {
  const total = weights.reduce((a, b) => a + b, 0)
  if (!total) return weights.map(() => 0)
  const exact = weights.map((w) => (n * w) / total)
  const counts = exact.map(Math.floor)
  let left = n - counts.reduce((a, b) => a + b, 0)
  const byRemainder = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break
    counts[i] = (counts[i] as number) + 1
  }
  return counts
}

/** A time of day in ms, drawn by hourly activity. */
const timeOfDay = (random: () => number): number => {
  let r = random() * hourTotal
  let hour = 0
  while (hour < 23 && r >= (hourWeight[hour] as number)) r -= hourWeight[hour++] as number
  return hour * 3_600_000 + Math.floor(random() * 3_600_000)
}

/** An index in 0..n-1 skewed towards the start: the catalog's first items sell most. */
const popular = (random: () => number, n: number) => Math.min(n - 1, Math.floor(n * random() ** 2))

const pad = (n: number, width = 7) => String(n).padStart(width, '0')

const customerId = (seed: number, n: number) => `usr_seed${seed}_${pad(n)}`
const customerAnonymousId = (seed: number, n: number) => `anon_seed${seed}_c${pad(n)}`
/** The number `customerId` made an id of. */
const customerNumber = (userId: string) => Number(userId.slice(userId.lastIndexOf('_') + 1))

const linesWeights = [0.55, 0.25, 0.12, 0.08]

/** The catalog by currency, in a stable order, so the same catalog always sells the same way. */
const byCurrency = (catalog: readonly CatalogItem[]) => {
  const sorted = [...catalog].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
  const groups = new Map<string, CatalogItem[]>()
  for (const item of sorted) {
    const group = groups.get(item.currency)
    if (group) group.push(item)
    else groups.set(item.currency, [item])
  }
  return { sorted, groups, bySku: new Map(sorted.map((item) => [item.sku, item])) }
}

const orderTotal = (order: Pick<HistoryOrder, 'lines'>) =>
  order.lines.reduce((sum, l) => sum + l.lineTotal, 0)

/** The lines of one order: 1-4 distinct SKUs of one currency, mostly one unit each. */
const orderLines = (random: () => number, catalog: ReturnType<typeof byCurrency>): HistoryLine[] => {
  const first = catalog.sorted[popular(random, catalog.sorted.length)] as CatalogItem
  const same = catalog.groups.get(first.currency) as CatalogItem[]
  let count = 1
  for (let r = random(), i = 0; i < linesWeights.length; i++) {
    r -= linesWeights[i] as number
    if (r < 0) {
      count = i + 1
      break
    }
  }
  const chosen = new Map<string, CatalogItem>([[first.sku, first]])
  for (let tries = 0; chosen.size < Math.min(count, same.length) && tries < 20; tries++) {
    const item = same[popular(random, same.length)] as CatalogItem
    chosen.set(item.sku, item)
  }
  return [...chosen.values()].map((item) => {
    const r = random()
    const quantity = r < 0.8 ? 1 : r < 0.95 ? 2 : 3
    return {
      sku: item.sku,
      productId: item.productId,
      quantity,
      unitPrice: item.price,
      lineTotal: item.price * quantity,
    }
  })
}

/** A refund for some orders, 1-14 days after payment and before the window ends: full, or part of it. */
const orderRefunds = (random: () => number, order: HistoryOrder, end: number): HistoryRefund[] => {
  if (random() >= refundShare) return []
  const total = orderTotal(order)
  const at = Date.parse(order.paidAt) + (1 + Math.floor(random() * 14)) * dayMs + Math.floor(random() * dayMs)
  if (total < 2 || at >= end) return []
  const full = random() < fullRefundShare
  const partial =
    order.lines.length > 1
      ? (order.lines[order.lines.length - 1] as HistoryLine).lineTotal
      : Math.max(1, Math.floor(total * (0.2 + 0.4 * random())))
  return [
    {
      refundId: `${order.orderId}_r1`,
      amount: full ? total : Math.min(total - 1, partial),
      refundedAt: new Date(at).toISOString(),
    },
  ]
}

/**
 * The paid orders of the history, in time order. Each day gets its share of the orders by its weight; an order is
 * a guest's, a new customer's (whose first purchase makes them part of that month's cohort), or, about a third of the
 * time, a returning customer's (recent customers more likely than old ones).
 */
export function* historyOrders(options: HistoryOptions): Generator<HistoryOrder> {
  const { seed, days, catalog } = options
  if (!catalog.length || options.orders < 1) return
  const sellable = byCurrency(catalog)
  const start = windowStart(options)
  const end = options.end.getTime()
  const maxCustomers = Math.max(1, options.customers ?? Math.ceil((options.orders * 3) / 4))
  const perDay = spread(options.orders, dayWeights(options))
  let acquired = 0
  let index = 0
  for (let d = 0; d < days; d++) {
    const day = stream(seed, family.order, -1 - d)
    const times = Array.from({ length: perDay[d] as number }, () => start + d * dayMs + timeOfDay(day)).sort(
      (a, b) => a - b,
    )
    for (const time of times) {
      const random = stream(seed, family.order, index)
      const orderId = `ord_seed${seed}_${pad(index++)}`
      let userId: string | null = null
      if (random() >= guestShare) {
        const returning = acquired > 0 && (random() < returningShare || acquired >= maxCustomers)
        // Recent customers come back more often than those of two months ago.
        const n = returning ? Math.min(acquired - 1, Math.floor(acquired * (1 - random() ** 2))) : acquired++
        userId = customerId(seed, n)
      }
      const lines = orderLines(random, sellable)
      const order: HistoryOrder = {
        orderId,
        userId,
        currency: (sellable.bySku.get(lines[0]?.sku as string) as CatalogItem).currency,
        paidAt: new Date(time).toISOString(),
        lines,
        refunds: [],
      }
      order.refunds = orderRefunds(random, order, end)
      yield order
    }
  }
}

// Search terms with no product behind them, as shoppers type them.
const missingTerms = [
  'drone',
  'vinyl turntable',
  'iphnoe',
  'gift card',
  'kayak',
  'wedding dress',
  'e-bike',
  'aquarium',
  'printer ink',
  'sofa bed  ',
  'Standing Desk',
  'baby stroller',
]

const referrers = [
  'https://www.google.com/',
  'https://www.bing.com/',
  'https://duckduckgo.com/',
  'https://t.co/',
]

/** What the shoppers search for: words of the catalog's names, brands and categories, and terms it has nothing for. */
const searchTerms = (catalog: readonly CatalogItem[]) => {
  const words = new Set<string>()
  for (const item of catalog) {
    if (item.brand) words.add(item.brand.toLowerCase())
    const leaf = item.category?.split('>').at(-1)?.trim()
    if (leaf) words.add(leaf.toLowerCase())
    const model = item.name.split(' ')[1]
    if (model && /^[A-Za-z]{3,}$/.test(model)) words.add(model.toLowerCase())
  }
  const names = catalog.map((item) => item.name.toLowerCase())
  const results = (term: string) => {
    const wanted = term.trim().toLowerCase().replace(/\s+/g, ' ')
    return names.filter((name) => name.includes(wanted)).length
  }
  const found = [...words].sort().map((term) => ({ term, results: results(term) }))
  const missing = missingTerms.map((term) => ({ term, results: results(term) }))
  return { found: found.filter((t) => t.results > 0), missing }
}

type SessionContext = {
  seed: number
  catalog: ReturnType<typeof byCurrency>
  terms: ReturnType<typeof searchTerms>
}

/** Builds one session's events at increasing times from its start, with ids `${prefix}_${k}`. */
class SessionBuilder {
  readonly events: HistoryEvent[] = []
  private offset = 0
  private readonly random: () => number
  private readonly prefix: string
  private readonly who: { anonymousId: string; sessionId: string; userId?: string | undefined }
  constructor(random: () => number, prefix: string, who: SessionBuilder['who']) {
    this.random = random
    this.prefix = prefix
    this.who = who
  }

  add(type: EventType, properties: Record<string, string | number>, gapMs?: number) {
    this.offset += gapMs ?? (this.events.length ? 8_000 + Math.floor(this.random() * 150_000) : 0)
    this.events.push({
      id: `${this.prefix}_${this.events.length}`,
      type,
      anonymousId: this.who.anonymousId,
      sessionId: this.who.sessionId,
      time: String(this.offset),
      ...(this.who.userId && { userId: this.who.userId }),
      properties,
    })
  }

  /** The events at real times: the session starts at `start`, or ends at `last` when that is given. */
  placed(at: { start: number } | { last: number }): HistoryEvent[] {
    const start = 'start' in at ? at.start : at.last - this.offset
    return this.events.map((event) => ({
      ...event,
      time: new Date(start + Number(event.time)).toISOString(),
    }))
  }
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

const landing = (session: SessionBuilder, random: () => number, item: CatalogItem | undefined) => {
  const external = random() < 0.4
  const path =
    item && random() < 0.3
      ? `/p/${item.productId}`
      : item?.category && random() < 0.3
        ? `/c/${slug(item.category)}`
        : '/'
  session.add('page_view', {
    path,
    ...(external && { referrer: pick(random, referrers) }),
    title: path === '/' ? 'MyShop' : (item?.name ?? 'MyShop').slice(0, 300),
  })
}

const view = (session: SessionBuilder, item: CatalogItem) => {
  session.add('page_view', { path: `/p/${item.productId}`, title: item.name.slice(0, 300) })
  session.add('product_view', { productId: item.productId, sku: item.sku }, 1_000)
}

const search = (session: SessionBuilder, random: () => number, { terms }: SessionContext, zero: boolean) => {
  const { term, results } =
    zero || !terms.found.length ? pick(random, terms.missing) : pick(random, terms.found)
  session.add('search', { query: term, results })
}

const addToCart = (session: SessionBuilder, item: CatalogItem, quantity: number) =>
  session.add('add_to_cart', {
    productId: item.productId,
    sku: item.sku,
    quantity,
    price: item.price,
    currency: item.currency,
  })

/** The session in which order `index` was bought: it ends with the purchase at the order's payment time. */
const buyingSession = (context: SessionContext, order: HistoryOrder, index: number): HistoryEvent[] => {
  const random = stream(context.seed, family.buying, index)
  const customer = order.userId ? customerNumber(order.userId) : null
  const session = new SessionBuilder(random, `evt_${order.orderId}`, {
    anonymousId:
      customer === null
        ? `anon_seed${context.seed}_g${pad(index)}`
        : customerAnonymousId(context.seed, customer),
    sessionId: `ses_${order.orderId}`,
    userId: order.userId ?? undefined,
  })
  const items = order.lines.map((line) => context.catalog.bySku.get(line.sku) as CatalogItem)
  landing(session, random, items[0])
  if (random() < 0.4) search(session, random, context, random() < searchZeroShare / 2)
  for (const [i, item] of items.entries()) {
    view(session, item)
    addToCart(session, item, (order.lines[i] as HistoryLine).quantity)
  }
  if (random() < 0.15) {
    // A product considered and put back.
    const other = context.catalog.groups.get(order.currency)?.[popular(random, 50)]
    if (other && !items.includes(other)) {
      view(session, other)
      addToCart(session, other, 1)
      session.add('remove_from_cart', { productId: other.productId, sku: other.sku, quantity: 1 })
    }
  }
  const value = orderTotal(order)
  session.add('page_view', { path: '/checkout', title: 'Checkout' })
  session.add('checkout_started', { cartId: `cart_${order.orderId}`, value, currency: order.currency }, 2_000)
  session.add('purchase', { orderId: order.orderId, value, currency: order.currency })
  return session.placed({ last: Date.parse(order.paidAt) })
}

/**
 * A session that bought nothing: a bounce, a browse (product pages, searches), an abandoned cart (some products
 * put back) or an abandoned checkout. A few are known customers' visits, the rest anonymous visitors', some of
 * whom come back.
 */
const browsingSession = (
  context: SessionContext,
  index: number,
  visitors: number,
  customers: number,
): SessionBuilder => {
  const random = stream(context.seed, family.session, index)
  const known = customers > 0 && random() < 0.2
  const customer = Math.floor(random() * Math.max(1, customers))
  const visitor = Math.floor(random() * visitors)
  const session = new SessionBuilder(random, `evt_seed${context.seed}_s${pad(index, 8)}`, {
    anonymousId: known
      ? customerAnonymousId(context.seed, customer)
      : `anon_seed${context.seed}_v${pad(visitor)}`,
    sessionId: `ses_seed${context.seed}_${pad(index, 8)}`,
    userId: known && random() < 0.5 ? customerId(context.seed, customer) : undefined,
  })
  const { sorted } = context.catalog
  const item = () => sorted[popular(random, sorted.length)]
  const kind = random()
  landing(session, random, item())
  if (kind < 0.35 || !sorted.length) return session
  const viewed: CatalogItem[] = []
  for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
    if (random() < 0.35) search(session, random, context, random() < searchZeroShare)
    const next = item() as CatalogItem
    view(session, next)
    viewed.push(next)
  }
  if (kind < 0.7) return session
  const carted = viewed.filter((v, i) => i === 0 || (random() < 0.4 && v.currency === viewed[0]?.currency))
  const unique = [...new Map(carted.map((c) => [c.sku, c])).values()]
  for (const c of unique) addToCart(session, c, 1 + (random() < 0.15 ? 1 : 0))
  if (unique.length > 1 && random() < 0.35) {
    const removed = unique.pop() as CatalogItem
    session.add('remove_from_cart', { productId: removed.productId, sku: removed.sku, quantity: 1 })
  }
  if (kind < 0.9) return session
  session.add('page_view', { path: '/checkout', title: 'Checkout' })
  session.add(
    'checkout_started',
    { value: unique.reduce((sum, c) => sum + c.price, 0), currency: (unique[0] as CatalogItem).currency },
    2_000,
  )
  return session
}

/**
 * The tracked events of the history, exactly `options.events` of them, day by day: the sessions that bought the
 * orders (all of them when the events suffice, else an even share across the window), then sessions that bought
 * nothing, spread over the days by the same weights as the orders.
 */
export function* historyEvents(options: HistoryOptions): Generator<HistoryEvent> {
  const { seed, days } = options
  if (options.events < 1) return
  const catalog = byCurrency(options.catalog)
  const context: SessionContext = { seed, catalog, terms: searchTerms(catalog.sorted) }
  const start = windowStart(options)
  const end = options.end.getTime()

  // First pass: the size of each order's session, and which sessions fit.
  const sizes: number[] = []
  let customers = 0
  for (const order of historyOrders(options)) {
    sizes.push(buyingSession(context, order, sizes.length).length)
    if (order.userId) customers = Math.max(customers, customerNumber(order.userId) + 1)
  }
  const needed = sizes.reduce((a, b) => a + b, 0)
  const share = needed <= options.events ? 1 : options.events / needed
  const included = new Uint8Array(sizes.length)
  let budget = options.events
  for (const [i, size] of sizes.entries()) {
    if (size <= budget && (share === 1 || stream(seed, family.inclusion, i)() < share)) {
      included[i] = 1
      budget -= size
    }
  }
  const perDay = spread(budget, dayWeights(options))
  // About six events a session: a pool of visitors smaller than the sessions, so some come back.
  const visitors = Math.max(1, Math.ceil(budget / 10))

  const orders = historyOrders(options)
  let pending = orders.next()
  let orderIndex = 0
  let sessionIndex = 0
  for (let d = 0; d < days; d++) {
    const dayEnd = Math.min(end, start + (d + 1) * dayMs)
    while (!pending.done && Date.parse(pending.value.paidAt) < dayEnd) {
      if (included[orderIndex]) yield* buyingSession(context, pending.value, orderIndex)
      orderIndex++
      pending = orders.next()
    }
    const day = stream(seed, family.day, -1 - d)
    for (let left = perDay[d] as number; left > 0; ) {
      const session = browsingSession(context, sessionIndex++, visitors, customers)
      const last = Number(session.events.at(-1)?.time ?? 0)
      // A session starting late in the last day ends before the window does.
      const begin = Math.min(start + d * dayMs + timeOfDay(day), end - last - minuteMs)
      const events = session.placed({ start: begin }).slice(0, left)
      left -= events.length
      yield* events
    }
  }
}
