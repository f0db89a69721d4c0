import type { Permission } from '@myshop/auth'
import type { Queryable, Tx } from '@myshop/db'
import { AppError } from '@myshop/errors'
import {
  type EnvelopeMeta,
  type EnvelopeOf,
  eventEmailPattern,
  type InboxResult,
  inbox,
  orderCancelled,
  orderDelivered,
  orderFulfilled,
  orderPaid,
  orderPlaced,
  orderRefunded,
  outbox,
  type paymentDisputed,
} from '@myshop/events'
import { isId, newId } from '@myshop/ids'
import { isCurrency } from '@myshop/money'
import { auditOrder } from '../audit/service.ts'
import { type OrderDeps, schema, source } from '../deps.ts'
import {
  checkTransition,
  type Dispute,
  decodeCursor,
  disputeNote,
  encodeCursor,
  type Fulfillment,
  type NewOrder,
  type Order,
  type OrderStatus,
  orderInputProblems,
  orderServiceActor,
  refundableStatuses,
  sameDispute,
} from './model.ts'
import * as orders from './repository.ts'

/** The request a change was made in, so the events it writes connect to its traces and logs. */
export interface EventContext {
  requestId?: string
  traceparent?: string
}

/** What checkout hands over to place an order. */
export interface PlaceOrderInput extends NewOrder {
  /** The order's id when checkout chose it beforehand (`ord_…`); a new one otherwise. */
  id?: string
  /** Who placed it, as its first history entry records. */
  actor: string
}

const notFound = () => new AppError('not_found', { detail: 'No such order' })

const invalidTransition = (detail: string) => new AppError('invalid_transition', { detail })

const iso = (at: Date) => at.toISOString()

/** The order's dispute as its row holds it; null when it has none. */
const disputeOf = (row: orders.OrderRow): Dispute | null =>
  row.disputeId === null
    ? null
    : {
        id: row.disputeId,
        amount: row.disputeAmount!,
        currency: row.disputeCurrency!,
        reason: row.disputeReason!,
        status: row.disputeStatus!,
        openedAt: iso(row.disputeOpenedAt!),
      }

/** The orders of these rows with their lines, shipments and history, in the rows' order. */
const assemble = async (sql: Queryable, rows: orders.OrderRow[]): Promise<Order[]> => {
  if (rows.length === 0) return []
  const ids = rows.map((row) => row.id)
  const [lines, fulfillments, history] = await Promise.all([
    orders.linesOf(sql, ids),
    orders.fulfillmentsOf(sql, ids),
    orders.historyOf(sql, ids),
  ])
  const of = <T extends { orderId: string }>(items: T[], id: string) => items.filter((i) => i.orderId === id)
  return rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    email: row.email,
    status: row.status,
    currency: row.currency,
    lines: of(lines, row.id).map(({ orderId: _, ...line }) => line),
    totals: {
      subtotal: row.subtotal,
      shipping: row.shipping,
      tax: row.tax,
      total: row.total,
      refunded: row.refunded,
    },
    shippingAddress: row.shippingAddress,
    shippingOption: {
      id: row.shippingOptionId,
      name: row.shippingOptionName,
      amount: row.shippingOptionAmount,
    },
    payment: { id: row.paymentId, provider: row.paymentProvider, status: row.paymentStatus },
    fulfillments: of(fulfillments, row.id).map(({ orderId: _, shippedAt, ...f }) => ({
      ...f,
      shippedAt: iso(shippedAt),
    })),
    history: of(history, row.id).map(({ orderId: _, at, ...h }) => ({ ...h, at: iso(at) })),
    dispute: disputeOf(row),
    sagaId: row.sagaId,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  }))
}

const readOrder = async (sql: Queryable, id: string): Promise<Order | null> => {
  const row = await orders.findOrder(sql, id)
  return row ? (await assemble(sql, [row]))[0]! : null
}

/** Locks the order's row for the rest of the transaction; 404 when there is no such order. */
const lock = async (tx: Tx, orderId: string) => {
  const row = await orders.lockOrder(tx, orderId)
  if (!row) throw notFound()
  return row
}

const summary = (row: orders.OrderRow) => ({
  status: row.status,
  totals: { total: row.total, refunded: row.refunded },
})

/** The facts every order event carries, from the order after the change. */
const facts = (order: Order, actor: string, at: Date) => ({
  orderId: order.id,
  userId: order.userId,
  email: order.email,
  status: order.status,
  currency: order.currency,
  totals: order.totals,
  lines: order.lines,
  actor,
  occurredAt: iso(at),
})

/** The event a move to `order.status` is announced with; none for `awaiting_payment`. */
const statusEvent = (
  order: Order,
  change: { actor: string; note: string | null; at: Date; fulfillment: Fulfillment | undefined },
  meta: EnvelopeMeta,
) => {
  const data = facts(order, change.actor, change.at)
  switch (order.status) {
    case 'paid':
      return orderPaid.create(data, meta)
    case 'cancelled':
      return orderCancelled.create({ ...data, note: change.note }, meta)
    case 'fulfilled':
      return orderFulfilled.create({ ...data, fulfillment: change.fulfillment! }, meta)
    case 'delivered':
      return orderDelivered.create(data, meta)
    case 'partially_refunded':
    case 'refunded':
      return orderRefunded.create(data, meta)
    default:
      return null
  }
}

/**
 * Moves a locked order to `to`: its row, a history entry, the event, and the audit entries as the last writes.
 * A shipment recorded with the move is added first.
 */
const move = async (
  tx: Tx,
  deps: OrderDeps,
  row: orders.OrderRow,
  change: {
    to: OrderStatus
    actor: string
    note: string | null
    ctx: EventContext
    shipment?: Omit<Fulfillment, 'shippedAt'>
  },
): Promise<Order> => {
  const at = new Date(deps.now())
  const { to, actor, note, shipment } = change
  const fulfillment = shipment && { ...shipment, shippedAt: iso(at) }
  if (shipment) await orders.insertFulfillment(tx, row.id, { ...shipment, at })
  await orders.setStatus(tx, row.id, to, at)
  await orders.insertHistory(tx, { orderId: row.id, status: to, at, actor, note })
  const order = (await readOrder(tx, row.id))!
  const event = statusEvent(
    order,
    { actor, note, at, fulfillment },
    { source, occurredAt: at, ...change.ctx },
  )
  if (event) await outbox.add(tx, schema, event)
  if (fulfillment)
    await auditOrder(tx, row.id, { type: 'order.fulfillment_added', data: fulfillment }, actor, at)
  await auditOrder(
    tx,
    row.id,
    { type: 'order.status_changed', data: { from: row.status, to, note } },
    actor,
    at,
  )
  return order
}

/** Refuses anything but a move that the machine allows (already there included), for operators' requests. */
const requireMove = (row: orders.OrderRow, to: OrderStatus) => {
  const check = checkTransition(summary(row), to)
  if (check.kind === 'stay') throw invalidTransition(`The order is already ${to}`)
  if (check.kind === 'refuse') throw invalidTransition(check.reason)
}

/**
 * Creates an order in status `pending` with its lines, its first history entry, its `order.placed` event and its
 * first audit entry, in the caller's transaction. Placing again an order id already placed by the same saga
 * returns that order unchanged (a saga step run twice); by another saga, 409.
 */
export const placeOrder = async (
  tx: Tx,
  deps: OrderDeps,
  input: PlaceOrderInput,
  ctx: EventContext = {},
): Promise<Order> => {
  const lines = input.lines.map(({ sku, productId, name, unitPrice, quantity, lineTotal }) => ({
    sku,
    productId,
    name,
    unitPrice,
    quantity,
    lineTotal,
  }))
  const totals = {
    subtotal: input.totals.subtotal,
    shipping: input.totals.shipping,
    tax: input.totals.tax,
    total: input.totals.total,
  }
  const problems = orderInputProblems(lines, totals)
  if (!isCurrency(input.currency))
    problems.push({ path: '/currency', message: 'must be an ISO 4217 currency' })
  if (!new RegExp(eventEmailPattern).test(input.email))
    problems.push({ path: '/email', message: 'must be an email address' })
  if (!input.actor.trim()) problems.push({ path: '/actor', message: 'must name who placed the order' })
  if (input.id !== undefined && !isId(input.id, 'ord'))
    problems.push({ path: '/id', message: 'must be an order id (ord_…)' })
  if (problems.length > 0)
    throw new AppError('validation_failed', { detail: 'The order does not add up', errors: problems })

  const at = new Date(deps.now())
  const id = input.id ?? newId('ord', at.getTime())
  const inserted = await orders.insertOrder(tx, {
    id,
    userId: input.userId,
    email: input.email,
    status: 'pending',
    currency: input.currency,
    ...totals,
    shippingAddress: input.shippingAddress,
    shippingOptionId: input.shippingOption.id,
    shippingOptionName: input.shippingOption.name,
    shippingOptionAmount: input.shippingOption.amount,
    paymentProvider: input.paymentProvider,
    sagaId: input.sagaId,
    createdAt: at,
  })
  if (!inserted) {
    const existing = (await readOrder(tx, id))!
    if (existing.sagaId !== input.sagaId)
      throw new AppError('conflict', { detail: `Order ${id} was placed by another checkout` })
    return existing
  }
  await orders.insertLines(tx, id, lines)
  await orders.insertHistory(tx, { orderId: id, status: 'pending', at, actor: input.actor, note: null })
  const order = (await readOrder(tx, id))!
  await outbox.add(
    tx,
    schema,
    orderPlaced.create(facts(order, input.actor, at), { source, occurredAt: at, ...ctx }),
  )
  await auditOrder(
    tx,
    id,
    {
      type: 'order.placed',
      data: {
        userId: input.userId,
        email: input.email,
        currency: input.currency,
        lines,
        totals,
        shippingAddress: input.shippingAddress,
        shippingOption: order.shippingOption,
        paymentProvider: input.paymentProvider,
        sagaId: input.sagaId,
      },
    },
    input.actor,
    at,
  )
  return order
}

/**
 * Moves an order to `to` if the status machine allows it (else 409 `invalid_transition`), appending its history
 * entry, its event (`order.paid`, `order.cancelled`, `order.delivered`, `order.refunded`; none for
 * `awaiting_payment`) and its audit entry, all in `tx`, under a lock on the order's row. Already in `to`: a no-op
 * that returns the order (a step run twice), except `partially_refunded`, which records a further partial refund.
 * Record a refund with `recordRefund` before moving to `partially_refunded` or `refunded`. An order becomes
 * `fulfilled` only with its shipment, by `fulfilOrder`.
 */
export const transition = async (
  tx: Tx,
  deps: OrderDeps,
  orderId: string,
  to: OrderStatus,
  actor: string,
  note: string | null = null,
  ctx: EventContext = {},
): Promise<Order> => {
  const row = await lock(tx, orderId)
  const check = checkTransition(summary(row), to)
  if (check.kind === 'stay') return (await readOrder(tx, orderId))!
  if (check.kind === 'refuse') throw invalidTransition(check.reason)
  if (to === 'fulfilled') throw invalidTransition('An order is fulfilled by recording its shipment')
  return move(tx, deps, row, { to, actor, note, ctx })
}

/** Records the order's payment id and status (no change of the order's status); the same again changes nothing. */
export const setPayment = async (
  tx: Tx,
  deps: OrderDeps,
  orderId: string,
  payment: { id: string; status: string },
  actor: string = orderServiceActor,
): Promise<void> => {
  const row = await lock(tx, orderId)
  if (row.paymentId === payment.id && row.paymentStatus === payment.status) return
  const at = new Date(deps.now())
  await orders.setPayment(tx, orderId, payment, at)
  await auditOrder(
    tx,
    orderId,
    { type: 'order.payment_recorded', data: { paymentId: payment.id, status: payment.status } },
    actor,
    at,
  )
}

/**
 * Adds `amount` (minor units, at least 1) to the order's refunded total, while its payment is taken (`paid`,
 * `fulfilled`, `delivered`, `partially_refunded`); 409 beyond what is left of its total. Move the order to
 * `partially_refunded` or `refunded` (or `cancelled`) with `transition` after it, in the same transaction.
 */
export const recordRefund = async (
  tx: Tx,
  deps: OrderDeps,
  orderId: string,
  amount: number,
  actor: string = orderServiceActor,
): Promise<Order> => {
  if (!Number.isSafeInteger(amount) || amount < 1)
    throw new AppError('validation_failed', {
      detail: 'A refund is a positive amount in minor units',
      errors: [{ path: '/amount', message: 'must be a positive integer' }],
    })
  const row = await lock(tx, orderId)
  if (!refundableStatuses.includes(row.status))
    throw invalidTransition(`Nothing can be refunded on an order that is ${row.status}`)
  if (row.refunded + amount > row.total)
    throw new AppError('conflict', {
      detail: `Only ${row.total - row.refunded} of the order's ${row.total} is left to refund`,
    })
  const at = new Date(deps.now())
  await orders.addRefund(tx, orderId, amount, at)
  await auditOrder(tx, orderId, { type: 'order.refund_recorded', data: { amount } }, actor, at)
  return (await readOrder(tx, orderId))!
}

/**
 * Records a dispute the provider reported over the order's payment, in `tx`: the order's dispute, a history entry
 * noting it (the status stays), and its audit entry. A dispute already known is kept as it was opened; the same
 * report again changes nothing. Null when there is no such order.
 */
export const recordDispute = async (
  tx: Tx,
  deps: OrderDeps,
  orderId: string,
  report: Omit<Dispute, 'openedAt'> & { reportedAt: Date },
  actor: string,
): Promise<Order | null> => {
  const row = await orders.lockOrder(tx, orderId)
  if (!row) return null
  const before = disputeOf(row)
  const { reportedAt, ...facts } = report
  const dispute: Dispute = {
    ...facts,
    openedAt: before?.id === report.id ? before.openedAt : iso(reportedAt),
  }
  if (before && sameDispute(before, dispute)) return (await readOrder(tx, orderId))!
  const at = new Date(deps.now())
  const note = disputeNote(dispute, before)
  await orders.setDispute(tx, orderId, dispute, at)
  await orders.insertHistory(tx, { orderId, status: row.status, at, actor, note })
  await auditOrder(tx, orderId, { type: 'order.disputed', data: { dispute, note } }, actor, at)
  return (await readOrder(tx, orderId))!
}

/** The inbox name of the consumer of payment disputes: each event is handled once under it. */
export const disputesConsumer = 'order-payment-disputes'

/**
 * The shopper's bank disputed an order's payment: the order records the dispute (once per event, through the
 * inbox), and operators are warned in the log. An event for an order this shop does not know is acknowledged.
 */
export const onPaymentDisputed = async (
  deps: OrderDeps,
  event: EnvelopeOf<typeof paymentDisputed>,
): Promise<InboxResult> => {
  const { data } = event
  let known = false
  const result = await inbox.handleOnce(deps.sql, schema, disputesConsumer, event, async (tx) => {
    known =
      (await recordDispute(
        tx,
        deps,
        data.reference,
        {
          id: data.disputeId,
          amount: data.amount,
          currency: data.currency,
          reason: data.reason,
          status: data.status,
          reportedAt: new Date(data.occurredAt),
        },
        `provider:${data.provider}`,
      )) !== null
  })
  if (result === 'handled')
    deps.logger.warn(
      {
        orderId: data.reference,
        paymentId: data.paymentId,
        provider: data.provider,
        disputeId: data.disputeId,
        amount: data.amount,
        currency: data.currency,
        reason: data.reason,
        status: data.status,
        ...(!known && { unknownOrder: true }),
      },
      'payment disputed',
    )
  return result
}

/** The order; 404 when there is none. */
export const getOrder = async (deps: OrderDeps, id: string): Promise<Order> => {
  const order = await readOrder(deps.sql, id)
  if (!order) throw notFound()
  return order
}

/** Who is reading: a signed-in person and what they may do. */
export interface Viewer {
  userId: string
  permissions: ReadonlySet<Permission>
}

/**
 * The order as `viewer` may see it: any order for holders of `orders:read_all`, their own for holders of
 * `orders:read_own`. Someone else's order is answered as missing, so its existence is not told.
 */
export const getOrderFor = async (deps: OrderDeps, viewer: Viewer, id: string): Promise<Order> => {
  const all = viewer.permissions.has('orders:read_all')
  if (!all && !viewer.permissions.has('orders:read_own'))
    throw new AppError('forbidden', { detail: 'Requires the orders:read_own or orders:read_all permission' })
  const order = await getOrder(deps, id)
  if (!all && order.userId !== viewer.userId) throw notFound()
  return order
}

/** A page of orders, newest first, with the cursor of the next page (null on the last). */
export const listOrders = async (
  deps: OrderDeps,
  filter: orders.OrderFilter,
  page: { cursor?: string | undefined; limit: number },
): Promise<{ items: Order[]; nextCursor: string | null }> => {
  const after = page.cursor === undefined ? null : decodeCursor(page.cursor)
  if (after === null && page.cursor !== undefined)
    throw new AppError('validation_failed', {
      detail: 'The cursor is not one this API issued',
      errors: [{ path: '/cursor', message: 'not a cursor of this list' }],
    })
  const rows = await orders.page(deps.sql, filter, after, page.limit + 1)
  const items = await assemble(deps.sql, rows.slice(0, page.limit))
  const last = items.at(-1)
  return {
    items,
    nextCursor:
      rows.length > page.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  }
}

/** An operator's move of an order in a transaction of its own: only the one the machine allows from its status. */
const operatorMove = async (
  deps: OrderDeps,
  orderId: string,
  to: OrderStatus,
  actor: string,
  ctx: EventContext,
  shipment?: Omit<Fulfillment, 'id' | 'shippedAt'>,
): Promise<Order> => {
  const order = await deps.sql.begin(async (tx) => {
    const row = await lock(tx, orderId)
    requireMove(row, to)
    return move(tx, deps, row, {
      to,
      actor,
      note: null,
      ctx,
      ...(shipment && { shipment: { id: newId('ful', deps.now()), ...shipment } }),
    })
  })
  deps.eventsWritten()
  return order
}

/**
 * Records an order's shipment and moves it from `paid` to `fulfilled`; 409 in any other status (one of two
 * shipments recorded at once for the same order is refused).
 */
export const fulfilOrder = (
  deps: OrderDeps,
  orderId: string,
  input: { trackingNumber: string; carrier?: string | undefined },
  actor: string,
  ctx: EventContext = {},
): Promise<Order> =>
  operatorMove(deps, orderId, 'fulfilled', actor, ctx, {
    trackingNumber: input.trackingNumber,
    carrier: input.carrier ?? null,
  })

/** Moves an order from `fulfilled` to `delivered`; 409 in any other status. */
export const deliverOrder = (
  deps: OrderDeps,
  orderId: string,
  actor: string,
  ctx: EventContext = {},
): Promise<Order> => operatorMove(deps, orderId, 'delivered', actor, ctx)
