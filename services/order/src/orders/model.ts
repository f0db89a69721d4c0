import type { FieldError } from '@myshop/errors'
import { orderStatuses } from '@myshop/events'
import { formatDecimalPrice } from '@myshop/money'
import type { CartLine } from '../carts/model.ts'

/** Every status an order can be in (the order events' contract holds the list). */
export { orderStatuses }
export type OrderStatus = (typeof orderStatuses)[number]

/** One line of an order: a cart's line as checkout priced it (unitPrice and lineTotal in minor units). */
export type OrderLine = CartLine

/** An order's amounts in minor units: total = subtotal + shipping + tax; refunded ≤ total. */
export interface OrderTotals {
  subtotal: number
  shipping: number
  tax: number
  total: number
  refunded: number
}

export interface ShippingAddress {
  name: string
  line1: string
  line2?: string
  city: string
  postalCode: string
  region?: string
  /** ISO 3166-1 alpha-2. */
  country: string
  phone?: string
}

export interface ShippingOption {
  id: string
  name: string
  amount: number
}

export interface OrderPayment {
  id: string | null
  provider: string
  status: string | null
}

export interface Fulfillment {
  id: string
  trackingNumber: string
  carrier: string | null
  shippedAt: string
}

/**
 * A dispute (chargeback) the shopper's bank opened over the order's payment, as the provider last reported it:
 * `amount` (minor units of `currency`) is what it disputes; the money is held until the dispute is decided.
 */
export interface Dispute {
  id: string
  amount: number
  currency: string
  reason: string
  status: string
  openedAt: string
}

/** Whether two reports of a dispute say the same: nothing to record again. */
export const sameDispute = (a: Dispute, b: Dispute): boolean =>
  a.id === b.id &&
  a.amount === b.amount &&
  a.currency === b.currency &&
  a.reason === b.reason &&
  a.status === b.status

/** The history note of a dispute reported on the order: opened, or a later report of the same one. */
export const disputeNote = (dispute: Dispute, before: Dispute | null): string =>
  `Payment disputed${before?.id === dispute.id ? ' (updated)' : ''}: ${formatDecimalPrice(dispute.amount, dispute.currency)} ${dispute.currency}, reason ${dispute.reason}, status ${dispute.status} (dispute ${dispute.id})`

/** One step of an order's status history: who moved it where, when, and why. */
export interface HistoryEntry {
  status: OrderStatus
  at: string
  /**
   * A user id (`usr_…`), `svc:order` for checkout and its flows, `system` for the service's own jobs, or
   * `provider:<name>` for what a payment provider reported (a dispute).
   */
  actor: string
  note: string | null
}

/** An order as every order route answers it. */
export interface Order {
  id: string
  userId: string | null
  email: string
  status: OrderStatus
  currency: string
  lines: OrderLine[]
  totals: OrderTotals
  shippingAddress: ShippingAddress
  shippingOption: ShippingOption
  payment: OrderPayment
  fulfillments: Fulfillment[]
  history: HistoryEntry[]
  dispute: Dispute | null
  sagaId: string | null
  createdAt: string
  updatedAt: string
}

/** An order as checkout hands it over: what was bought, for how much, shipped where, paid how. */
export interface NewOrder {
  userId: string | null
  email: string
  currency: string
  lines: OrderLine[]
  totals: { subtotal: number; shipping: number; tax: number; total: number }
  shippingAddress: ShippingAddress
  shippingOption: ShippingOption
  paymentProvider: string
  sagaId: string
}

/** Who checkout and the order service's own flows are recorded as. */
export const orderServiceActor = 'svc:order'

export const orderLimits = {
  lines: 100,
  quantity: 10_000,
  /** The largest amount in minor units an order or line may come to (safely below 2^53). */
  amount: 1_000_000_000_000,
  trackingNumber: 64,
  carrier: 64,
  note: 500,
  pageSize: 100,
}

/**
 * Where each status may go. Same status again is a no-op everywhere except `partially_refunded`, where it records
 * a further partial refund.
 */
const moves: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['awaiting_payment', 'cancelled'],
  awaiting_payment: ['paid', 'cancelled'],
  paid: ['fulfilled', 'cancelled', 'partially_refunded', 'refunded'],
  fulfilled: ['delivered', 'partially_refunded', 'refunded'],
  delivered: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  cancelled: [],
  refunded: [],
}

/** The statuses an order in `from` may be moved to. */
export const nextStatuses = (from: OrderStatus): readonly OrderStatus[] => moves[from]

/** Statuses in which the order's payment has been taken, so money can be given back. */
export const refundableStatuses: readonly OrderStatus[] = [
  'paid',
  'fulfilled',
  'delivered',
  'partially_refunded',
]

/** What moving an order to a status does: move it, leave it (already there), or refuse, saying why. */
export type TransitionCheck = { kind: 'move' } | { kind: 'stay' } | { kind: 'refuse'; reason: string }

/**
 * The status machine: whether an order in its status, with its totals, may move to `to`. A refund status also
 * needs the refund recorded first (`refunded` once all of the total is given back, `partially_refunded` while
 * some but not all is).
 */
export const checkTransition = (
  order: { status: OrderStatus; totals: { total: number; refunded: number } },
  to: OrderStatus,
): TransitionCheck => {
  const from = order.status
  if (!moves[from].includes(to)) {
    if (from === to) return { kind: 'stay' }
    return { kind: 'refuse', reason: `An order that is ${from} cannot become ${to}` }
  }
  const { total, refunded } = order.totals
  if (to === 'refunded' && refunded !== total)
    return {
      kind: 'refuse',
      reason: `An order becomes refunded once all of its total is refunded (${refunded} of ${total} so far)`,
    }
  if (to === 'partially_refunded' && (refunded <= 0 || refunded >= total))
    return {
      kind: 'refuse',
      reason: `An order is partially refunded while some but not all of its total is refunded (${refunded} of ${total})`,
    }
  return { kind: 'move' }
}

/** The problems with an order's lines and totals as checkout hands them over, by field; empty when it adds up. */
export const orderInputProblems = (
  lines: readonly OrderLine[],
  totals: { subtotal: number; shipping: number; tax: number; total: number },
): FieldError[] => {
  const problems: FieldError[] = []
  const amount = (value: number) => Number.isSafeInteger(value) && value >= 0 && value <= orderLimits.amount
  if (lines.length === 0) problems.push({ path: '/lines', message: 'must hold at least one line' })
  if (lines.length > orderLimits.lines)
    problems.push({ path: '/lines', message: `must hold at most ${orderLimits.lines} lines` })
  lines.forEach((line, i) => {
    if (!line.sku || !line.productId || !line.name)
      problems.push({ path: `/lines/${i}`, message: 'needs a sku, productId and name' })
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > orderLimits.quantity)
      problems.push({ path: `/lines/${i}/quantity`, message: `must be 1 to ${orderLimits.quantity}` })
    if (!amount(line.unitPrice))
      problems.push({ path: `/lines/${i}/unitPrice`, message: 'must be minor units' })
    if (line.lineTotal !== line.unitPrice * line.quantity)
      problems.push({ path: `/lines/${i}/lineTotal`, message: 'must be unitPrice × quantity' })
  })
  for (const key of ['subtotal', 'shipping', 'tax', 'total'] as const)
    if (!amount(totals[key])) problems.push({ path: `/totals/${key}`, message: 'must be minor units' })
  if (totals.subtotal !== lines.reduce((sum, line) => sum + line.lineTotal, 0))
    problems.push({ path: '/totals/subtotal', message: 'must be the sum of the line totals' })
  if (totals.total !== totals.subtotal + totals.shipping + totals.tax)
    problems.push({ path: '/totals/total', message: 'must be subtotal + shipping + tax' })
  return problems
}

/** Where a page of orders, newest first, ends: the last order's creation time and id. */
export interface PagePosition {
  createdAt: string
  id: string
}

/** The opaque cursor of the page after `position`. */
export const encodeCursor = (position: PagePosition): string =>
  Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url')

/** Reads a cursor `encodeCursor` made; null for anything else. */
export const decodeCursor = (cursor: string): PagePosition | null => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (!Array.isArray(value) || value.length !== 2) return null
    const [createdAt, id] = value
    if (typeof createdAt !== 'string' || typeof id !== 'string' || !/^ord_[0-9A-Z]{26}$/.test(id)) return null
    const at = new Date(createdAt)
    if (Number.isNaN(at.getTime()) || at.toISOString() !== createdAt) return null
    return { createdAt, id }
  } catch {
    return null
  }
}
