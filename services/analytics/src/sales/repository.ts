import type { Queryable, Tx } from '@myshop/db'
import type { ProductSnapshot, SalesDelta, SalesFact, SkuDelta } from './model.ts'

/** What is known of an order's money. */
export interface OrderState {
  orderId: string
  currency: string
  customer: string | null
  subtotal: number
  total: number
  refunded: number
  goodsRefunded: number
  cancelled: boolean
}

/** A fact row as read: bigint amounts come back as numbers (the connection's bigint parser). */
type FactRow = SalesFact

const toFact = (row: FactRow): SalesFact => row

/** The category (name) and brand the product dimension holds for each of `productIds` it knows. */
export const snapshots = async (sql: Queryable, productIds: string[]) => {
  const rows = await sql<{ productId: string; category: string | null; brand: string | null }[]>`
    select product_id as "productId", coalesce(category_name, category_id) as category, brand
    from analytics.products where product_id = any(${productIds}::text[])`
  return new Map<string, ProductSnapshot>(
    rows.map((r) => [r.productId, { category: r.category, brand: r.brand }]),
  )
}

/** Inserts the facts not yet recorded and answers those it inserted. */
/** Holds the sales import's lock until the transaction ends: one import at a time writes facts. */
export const lockImports = async (tx: Tx) => {
  await tx`select pg_advisory_xact_lock(hashtext('analytics.sales-import'))`
}

export const insertFacts = async (tx: Tx, facts: readonly SalesFact[]): Promise<SalesFact[]> => {
  if (facts.length === 0) return []
  const rows = await tx<FactRow[]>`
    insert into analytics.sales_facts (order_id, line_no, kind, refund_key, occurred_at, product_id, sku, category,
                                       brand, customer, currency, quantity, amount)
    select * from unnest(${facts.map((f) => f.orderId)}::text[], ${facts.map((f) => f.lineNo)}::int[],
                         ${facts.map((f) => f.kind)}::text[], ${facts.map((f) => f.refundKey)}::text[],
                         ${facts.map((f) => f.occurredAt.toISOString())}::timestamptz[],
                         ${facts.map((f) => f.productId)}::text[], ${facts.map((f) => f.sku)}::text[],
                         ${facts.map((f) => f.category) as string[]}::text[],
                         ${facts.map((f) => f.brand) as string[]}::text[],
                         ${facts.map((f) => f.customer) as string[]}::text[],
                         ${facts.map((f) => f.currency)}::text[], ${facts.map((f) => f.quantity)}::int[],
                         ${facts.map((f) => f.amount)}::bigint[])
    on conflict do nothing
    returning order_id as "orderId", line_no as "lineNo", kind, refund_key as "refundKey", occurred_at as "occurredAt",
              product_id as "productId", sku, category, brand, customer, currency, quantity, amount`
  return rows.map(toFact)
}

/** Adds what new facts bring to the hourly or daily sales rollup. */
export const addToSales = async (tx: Tx, grain: 'hourly' | 'daily', deltas: readonly SalesDelta[]) => {
  if (deltas.length === 0) return
  const table = grain === 'hourly' ? 'analytics.sales_hourly' : 'analytics.sales_daily'
  await tx`
    insert into ${tx(table)} as r (bucket, currency, product_id, orders, units, revenue, refunds)
    select * from unnest(${deltas.map((d) => d.bucket.toISOString())}::timestamptz[],
                         ${deltas.map((d) => d.currency)}::text[], ${deltas.map((d) => d.productId)}::text[],
                         ${deltas.map((d) => d.orders)}::bigint[], ${deltas.map((d) => d.units)}::bigint[],
                         ${deltas.map((d) => d.revenue)}::bigint[], ${deltas.map((d) => d.refunds)}::bigint[])
    on conflict (bucket, currency, product_id) do update set
      orders = r.orders + excluded.orders, units = r.units + excluded.units,
      revenue = r.revenue + excluded.revenue, refunds = r.refunds + excluded.refunds`
}

/** Adds units sold per SKU to the hourly or daily SKU rollup. */
export const addToSkus = async (tx: Tx, grain: 'hourly' | 'daily', deltas: readonly SkuDelta[]) => {
  if (deltas.length === 0) return
  const table = grain === 'hourly' ? 'analytics.sku_hourly' : 'analytics.sku_daily'
  await tx`
    insert into ${tx(table)} as r (bucket, sku, units)
    select * from unnest(${deltas.map((d) => d.bucket.toISOString())}::timestamptz[],
                         ${deltas.map((d) => d.sku)}::text[], ${deltas.map((d) => d.units)}::bigint[])
    on conflict (sku, bucket) do update set units = r.units + excluded.units`
}

/** Records a paid order's money; false when it was already known. */
export const insertOrder = async (
  tx: Tx,
  order: Omit<OrderState, 'refunded' | 'goodsRefunded' | 'cancelled'>,
) => {
  const rows = await tx`
    insert into analytics.orders (order_id, currency, customer, subtotal, total)
    values (${order.orderId}, ${order.currency}, ${order.customer}, ${order.subtotal}, ${order.total})
    on conflict (order_id) do nothing
    returning order_id`
  return rows.length === 1
}

/** The order's money, its row locked for the rest of the transaction; null when no sale of it is known. */
export const lockOrder = async (tx: Tx, orderId: string): Promise<OrderState | null> => {
  const [row] = await tx<
    (Omit<OrderState, 'subtotal' | 'total' | 'refunded' | 'goodsRefunded'> &
      Record<string, string | number>)[]
  >`
    select order_id as "orderId", currency, customer, subtotal, total, refunded, goods_refunded as "goodsRefunded",
           cancelled
    from analytics.orders where order_id = ${orderId} for update`
  return row
    ? {
        ...row,
        subtotal: Number(row.subtotal),
        total: Number(row.total),
        refunded: Number(row.refunded),
        goodsRefunded: Number(row.goodsRefunded),
      }
    : null
}

export const setRefunded = (
  tx: Tx,
  orderId: string,
  state: { refunded: number; goodsRefunded: number; cancelled: boolean },
) =>
  tx`update analytics.orders
     set refunded = ${state.refunded}, goods_refunded = ${state.goodsRefunded}, cancelled = ${state.cancelled}
     where order_id = ${orderId}`

/** The order's sale facts by line, and what each line has had refunded so far (a positive amount). */
export const factsOf = async (sql: Queryable, orderId: string) => {
  const rows = await sql<FactRow[]>`
    select order_id as "orderId", line_no as "lineNo", kind, refund_key as "refundKey", occurred_at as "occurredAt",
              product_id as "productId", sku, category, brand, customer, currency, quantity, amount
    from analytics.sales_facts where order_id = ${orderId} order by line_no`
  const facts = rows.map(toFact)
  const refunded = new Map<number, number>()
  for (const f of facts)
    if (f.kind === 'refund') refunded.set(f.lineNo, (refunded.get(f.lineNo) ?? 0) - f.amount)
  return {
    sales: facts.filter((f) => f.kind === 'sale'),
    refunded,
    refundKeys: new Set(facts.map((f) => f.refundKey)),
  }
}

/** Which of `orderIds` have their sale recorded. */
export const knownOrders = async (sql: Queryable, orderIds: string[]) =>
  new Set(
    (
      await sql<{ orderId: string }[]>`
        select order_id as "orderId" from analytics.orders where order_id = any(${orderIds}::text[])`
    ).map((r) => r.orderId),
  )

/**
 * Locks the customers' rows, creating those not yet known (at their first purchase here), and answers each known
 * one's first purchase and months bought in as they were before: a customer created here is absent from `before`.
 */
export const lockCustomers = async (tx: Tx, firsts: readonly { customer: string; at: Date }[]) => {
  const sorted = [...firsts].sort((a, b) => (a.customer < b.customer ? -1 : 1))
  const ids = sorted.map((f) => f.customer)
  const created = await tx<{ customer: string }[]>`
    insert into analytics.customers (customer, first_purchase_at)
    select * from unnest(${ids}::text[], ${sorted.map((f) => f.at.toISOString())}::timestamptz[])
    on conflict (customer) do nothing
    returning customer`
  const fresh = new Set(created.map((r) => r.customer))
  const rows = await tx<{ customer: string; firstPurchaseAt: Date }[]>`
    select customer, first_purchase_at as "firstPurchaseAt" from analytics.customers
    where customer = any(${ids}::text[]) order by customer for update`
  const months = await tx<{ customer: string; month: Date }[]>`
    select customer, month from analytics.customer_months where customer = any(${ids}::text[])`
  return { before: rows.filter((r) => !fresh.has(r.customer)), months }
}

/** Records the customers' first purchases and the months they bought in. */
export const recordCustomers = async (
  tx: Tx,
  firsts: readonly { customer: string; at: Date }[],
  months: readonly { customer: string; month: Date }[],
) => {
  if (firsts.length > 0)
    await tx`
      insert into analytics.customers as c (customer, first_purchase_at)
      select * from unnest(${firsts.map((f) => f.customer)}::text[],
                           ${firsts.map((f) => f.at.toISOString())}::timestamptz[])
      on conflict (customer) do update set first_purchase_at = least(c.first_purchase_at, excluded.first_purchase_at)`
  if (months.length > 0)
    await tx`
      insert into analytics.customer_months (customer, month)
      select * from unnest(${months.map((m) => m.customer)}::text[],
                           ${months.map((m) => m.month.toISOString())}::timestamptz[])
      on conflict do nothing`
}

/** Adds to the cohorts' counts of active customers per month. */
export const addToCohorts = async (
  tx: Tx,
  deltas: readonly { cohort: Date; month: Date; customers: number }[],
) => {
  if (deltas.length === 0) return
  await tx`
    insert into analytics.cohort_activity as a (cohort, month, customers)
    select * from unnest(${deltas.map((d) => d.cohort.toISOString())}::timestamptz[],
                         ${deltas.map((d) => d.month.toISOString())}::timestamptz[],
                         ${deltas.map((d) => d.customers)}::bigint[])
    on conflict (cohort, month) do update set customers = a.customers + excluded.customers`
}
