import type { Dispute, Fulfillment, NewOrder, Order, OrderStatus } from '../orders/model.ts'

/** The stream type of an order in the audit trail; its id is the order's. */
export const orderStreamType = 'order'

/** What an order was placed with: everything about it but its history, which the entries themselves tell. */
export type PlacedData = NewOrder

/** The entries of an order's stream, each version 1. */
export type OrderEntry =
  | { type: 'order.placed'; data: PlacedData }
  | { type: 'order.status_changed'; data: { from: OrderStatus; to: OrderStatus; note: string | null } }
  | { type: 'order.payment_recorded'; data: { paymentId: string; status: string } }
  | { type: 'order.refund_recorded'; data: { amount: number } }
  | { type: 'order.fulfillment_added'; data: Fulfillment }
  /** The provider reported a dispute over the order's payment; the history notes it, the status stays. */
  | { type: 'order.disputed'; data: { dispute: Dispute; note: string } }

/** An entry as the audit trail returns it: what happened, who did it, when. */
export interface RecordedEntry {
  type: string
  data: unknown
  actor: string
  occurredAt: string
}

const placed = (id: string, data: PlacedData, actor: string, at: string): Order => ({
  id,
  userId: data.userId,
  email: data.email,
  status: 'pending',
  currency: data.currency,
  lines: data.lines,
  totals: { ...data.totals, refunded: 0 },
  shippingAddress: data.shippingAddress,
  shippingOption: data.shippingOption,
  payment: { id: null, provider: data.paymentProvider, status: null },
  fulfillments: [],
  history: [{ status: 'pending', at, actor, note: null }],
  dispute: null,
  sagaId: data.sagaId,
  createdAt: at,
  updatedAt: at,
})

/** One entry applied to the order before it. */
const apply = (order: Order, entry: OrderEntry, actor: string, at: string): Order => {
  switch (entry.type) {
    case 'order.status_changed':
      return {
        ...order,
        status: entry.data.to,
        history: [...order.history, { status: entry.data.to, at, actor, note: entry.data.note }],
        updatedAt: at,
      }
    case 'order.payment_recorded':
      return {
        ...order,
        payment: { ...order.payment, id: entry.data.paymentId, status: entry.data.status },
        updatedAt: at,
      }
    case 'order.refund_recorded':
      return {
        ...order,
        totals: { ...order.totals, refunded: order.totals.refunded + entry.data.amount },
        updatedAt: at,
      }
    case 'order.fulfillment_added':
      return { ...order, fulfillments: [...order.fulfillments, entry.data], updatedAt: at }
    case 'order.disputed':
      return {
        ...order,
        dispute: entry.data.dispute,
        history: [...order.history, { status: order.status, at, actor, note: entry.data.note }],
        updatedAt: at,
      }
    default:
      throw new Error(`an order stream holds an entry of unknown type ${entry.type}`)
  }
}

/**
 * Folds an order's entries, oldest first, into the order they describe: the first places it, each later one
 * changes its status (adding to its history), payment, refunded total, shipments or dispute. Null for an empty stream.
 */
export const foldOrder = (id: string, entries: readonly RecordedEntry[]): Order | null => {
  const [first, ...rest] = entries
  if (!first) return null
  if (first.type !== 'order.placed') throw new Error(`order ${id}'s stream does not start with order.placed`)
  let order = placed(id, first.data as PlacedData, first.actor, first.occurredAt)
  for (const entry of rest) order = apply(order, entry as OrderEntry, entry.actor, entry.occurredAt)
  return order
}
