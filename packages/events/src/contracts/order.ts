import { z } from 'zod'
import { defineEvent } from '../envelope.ts'
import { eventEmailPattern } from './user.ts'

const minor = z.number().int().nonnegative()

/** Every status an order can be in; the order service's status machine moves between them. */
export const orderStatuses = [
  'pending',
  'awaiting_payment',
  'paid',
  'fulfilled',
  'delivered',
  'cancelled',
  'partially_refunded',
  'refunded',
] as const

const status = z.enum(orderStatuses)

/**
 * What every order event carries, so notifications and analytics need not call back: who bought what, for how
 * much, and the order's status and totals after the change (`refunded` is all given back so far).
 */
const orderFacts = {
  orderId: z.string().min(1),
  userId: z.string().min(1).nullable(),
  email: z.email({ pattern: new RegExp(eventEmailPattern) }),
  status,
  currency: z.string().regex(/^[A-Z]{3}$/),
  totals: z.object({ subtotal: minor, shipping: minor, tax: minor, total: minor, refunded: minor }),
  lines: z.array(
    z.object({
      sku: z.string().min(1),
      productId: z.string().min(1),
      name: z.string().min(1),
      unitPrice: minor,
      quantity: z.number().int().positive(),
      lineTotal: minor,
    }),
  ),
  /** Who made the change: a user id, `svc:order` for checkout, `system` for the service's own jobs. */
  actor: z.string().min(1),
  occurredAt: z.iso.datetime(),
}

/** An order was placed (status `pending`): checkout has begun taking stock and payment for it. */
export const orderPlaced = defineEvent({ type: 'order.placed', version: 1, schema: z.object(orderFacts) })

/** The order's payment was authorized and its stock committed: it can be shipped. */
export const orderPaid = defineEvent({ type: 'order.paid', version: 1, schema: z.object(orderFacts) })

/** The order was cancelled: its stock given back, its payment voided or refunded in full. */
export const orderCancelled = defineEvent({
  type: 'order.cancelled',
  version: 1,
  schema: z.object({ ...orderFacts, note: z.string().nullable() }),
})

/** The order was shipped, with the tracking number of the parcel. */
export const orderFulfilled = defineEvent({
  type: 'order.fulfilled',
  version: 1,
  schema: z.object({
    ...orderFacts,
    fulfillment: z.object({
      id: z.string().min(1),
      trackingNumber: z.string().min(1),
      carrier: z.string().min(1).nullable(),
      shippedAt: z.iso.datetime(),
    }),
  }),
})

/** The order reached the customer. */
export const orderDelivered = defineEvent({
  type: 'order.delivered',
  version: 1,
  schema: z.object(orderFacts),
})

/**
 * Money was given back on the order: `status` says whether in part (`partially_refunded`) or in full
 * (`refunded`), and `totals.refunded` how much so far.
 */
export const orderRefunded = defineEvent({ type: 'order.refunded', version: 1, schema: z.object(orderFacts) })
