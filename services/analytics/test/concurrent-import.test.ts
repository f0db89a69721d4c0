// Imports sent side by side touch the same rollup rows (the same days, products and shop-wide rows) in no common
// order: each must be recorded whole, once, and the rollups must agree with the facts.
import { expect, test } from 'bun:test'
import { analyticsHarness } from './harness.ts'

const h = await analyticsHarness()
const dayMs = 86_400_000
const start = Math.floor((Date.now() - 30 * dayMs) / dayMs) * dayMs

/** `n` orders over 20 days, each of two or three of ten products, some refunded in part. */
const orders = (batch: number, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const k = batch * n + i
    const lines = Array.from({ length: 2 + (k % 2) }, (_, j) => {
      const product = (k * 7 + j * 3) % 10
      const quantity = 1 + ((k + j) % 3)
      const unitPrice = 500 + product * 100
      return {
        sku: `CONC-${product}`,
        productId: `prd_conc_${product}`,
        quantity,
        unitPrice,
        lineTotal: unitPrice * quantity,
      }
    })
    const paidAt = start + (k % 20) * dayMs + (k % 24) * 3_600_000
    return {
      orderId: `ord_conc_${k}`,
      userId: `usr_conc_${k % 40}`,
      currency: 'NOK',
      paidAt: new Date(paidAt).toISOString(),
      lines,
      refunds:
        k % 9 === 0
          ? [{ refundId: `ref_conc_${k}`, amount: 300, refundedAt: new Date(paidAt + dayMs).toISOString() }]
          : [],
    }
  })

test('four imports at once: every order recorded once, and the daily rollups sum to the facts', async () => {
  const batches = Array.from({ length: 4 }, (_, b) => orders(b, 150))
  const answers = await Promise.all(
    batches.map((batch) =>
      h.call('POST', '/api/v1/admin/analytics/orders/import', { orders: batch }, h.as(h.admin)),
    ),
  )
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200])
  expect(answers.map((a) => (a.body as { accepted: number }).accepted)).toEqual([150, 150, 150, 150])

  const [facts] = await h.sql`
    select count(distinct order_id)::int as orders, coalesce(sum(amount), 0)::bigint as net
      from analytics.sales_facts where order_id like 'ord_conc_%'`
  const sent = batches.flat()
  const goods = sent.reduce((sum, o) => sum + o.lines.reduce((s, l) => s + l.lineTotal, 0), 0)
  const refunded = sent.reduce((sum, o) => sum + o.refunds.reduce((s, r) => s + r.amount, 0), 0)
  expect(facts).toEqual({ orders: 600, net: goods - refunded })

  const [daily] = await h.sql`
    select coalesce(sum(revenue - refunds), 0)::bigint as net, coalesce(sum(orders), 0)::int as orders
      from analytics.sales_daily where product_id = '' and currency = 'NOK'`
  expect(daily).toEqual({ net: goods - refunded, orders: 600 })

  // Sent again, side by side: nothing more.
  const again = await Promise.all(
    batches.map((batch) =>
      h.call('POST', '/api/v1/admin/analytics/orders/import', { orders: batch }, h.as(h.admin)),
    ),
  )
  expect(again.map((a) => (a.body as { duplicates: number }).duplicates)).toEqual([150, 150, 150, 150])
})
