import type { Tx } from '@myshop/db'
import {
  type EnvelopeOf,
  inbox,
  type orderCancelled,
  type orderPaid,
  type orderRefunded,
} from '@myshop/events'
import { isCurrency } from '@myshop/money'
import type { Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { ensureProducts, rememberSkus } from '../catalog/service.ts'
import { type AnalyticsDeps, schema } from '../deps.ts'
import type { ReportWindow } from '../reports/model.ts'
import { retriedTransaction } from '../transactions.ts'
import {
  dayOf,
  goodsRefunded,
  hourOf,
  monthOf,
  type PaidOrder,
  refundFacts,
  rollupDeltas,
  type SalesFact,
  saleFacts,
} from './model.ts'
import * as sales from './repository.ts'
import type { Grain, ProductFilter, ProductSalesRow } from './rollup-repository.ts'

export type { ProductSalesRow }

import * as rollups from './rollup-repository.ts'
import { importedOrderSchema } from './schemas.ts'

/** The consumer group turning order events into sales facts. */
export const salesConsumer = 'analytics-sales'

/** Customers' first purchases and months bought in, and what that moves in the cohorts' counts. */
const updateCohorts = async (tx: Tx, written: readonly SalesFact[]) => {
  const bought = new Map<string, Date[]>()
  for (const f of written)
    if (f.kind === 'sale' && f.customer)
      bought.set(f.customer, [...(bought.get(f.customer) ?? []), f.occurredAt])
  if (bought.size === 0) return
  const firsts = [...bought].map(([customer, at]) => ({
    customer,
    at: new Date(Math.min(...at.map((d) => d.getTime()))),
  }))
  const { before, months } = await sales.lockCustomers(tx, firsts)
  const firstBefore = new Map(before.map((r) => [r.customer, r.firstPurchaseAt]))
  const monthsBefore = new Map<string, number[]>()
  for (const m of months)
    monthsBefore.set(m.customer, [...(monthsBefore.get(m.customer) ?? []), m.month.getTime()])
  const deltas = new Map<string, number>()
  const add = (cohort: Date, month: number, n: number) => {
    const key = `${monthOf(cohort).getTime()}|${month}`
    deltas.set(key, (deltas.get(key) ?? 0) + n)
  }
  const newMonths: { customer: string; month: Date }[] = []
  for (const { customer, at } of firsts) {
    const old = firstBefore.get(customer)
    const oldMonths = monthsBefore.get(customer) ?? []
    const first = old && old < at ? old : at
    const added = [...new Set(bought.get(customer)!.map((d) => monthOf(d).getTime()))].filter(
      (m) => !oldMonths.includes(m),
    )
    // The customer's whole history moves when an earlier purchase changes their cohort.
    if (old) for (const m of oldMonths) add(old, m, -1)
    for (const m of [...oldMonths, ...added]) add(first, m, 1)
    newMonths.push(...added.map((m) => ({ customer, month: new Date(m) })))
  }
  await sales.recordCustomers(tx, firsts, newMonths)
  await sales.addToCohorts(
    tx,
    [...deltas]
      .filter(([, n]) => n !== 0)
      .map(([key, customers]) => {
        const [cohort, month] = key.split('|').map(Number)
        return { cohort: new Date(cohort!), month: new Date(month!), customers }
      }),
  )
}

/** Writes the facts not yet recorded and what they add to every rollup, in `tx`; answers those written. */
const record = async (tx: Tx, facts: readonly SalesFact[]) => {
  const written = await sales.insertFacts(tx, facts)
  if (written.length === 0) return written
  for (const [grain, bucketOf] of [
    ['hourly', hourOf],
    ['daily', dayOf],
  ] as const) {
    const deltas = rollupDeltas(written, bucketOf)
    await sales.addToSales(tx, grain, deltas.sales)
    await sales.addToSkus(tx, grain, deltas.skus)
  }
  await rememberSkus(
    tx,
    written.filter((f) => f.kind === 'sale'),
  )
  await updateCohorts(tx, written)
  return written
}

/** Records a paid order's sale facts, in `tx`; false when its sale was already recorded. */
export const recordSale = async (tx: Tx, order: PaidOrder): Promise<boolean> => {
  const created = await sales.insertOrder(tx, {
    orderId: order.orderId,
    currency: order.currency,
    customer: order.customer,
    subtotal: order.subtotal,
    total: order.total,
  })
  if (!created) return false
  const products = await sales.snapshots(tx, [...new Set(order.lines.map((l) => l.productId))])
  await record(tx, saleFacts(order, products))
  return true
}

/** A refund to record: named by `key`, at `at`, as the order's refunded total now, an amount added, or a cancel. */
export type RefundChange =
  | { key: string; at: Date; refundedTotal: number; cancel: boolean }
  | { key: string; at: Date; amount: number }

/** The order's sale is not recorded yet: the refund waits for it (the event is retried). */
export class SaleNotYetKnown extends Error {}

/**
 * Records the goods given back by a refund (or a cancellation after payment), in `tx`: what the order's goods have
 * had refunded in all now, less what was already recorded, over its lines. A cancelled order has all its goods
 * given back, whether its payment was refunded or its hold voided. Answers the facts written (none for a refund
 * already recorded or one that gives back nothing more).
 */
export const recordRefund = async (tx: Tx, orderId: string, change: RefundChange): Promise<SalesFact[]> => {
  const state = await sales.lockOrder(tx, orderId)
  if (!state) throw new SaleNotYetKnown(`no sale recorded for order ${orderId}`)
  const known = await sales.factsOf(tx, orderId)
  if (known.refundKeys.has(change.key)) return []
  const refunded =
    'amount' in change ? state.refunded + change.amount : Math.max(state.refunded, change.refundedTotal)
  const cancelled = state.cancelled || ('cancel' in change && change.cancel)
  const goods = cancelled
    ? state.subtotal
    : Math.max(state.goodsRefunded, goodsRefunded(refunded, state.subtotal, state.total))
  const facts = refundFacts(known.sales, known.refunded, goods - state.goodsRefunded, {
    key: change.key,
    at: change.at,
  })
  await sales.setRefunded(tx, orderId, { refunded, goodsRefunded: goods, cancelled })
  return record(tx, facts)
}

type OrderEvent =
  | EnvelopeOf<typeof orderPaid>
  | EnvelopeOf<typeof orderRefunded>
  | EnvelopeOf<typeof orderCancelled>

const paidOrder = (data: OrderEvent['data']): PaidOrder => ({
  orderId: data.orderId,
  customer: data.userId,
  currency: data.currency,
  paidAt: new Date(data.occurredAt),
  lines: data.lines,
  subtotal: data.totals.subtotal,
  total: data.totals.total,
})

/**
 * The order events as sales facts, each once (the inbox, in the facts' transaction): `order.paid` records a sale
 * per line; `order.refunded` what its cumulative refunded total adds; `order.cancelled` gives back the rest of a
 * paid order's goods (the order service refunds or voids the payment on cancel and announces only the cancel, so
 * nothing is counted twice). A refund or cancel of an order whose sale is not recorded yet is thrown back to be
 * retried, unless nothing was paid (a cancel before payment).
 */
export const onOrderEvent = async (deps: AnalyticsDeps, event: OrderEvent) => {
  const { data } = event
  if (event.type === 'order.paid')
    await ensureProducts(
      deps,
      data.lines.map((l) => l.productId),
    )
  return inbox.handleOnce(deps.sql, schema, salesConsumer, event, async (tx) => {
    if (event.type === 'order.paid') {
      await recordSale(tx, paidOrder(data))
      return
    }
    const cancel = event.type === 'order.cancelled'
    if (
      cancel &&
      data.totals.refunded === 0 &&
      !(await sales.knownOrders(tx, [data.orderId])).has(data.orderId)
    )
      return
    await recordRefund(tx, data.orderId, {
      key: event.id,
      at: new Date(data.occurredAt),
      refundedTotal: data.totals.refunded,
      cancel,
    })
  })
}

/** One imported order, its shape checked. */
export type ImportedOrder = Static<typeof importedOrderSchema>

interface FieldError {
  path: string
  message: string
}

/** What is wrong with one imported order beyond its shape; empty when it can be recorded. */
const importProblems = (order: ImportedOrder, now: number): FieldError[] => {
  const problems: FieldError[] = []
  if (!isCurrency(order.currency))
    problems.push({ path: '/currency', message: 'must be an ISO 4217 currency' })
  const paidAt = Date.parse(order.paidAt)
  if (Number.isNaN(paidAt)) problems.push({ path: '/paidAt', message: 'must be an instant' })
  else if (paidAt > now) problems.push({ path: '/paidAt', message: 'must be in the past' })
  order.lines.forEach((line, i) => {
    if (line.lineTotal !== line.unitPrice * line.quantity)
      problems.push({ path: `/lines/${i}/lineTotal`, message: 'must be unitPrice × quantity' })
  })
  const goods = order.lines.reduce((sum, l) => sum + l.lineTotal, 0)
  let refunded = 0
  const ids = new Set<string>()
  order.refunds.forEach((refund, i) => {
    refunded += refund.amount
    const at = Date.parse(refund.refundedAt)
    if (Number.isNaN(at)) problems.push({ path: `/refunds/${i}/refundedAt`, message: 'must be an instant' })
    else if (at > now || at < paidAt)
      problems.push({ path: `/refunds/${i}/refundedAt`, message: 'must be after paidAt and in the past' })
    if (ids.has(refund.refundId))
      problems.push({ path: `/refunds/${i}/refundId`, message: 'repeats a refund' })
    ids.add(refund.refundId)
  })
  if (refunded > goods)
    problems.push({ path: '/refunds', message: `give back more than the order's ${goods}` })
  return problems
}

/**
 * Records orders of history as the live order events would: a sale per line at `paidAt`, and each refund over the
 * lines at `refundedAt` (an imported order has no shipping or tax: its total is its lines'). Each order is checked on
 * its own: a bad one is rejected by index with its problems and nothing of it is written. Idempotent on orderId and
 * refundId, all in one transaction.
 */
export const importOrders = async (deps: AnalyticsDeps, orders: readonly unknown[]) => {
  const rejected: { index: number; errors: FieldError[] }[] = []
  const valid: { index: number; order: ImportedOrder }[] = []
  const seen = new Map<string, number>()
  orders.forEach((candidate, index) => {
    if (!Value.Check(importedOrderSchema, candidate)) {
      const errors = [...Value.Errors(importedOrderSchema, candidate)]
        .slice(0, 20)
        .map((e) => ({ path: e.path || '/', message: e.message }))
      rejected.push({ index, errors })
      return
    }
    const errors = importProblems(candidate, deps.now())
    const earlier = seen.get(candidate.orderId)
    if (earlier !== undefined)
      errors.push({ path: '/orderId', message: `repeats order ${earlier} of this batch` })
    if (errors.length > 0) rejected.push({ index, errors })
    else {
      seen.set(candidate.orderId, index)
      valid.push({ index, order: candidate })
    }
  })
  await ensureProducts(
    deps,
    valid.flatMap((v) => v.order.lines.map((l) => l.productId)),
  )
  let accepted = 0
  // Imports take turns (they touch the same rollup rows in no common order); a deadlock with a live order's facts
  // is tried again.
  await retriedTransaction(deps.sql, async (tx) => {
    accepted = 0
    await sales.lockImports(tx)
    for (const { order } of valid) {
      const goods = order.lines.reduce((sum, l) => sum + l.lineTotal, 0)
      let changed = await recordSale(tx, {
        orderId: order.orderId,
        customer: order.userId,
        currency: order.currency,
        paidAt: new Date(order.paidAt),
        lines: order.lines,
        subtotal: goods,
        total: goods,
      })
      for (const refund of [...order.refunds].sort(
        (a, b) => Date.parse(a.refundedAt) - Date.parse(b.refundedAt),
      ))
        if (
          await recordRefund(tx, order.orderId, {
            key: `import:${refund.refundId}`,
            at: new Date(refund.refundedAt),
            amount: refund.amount,
          }).then((facts) => facts.length > 0 || false)
        )
          changed = true
      if (changed) accepted += 1
    }
  })
  return {
    accepted,
    duplicates: valid.length - accepted,
    rejected: rejected.sort((a, b) => a.index - b.index),
  }
}

const hourMs = 3_600_000
const dayMs = 86_400_000

/** Daily rollups when the buckets are days or longer and the window is whole days; hourly otherwise. */
export const grainFor = (window: Pick<ReportWindow, 'from' | 'to' | 'groupBy'>): Grain =>
  window.groupBy !== 'hour' && window.from.getTime() % dayMs === 0 && window.to.getTime() % dayMs === 0
    ? 'daily'
    : 'hourly'

/** Whole hours or whole days covering [from, to): a window not on the hour is read from the hours it touches. */
const aligned = (from: Date, to: Date, grain: Grain) => {
  const unit = grain === 'daily' ? dayMs : hourMs
  return {
    from: new Date(Math.floor(from.getTime() / unit) * unit),
    to: new Date(Math.ceil(to.getTime() / unit) * unit),
  }
}

const pageSize = 1000

/** Sales by bucket and currency from the rollups, page by page (keyset on bucket and currency). */
export async function* salesByBucket(deps: AnalyticsDeps, window: ReportWindow, filter: ProductFilter) {
  const grain = grainFor(window)
  const span = aligned(window.from, window.to, grain)
  let after: { bucket: Date; currency: string } | null = null
  for (;;) {
    const rows = await rollups.salesPage(deps.sql, {
      grain,
      unit: window.groupBy,
      ...span,
      currency: window.currency,
      filter,
      after,
      limit: pageSize,
    })
    if (rows.length > 0) yield rows
    if (rows.length < pageSize) return
    const last = rows.at(-1)!
    after = { bucket: last.bucket, currency: last.currency }
  }
}

/** Products' sums over the window per currency, best first by `sortBy`, at most `limit` rows, page by page. */
export async function* salesByProduct(
  deps: AnalyticsDeps,
  window: ReportWindow,
  filter: ProductFilter,
  sortBy: 'revenue' | 'units',
  limit: number,
) {
  const grain = grainFor({ ...window, groupBy: 'day' })
  const span = aligned(window.from, window.to, grain)
  let after: { value: number; productId: string; currency: string } | null = null
  let left = limit
  while (left > 0) {
    const want = Math.min(500, left)
    const rows = await rollups.productsPage(deps.sql, {
      grain,
      ...span,
      currency: window.currency,
      filter,
      sortBy,
      after,
      limit: want,
    })
    if (rows.length > 0) yield rows
    if (rows.length < want) return
    left -= rows.length
    const last = rows.at(-1)!
    after = { value: last[sortBy], productId: last.productId, currency: last.currency }
  }
}

/** Cohorts by first purchase month, with each month's active customers, page by page. */
export async function* cohortActivity(deps: AnalyticsDeps, window: ReportWindow) {
  let after: { cohort: Date; month: Date } | null = null
  for (;;) {
    const rows = await rollups.cohortsPage(deps.sql, {
      from: window.from,
      to: window.to,
      after,
      limit: pageSize,
    })
    if (rows.length > 0) yield rows
    if (rows.length < pageSize) return
    const last = rows.at(-1)!
    after = { cohort: last.cohort, month: last.month }
  }
}

/** Every known SKU with its units sold in [from, to), page by page (keyset on SKU). */
export async function* unitsBySku(deps: AnalyticsDeps, from: Date, to: Date, size = 200) {
  const grain = grainFor({ from, to, groupBy: 'day' })
  const span = aligned(from, to, grain)
  let after: string | null = null
  for (;;) {
    const rows = await rollups.skuUnitsPage(deps.sql, { grain, ...span, after, limit: size })
    if (rows.length > 0) yield rows
    if (rows.length < size) return
    after = rows.at(-1)!.sku
  }
}
