import type { Queryable } from '@myshop/db'
import type {
  Dispute,
  Fulfillment,
  HistoryEntry,
  OrderLine,
  OrderStatus,
  PagePosition,
  ShippingAddress,
} from './model.ts'

/** An order's own row, without its lines, shipments and history. */
export interface OrderRow {
  id: string
  userId: string | null
  email: string
  status: OrderStatus
  currency: string
  subtotal: number
  shipping: number
  tax: number
  total: number
  refunded: number
  shippingAddress: ShippingAddress
  shippingOptionId: string
  shippingOptionName: string
  shippingOptionAmount: number
  paymentProvider: string
  paymentId: string | null
  paymentStatus: string | null
  disputeId: string | null
  disputeAmount: number | null
  disputeCurrency: string | null
  disputeReason: string | null
  disputeStatus: string | null
  disputeOpenedAt: Date | null
  sagaId: string | null
  createdAt: Date
  updatedAt: Date
}

export type NewOrderRow = Omit<
  OrderRow,
  | 'refunded'
  | 'paymentId'
  | 'paymentStatus'
  | 'updatedAt'
  | 'disputeId'
  | 'disputeAmount'
  | 'disputeCurrency'
  | 'disputeReason'
  | 'disputeStatus'
  | 'disputeOpenedAt'
>

const columns = (sql: Queryable) =>
  sql`id, user_id as "userId", email, status, currency, subtotal, shipping, tax, total, refunded,
      shipping_address as "shippingAddress", shipping_option_id as "shippingOptionId",
      shipping_option_name as "shippingOptionName", shipping_option_amount as "shippingOptionAmount",
      payment_provider as "paymentProvider", payment_id as "paymentId", payment_status as "paymentStatus",
      dispute_id as "disputeId", dispute_amount as "disputeAmount", dispute_currency as "disputeCurrency",
      dispute_reason as "disputeReason", dispute_status as "disputeStatus", dispute_opened_at as "disputeOpenedAt",
      saga_id as "sagaId", created_at as "createdAt", updated_at as "updatedAt"`

/** Inserts an order unless one with its id exists; true when it was inserted. */
export const insertOrder = async (sql: Queryable, o: NewOrderRow): Promise<boolean> => {
  const rows = await sql`
    insert into orders.orders (id, user_id, email, status, currency, subtotal, shipping, tax, total,
                               shipping_address, shipping_option_id, shipping_option_name, shipping_option_amount,
                               payment_provider, saga_id, created_at, updated_at)
    values (${o.id}, ${o.userId}, ${o.email}, ${o.status}, ${o.currency}, ${o.subtotal}, ${o.shipping}, ${o.tax},
            ${o.total}, ${sql.json(o.shippingAddress as never)}, ${o.shippingOptionId}, ${o.shippingOptionName},
            ${o.shippingOptionAmount}, ${o.paymentProvider}, ${o.sagaId}, ${o.createdAt}, ${o.createdAt})
    on conflict (id) do nothing
    returning id`
  return rows.length === 1
}

export const insertLines = (sql: Queryable, orderId: string, lines: OrderLine[]) =>
  sql`
    insert into orders.order_lines (order_id, position, sku, product_id, name, unit_price, quantity, line_total)
    select ${orderId}, l.position - 1, l.sku, l.product_id, l.name, l.unit_price, l.quantity, l.line_total
    from unnest(${lines.map((l) => l.sku)}::text[], ${lines.map((l) => l.productId)}::text[],
                ${lines.map((l) => l.name)}::text[], ${lines.map((l) => l.unitPrice)}::bigint[],
                ${lines.map((l) => l.quantity)}::int[], ${lines.map((l) => l.lineTotal)}::bigint[])
         with ordinality as l(sku, product_id, name, unit_price, quantity, line_total, position)`

export const insertHistory = (
  sql: Queryable,
  h: { orderId: string; status: OrderStatus; at: Date; actor: string; note: string | null },
) =>
  sql`insert into orders.order_history (order_id, status, at, actor, note)
      values (${h.orderId}, ${h.status}, ${h.at}, ${h.actor}, ${h.note})`

export const insertFulfillment = (
  sql: Queryable,
  orderId: string,
  f: Omit<Fulfillment, 'shippedAt'> & { at: Date },
) =>
  sql`insert into orders.fulfillments (id, order_id, tracking_number, carrier, shipped_at)
      values (${f.id}, ${orderId}, ${f.trackingNumber}, ${f.carrier}, ${f.at})`

export const findOrder = async (sql: Queryable, id: string): Promise<OrderRow | null> => {
  const [row] = await sql<OrderRow[]>`select ${columns(sql)} from orders.orders where id = ${id}`
  return row ?? null
}

/** Locks the order's row until the transaction ends: changes to one order happen one after the other. */
export const lockOrder = async (sql: Queryable, id: string): Promise<OrderRow | null> => {
  const [row] = await sql<OrderRow[]>`select ${columns(sql)} from orders.orders where id = ${id} for update`
  return row ?? null
}

export const setStatus = (sql: Queryable, id: string, status: OrderStatus, at: Date) =>
  sql`update orders.orders set status = ${status}, updated_at = ${at} where id = ${id}`

export const setPayment = (sql: Queryable, id: string, payment: { id: string; status: string }, at: Date) =>
  sql`update orders.orders set payment_id = ${payment.id}, payment_status = ${payment.status}, updated_at = ${at}
      where id = ${id}`

/** Records the order's dispute as the provider last reported it. */
export const setDispute = (sql: Queryable, id: string, dispute: Dispute, at: Date) =>
  sql`update orders.orders
      set dispute_id = ${dispute.id}, dispute_amount = ${dispute.amount}, dispute_currency = ${dispute.currency},
          dispute_reason = ${dispute.reason}, dispute_status = ${dispute.status},
          dispute_opened_at = ${new Date(dispute.openedAt)}, updated_at = ${at}
      where id = ${id}`

/** Adds to the refunded total; the table's check refuses more than the order's total. */
export const addRefund = (sql: Queryable, id: string, amount: number, at: Date) =>
  sql`update orders.orders set refunded = refunded + ${amount}, updated_at = ${at} where id = ${id}`

/** The lines of the orders, each order's in the order checkout gave them. */
export const linesOf = (sql: Queryable, ids: string[]) =>
  sql<(OrderLine & { orderId: string })[]>`
    select order_id as "orderId", sku, product_id as "productId", name, unit_price as "unitPrice", quantity,
           line_total as "lineTotal"
    from orders.order_lines where order_id = any(${ids}) order by order_id, position`

export const fulfillmentsOf = (sql: Queryable, ids: string[]) =>
  sql<(Omit<Fulfillment, 'shippedAt'> & { orderId: string; shippedAt: Date })[]>`
    select order_id as "orderId", id, tracking_number as "trackingNumber", carrier, shipped_at as "shippedAt"
    from orders.fulfillments where order_id = any(${ids}) order by order_id, shipped_at, id`

export const historyOf = (sql: Queryable, ids: string[]) =>
  sql<(Omit<HistoryEntry, 'at'> & { orderId: string; at: Date })[]>`
    select order_id as "orderId", status, at, actor, note
    from orders.order_history where order_id = any(${ids}) order by order_id, seq`

/** What a page of orders is narrowed to. */
export interface OrderFilter {
  userId?: string | undefined
  status?: OrderStatus | undefined
  since?: Date | undefined
  email?: string | undefined
  /** Only orders with a dispute (true), or only those without (false). */
  disputed?: boolean | undefined
}

/** Orders matching the filter, newest first (by creation time, then id), from after `after` (null: the start). */
export const page = (sql: Queryable, filter: OrderFilter, after: PagePosition | null, limit: number) => {
  const conditions = [
    filter.userId === undefined ? null : sql`user_id = ${filter.userId}`,
    filter.status === undefined ? null : sql`status = ${filter.status}`,
    filter.since === undefined ? null : sql`created_at >= ${filter.since}`,
    filter.email === undefined ? null : sql`lower(email) = lower(${filter.email})`,
    filter.disputed === undefined
      ? null
      : filter.disputed
        ? sql`dispute_id is not null`
        : sql`dispute_id is null`,
    after === null ? null : sql`(created_at, id) < (${new Date(after.createdAt)}, ${after.id})`,
  ].filter((c) => c !== null)
  const where = conditions.reduce((acc, c, i) => (i === 0 ? sql`where ${c}` : sql`${acc} and ${c}`), sql``)
  return sql<OrderRow[]>`
    select ${columns(sql)} from orders.orders ${where} order by created_at desc, id desc limit ${limit}`
}
