import { join } from 'node:path'
import { migrate } from '@myshop/db'
import { orderCancelled, orderPaid, orderRefunded, productCreated } from '@myshop/events'
import { silentLogger } from '@myshop/logger'
import { appCaller, testDatabase, testTokens } from '@myshop/testing'
import { createApp } from '../src/app.ts'
import { onProductChanged } from '../src/catalog/service.ts'
import type { CatalogProduct } from '../src/clients/product-directory.ts'
import { httpStockReader } from '../src/clients/stock.ts'
import type { AnalyticsDeps } from '../src/deps.ts'

export const migrationsDir = join(import.meta.dir, '../../../db/migrations/analytics')

/** A stand-in inventory service over HTTP: stock per SKU, refusing calls without the service's token. */
export const inventoryStandIn = (stock: Record<string, { available: number; status: string }>) => {
  const server = Bun.serve({
    port: 0,
    fetch(request) {
      if (request.headers.get('authorization') !== 'Bearer svc-analytics')
        return new Response(null, { status: 401 })
      const sku = decodeURIComponent(new URL(request.url).pathname.split('/').at(-1)!)
      const found = stock[sku]
      return found ? Response.json({ sku, ...found }) : new Response(null, { status: 404 })
    },
  })
  return { url: `http://127.0.0.1:${server.port}`, stop: () => server.stop(true) }
}

/** The analytics service on the test database, its product directory answering from `catalog`. */
export const analyticsHarness = async (options: { inventoryUrl?: string } = {}) => {
  const { sql } = await testDatabase()
  await migrate(sql, 'analytics', migrationsDir)
  const tokens = await testTokens()
  const logger = silentLogger()
  const catalog: Record<string, CatalogProduct> = {}
  const categories: Record<string, string> = {}
  const lookups: string[] = []
  const deps: AnalyticsDeps = {
    sql,
    now: Date.now,
    logger,
    verifier: tokens.verifier(async () => true),
    eventsWritten: () => {},
    products: {
      product: async (id) => {
        lookups.push(id)
        return catalog[id] ?? null
      },
      categoryName: async (id) => categories[id] ?? null,
    },
    stock: httpStockReader({
      baseUrl: options.inventoryUrl ?? 'http://127.0.0.1:9',
      tokens: {
        token: async () => 'svc-analytics',
        authorization: async () => 'Bearer svc-analytics',
        forget: () => {},
      },
      timeoutMs: 500,
      logger,
    }),
    lowCoverDays: 7,
  }
  const app = createApp(deps)
  const [admin, analyst, customer] = await Promise.all([
    tokens.sign({ roles: ['admin'], sub: 'usr_admin' }),
    tokens.sign({ roles: ['analyst'], sub: 'usr_analyst' }),
    tokens.sign({ roles: ['customer'], sub: 'usr_customer' }),
  ])
  return {
    deps,
    sql,
    app,
    call: appCaller(app),
    as: (token: string) => ({ authorization: `Bearer ${token}` }),
    admin,
    analyst,
    customer,
    catalog,
    categories,
    lookups,
  }
}

export type Harness = Awaited<ReturnType<typeof analyticsHarness>>

export interface TestLine {
  sku: string
  productId: string
  quantity: number
  unitPrice: number
}

/** The facts every order event carries, for an order of these lines paid in `currency`. */
export const orderFacts = (
  o: { orderId: string; userId: string | null; currency: string; lines: TestLine[]; at: string },
  extra: {
    shipping?: number
    refunded?: number
    status?: 'paid' | 'refunded' | 'partially_refunded' | 'cancelled'
  } = {},
) => {
  const lines = o.lines.map((l) => ({ ...l, name: l.sku, lineTotal: l.unitPrice * l.quantity }))
  const subtotal = lines.reduce((s, l) => s + l.lineTotal, 0)
  const shipping = extra.shipping ?? 0
  return {
    orderId: o.orderId,
    userId: o.userId,
    email: 'shopper@example.com',
    status: extra.status ?? 'paid',
    currency: o.currency,
    totals: { subtotal, shipping, tax: 0, total: subtotal + shipping, refunded: extra.refunded ?? 0 },
    lines,
    actor: 'svc:order',
    occurredAt: o.at,
  }
}

export const paidEvent = (...args: Parameters<typeof orderFacts>) =>
  orderPaid.create(orderFacts(...args), { source: 'order' })
export const refundedEvent = (...args: Parameters<typeof orderFacts>) =>
  orderRefunded.create(orderFacts(...args), { source: 'order' })
export const cancelledEvent = (...args: Parameters<typeof orderFacts>) =>
  orderCancelled.create({ ...orderFacts(...args), note: null }, { source: 'order' })

/** Tells the harness's dimension of a product through its event. */
export const knowProduct = (
  h: Harness,
  p: { productId: string; name: string; brand: string | null; categoryId: string | null; skus: string[] },
) =>
  onProductChanged(
    h.deps,
    productCreated.create(
      {
        productId: p.productId,
        slug: p.productId.toLowerCase(),
        name: p.name,
        brand: p.brand,
        status: 'active',
        categoryIds: p.categoryId ? [p.categoryId] : [],
        variants: p.skus.map((sku, i) => ({
          id: `var_${p.productId}_${i}`,
          sku,
          options: {},
          price: { amount: 100, currency: 'EUR' },
          compareAtPrice: null,
        })),
        occurredAt: new Date().toISOString(),
      },
      { source: 'product' },
    ),
  )
