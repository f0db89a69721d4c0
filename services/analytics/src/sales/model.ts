/** A fact's kind: a line sold, or money given back on it (a negative amount). */
export type FactKind = 'sale' | 'refund'

/** One order line sold or refunded, in minor units of its currency; a refund's amount is negative. */
export interface SalesFact {
  orderId: string
  lineNo: number
  kind: FactKind
  /** '' for a sale; what names the refund (the event, or the imported refund) otherwise. */
  refundKey: string
  occurredAt: Date
  productId: string
  sku: string
  category: string | null
  brand: string | null
  customer: string | null
  currency: string
  /** Units sold; 0 on a refund (money given back says nothing of units). */
  quantity: number
  amount: number
}

/** An order line as order events and imports carry it. */
export interface SoldLine {
  sku: string
  productId: string
  quantity: number
  lineTotal: number
}

/** A paid order: what its sale facts are made from. */
export interface PaidOrder {
  orderId: string
  customer: string | null
  currency: string
  paidAt: Date
  lines: SoldLine[]
  subtotal: number
  total: number
}

/**
 * Splits `amount` over `weights` in proportion, in whole units, so the parts sum to `amount` exactly: each part is
 * rounded down and the units left over go to the largest remainders (the earlier weight on a tie). All weights
 * zero: nothing can be allocated, every part is 0.
 */
export const allocate = (amount: number, weights: readonly number[]): number[] => {
  const sum = weights.reduce((a, b) => a + b, 0)
  if (sum <= 0 || amount === 0) return weights.map(() => 0)
  const big = BigInt(amount)
  const total = BigInt(sum)
  const parts = weights.map((w) => (big * BigInt(w)) / total)
  const remainders = weights.map((w, i) => ({ i, r: (big * BigInt(w)) % total }))
  let left = amount - parts.reduce((a, b) => a + Number(b), 0)
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  const result = parts.map(Number)
  for (const { i } of remainders) {
    if (left <= 0) break
    result[i]! += 1
    left -= 1
  }
  return result
}

/**
 * The part of `refunded` (of the order's total, which includes shipping and tax) that gives back goods: in
 * proportion of the subtotal to the total, rounded half up, and all of the subtotal once all of the total is back.
 */
export const goodsRefunded = (refunded: number, subtotal: number, total: number): number => {
  if (total <= 0 || refunded <= 0) return 0
  if (refunded >= total) return subtotal
  const scaled = BigInt(refunded) * BigInt(subtotal) * 2n + BigInt(total)
  return Math.min(subtotal, Number(scaled / (2n * BigInt(total))))
}

/** The start of the UTC hour of `at`. */
export const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000)

/** The start of the UTC day of `at`. */
export const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / 86_400_000) * 86_400_000)

/** The start of the UTC month of `at`. */
export const monthOf = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1))

/** What one rollup row gains. */
export interface SalesDelta {
  bucket: Date
  currency: string
  /** '' for the whole shop. */
  productId: string
  orders: number
  units: number
  revenue: number
  refunds: number
}

export interface SkuDelta {
  bucket: Date
  sku: string
  units: number
}

/**
 * What new facts add to the rollups at one grain (`bucketOf`): per product and for the whole shop. An order counts
 * once per product it holds and once for the shop, however many lines it has.
 */
export const rollupDeltas = (facts: readonly SalesFact[], bucketOf: (at: Date) => Date) => {
  const sales = new Map<string, SalesDelta>()
  const counted = new Set<string>()
  const skus = new Map<string, SkuDelta>()
  for (const fact of facts) {
    const bucket = bucketOf(fact.occurredAt)
    for (const productId of [fact.productId, '']) {
      const key = `${bucket.getTime()}|${fact.currency}|${productId}`
      let row = sales.get(key)
      if (!row) {
        row = { bucket, currency: fact.currency, productId, orders: 0, units: 0, revenue: 0, refunds: 0 }
        sales.set(key, row)
      }
      if (fact.kind === 'sale') {
        row.units += fact.quantity
        row.revenue += fact.amount
        if (!counted.has(`${key}|${fact.orderId}`)) {
          counted.add(`${key}|${fact.orderId}`)
          row.orders += 1
        }
      } else row.refunds -= fact.amount
    }
    if (fact.kind === 'sale') {
      const key = `${bucket.getTime()}|${fact.sku}`
      const row = skus.get(key) ?? { bucket, sku: fact.sku, units: 0 }
      row.units += fact.quantity
      skus.set(key, row)
    }
  }
  return { sales: [...sales.values()], skus: [...skus.values()] }
}

/** What is known of a product when its sale is recorded. */
export interface ProductSnapshot {
  category: string | null
  brand: string | null
}

/** A paid order's sale facts: one per line, amounts its line totals. */
export const saleFacts = (order: PaidOrder, products: ReadonlyMap<string, ProductSnapshot>): SalesFact[] =>
  order.lines.map((line, lineNo) => ({
    orderId: order.orderId,
    lineNo,
    kind: 'sale',
    refundKey: '',
    occurredAt: order.paidAt,
    productId: line.productId,
    sku: line.sku,
    category: products.get(line.productId)?.category ?? null,
    brand: products.get(line.productId)?.brand ?? null,
    customer: order.customer,
    currency: order.currency,
    quantity: line.quantity,
    amount: line.lineTotal,
  }))

/**
 * The refund facts giving back `amount` of goods over an order's sale facts: in proportion to what each line still
 * has to give back (its line total less its refunds so far), so the parts sum exactly to `amount` and no line is
 * given back more than it sold. Lines allocated nothing get no fact.
 */
export const refundFacts = (
  sales: readonly SalesFact[],
  refundedByLine: ReadonlyMap<number, number>,
  amount: number,
  refund: { key: string; at: Date },
): SalesFact[] => {
  const remaining = sales.map((s) => Math.max(0, s.amount - (refundedByLine.get(s.lineNo) ?? 0)))
  const parts = allocate(
    Math.min(
      amount,
      remaining.reduce((a, b) => a + b, 0),
    ),
    remaining,
  )
  return sales.flatMap((sale, i) =>
    parts[i]! > 0
      ? [
          {
            ...sale,
            kind: 'refund' as const,
            refundKey: refund.key,
            occurredAt: refund.at,
            quantity: 0,
            amount: -parts[i]!,
          },
        ]
      : [],
  )
}
