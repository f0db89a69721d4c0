import { describe, expect, test } from 'bun:test'
import { analyticsHarness, type Harness } from './sales-harness.ts'

const h: Harness = await analyticsHarness()

const order = (orderId: string, extra: Record<string, unknown> = {}) => ({
  orderId,
  userId: 'usr_9',
  currency: 'EUR',
  paidAt: '2026-02-01T10:00:00Z',
  lines: [
    { sku: 'A-1', productId: 'prd_a', quantity: 2, unitPrice: 150, lineTotal: 300 },
    { sku: 'B-1', productId: 'prd_b', quantity: 1, unitPrice: 701, lineTotal: 701 },
  ],
  refunds: [{ refundId: `rf_${orderId}`, amount: 500, refundedAt: '2026-02-03T10:00:00Z' }],
  ...extra,
})

const importOrders = (orders: unknown[], token = h.admin) =>
  h.call('POST', '/api/v1/admin/analytics/orders/import', { orders }, h.as(token))

const counts = async () => {
  const [row] = await h.sql<{ facts: number; revenue: number; refunds: number }[]>`
    select (select count(*)::int from analytics.sales_facts) as facts,
           (select coalesce(sum(revenue), 0)::bigint from analytics.sales_daily where product_id = '') as revenue,
           (select coalesce(sum(refunds), 0)::bigint from analytics.sales_daily where product_id = '') as refunds`
  return row!
}

describe('order import', () => {
  test('records sales and refunds once: a second import is all duplicates, a new refund alone is accepted', async () => {
    // Other files share the test database: what this test adds is measured against what was there.
    const start = await counts()
    const added = async () => {
      const now = await counts()
      return {
        facts: now.facts - start.facts,
        revenue: now.revenue - start.revenue,
        refunds: now.refunds - start.refunds,
      }
    }
    const first = await importOrders([order('ord_i1'), order('ord_i2', { userId: null, refunds: [] })])
    expect(first.status).toBe(200)
    expect(first.body).toEqual({ accepted: 2, duplicates: 0, rejected: [] })
    expect(await added()).toEqual({ facts: 6, revenue: 2002, refunds: 500 })
    expect(
      (await importOrders([order('ord_i1'), order('ord_i2', { userId: null, refunds: [] })])).body,
    ).toEqual({
      accepted: 0,
      duplicates: 2,
      rejected: [],
    })
    expect(await added()).toEqual({ facts: 6, revenue: 2002, refunds: 500 })
    const more = order('ord_i1', {
      refunds: [
        { refundId: 'rf_ord_i1', amount: 500, refundedAt: '2026-02-03T10:00:00Z' },
        { refundId: 'rf_more', amount: 501, refundedAt: '2026-02-04T10:00:00Z' },
      ],
    })
    expect((await importOrders([more])).body).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    const net = await h.sql<{ net: number }[]>`
      select sum(amount)::bigint as net from analytics.sales_facts where order_id = 'ord_i1' group by line_no`
    expect(net.map((n) => n.net)).toEqual([0, 0])
  })

  test('bad orders are rejected by index with their problems, and nothing of them is written', async () => {
    const before = await counts()
    const res = await importOrders([
      order('ord_bad_1', { paidAt: '2999-01-01T00:00:00Z' }),
      order('ord_good'),
      order('ord_bad_2', {
        lines: [{ sku: 'A-1', productId: 'prd_a', quantity: 2, unitPrice: 150, lineTotal: 299 }],
      }),
      order('ord_bad_3', { refunds: [{ refundId: 'x', amount: 5000, refundedAt: '2026-02-03T10:00:00Z' }] }),
      { orderId: 'ord_bad_4' },
      order('ord_bad_5', { currency: 'XXY' }),
      order('ord_good'),
      order('ord_bad_6', { lines: [] }),
    ])
    expect(res.status).toBe(200)
    const body = res.body as { accepted: number; rejected: { index: number; errors: { path: string }[] }[] }
    expect(body.accepted).toBe(1)
    expect(body.rejected.map((r) => r.index)).toEqual([0, 2, 3, 4, 5, 6, 7])
    expect(body.rejected[0]!.errors[0]!.path).toBe('/paidAt')
    expect(body.rejected[1]!.errors[0]!.path).toBe('/lines/0/lineTotal')
    expect(body.rejected[2]!.errors[0]!.path).toBe('/refunds')
    const written = await h.sql<{ orderId: string }[]>`
      select distinct order_id as "orderId" from analytics.sales_facts where order_id like 'ord_bad%' or order_id = 'ord_good'`
    expect([...written]).toEqual([{ orderId: 'ord_good' }])
    expect((await counts()).facts).toBe(before.facts + 4)
  })

  test('a body that is not the envelope is a 422 and writes nothing', async () => {
    const before = await counts()
    for (const body of [
      {},
      { orders: [] },
      { orders: 'x' },
      { orders: Array.from({ length: 501 }, () => ({})) },
    ])
      expect({
        body: JSON.stringify(body).slice(0, 30),
        status: (await h.call('POST', '/api/v1/admin/analytics/orders/import', body, h.as(h.admin))).status,
      }).toEqual({ body: JSON.stringify(body).slice(0, 30), status: 422 })
    expect(await counts()).toEqual(before)
  })

  test('only administrators may import: 401 without a token, 403 for an analyst', async () => {
    expect(
      (await h.call('POST', '/api/v1/admin/analytics/orders/import', { orders: [order('ord_x')] })).status,
    ).toBe(401)
    expect((await importOrders([order('ord_x')], h.analyst)).status).toBe(403)
    expect((await importOrders([order('ord_x')], h.customer)).status).toBe(403)
    const [none] = await h.sql`select count(*)::int as n from analytics.sales_facts where order_id = 'ord_x'`
    expect(none!.n).toBe(0)
  })
})
