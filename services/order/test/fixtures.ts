import { uniqueEmail } from '@myshop/testing'
import type { OrderStatus } from '../src/orders/model.ts'
import { getOrder, type PlaceOrderInput, placeOrder, transition } from '../src/orders/service.ts'
import type { orderHarness } from './harness.ts'

type Harness = Awaited<ReturnType<typeof orderHarness>>

/** What checkout would hand over for two lamps and a shade, shipped to Berlin with German VAT. */
export const orderInput = (overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({
  userId: 'usr_customer',
  email: uniqueEmail('buyer'),
  currency: 'EUR',
  lines: [
    { sku: 'LAMP-1', productId: 'prd_LAMP', name: 'Lamp', unitPrice: 1999, quantity: 2, lineTotal: 3998 },
    { sku: 'SHADE-1', productId: 'prd_SHADE', name: 'Shade', unitPrice: 500, quantity: 1, lineTotal: 500 },
  ],
  totals: { subtotal: 4498, shipping: 495, tax: 949, total: 5942 },
  shippingAddress: {
    name: 'Ada Lovelace',
    line1: 'Unter den Linden 1',
    city: 'Berlin',
    postalCode: '10117',
    country: 'DE',
  },
  shippingOption: { id: 'standard', name: 'Standard delivery', amount: 495 },
  paymentProvider: 'test',
  sagaId: `sag_${crypto.randomUUID()}`,
  actor: 'svc:order',
  ...overrides,
})

/** Orders made the way checkout makes them, and what the database holds about them. */
export const orderFixtures = async (h: Harness) => {
  const [otherCustomer, catalogManager] = await Promise.all([
    h.tokens.sign({ roles: ['customer'], sub: 'usr_other' }),
    h.tokens.sign({ roles: ['catalog_manager'], sub: 'usr_catalog' }),
  ])

  /** A pending order, placed in a transaction of its own. */
  const place = (overrides: Partial<PlaceOrderInput> = {}) =>
    h.sql.begin((tx) => placeOrder(tx, h.deps, orderInput(overrides)))

  /** Moves an order through `statuses`, one transaction each, as checkout's steps do. */
  const moveTo = async (orderId: string, ...statuses: OrderStatus[]) => {
    for (const status of statuses)
      await h.sql.begin((tx) => transition(tx, h.deps, orderId, status, 'svc:order'))
    return getOrder(h.deps, orderId)
  }

  /** A paid order: placed, awaiting payment, paid. */
  const paid = async (overrides: Partial<PlaceOrderInput> = {}) =>
    moveTo((await place(overrides)).id, 'awaiting_payment', 'paid')

  /** The events the service wrote about the order, oldest first. */
  const events = async (orderId: string) => [
    ...(await h.sql<{ type: string; data: Record<string, unknown> }[]>`
      select type, data from orders.outbox where data->>'orderId' = ${orderId} order by seq`),
  ]

  /** The order's audit trail, oldest first. */
  const auditEntries = async (orderId: string) => [
    ...(await h.sql<{ type: string; actor: string; data: Record<string, unknown> }[]>`
      select type, actor, data from orders.event_store
      where stream_type = 'order' and stream_id = ${orderId} order by seq`),
  ]

  /** How many rows each order table holds, to show a refused change wrote nothing. */
  const counts = async () =>
    (
      await h.sql<Record<string, number>[]>`
        select (select count(*) from orders.orders)::int as orders,
               (select count(*) from orders.order_lines)::int as lines,
               (select count(*) from orders.order_history)::int as history,
               (select count(*) from orders.fulfillments)::int as fulfillments,
               (select count(*) from orders.outbox)::int as outbox,
               (select count(*) from orders.event_store)::int as audit`
    )[0]!

  return { otherCustomer, catalogManager, place, moveTo, paid, events, auditEntries, counts }
}
