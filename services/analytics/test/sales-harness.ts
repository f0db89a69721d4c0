import { orderCancelled, orderPaid, orderRefunded, productCreated } from '@myshop/events'
import { onProductChanged } from '../src/catalog/service.ts'
import { analyticsHarness } from './harness.ts'

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

export { analyticsHarness }

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
