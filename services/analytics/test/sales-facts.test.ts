import { beforeAll, describe, expect, test } from 'bun:test'
import { allocate, goodsRefunded } from '../src/sales/model.ts'
import { onOrderEvent } from '../src/sales/service.ts'
import {
  analyticsHarness,
  cancelledEvent,
  type Harness,
  knowProduct,
  paidEvent,
  refundedEvent,
} from './sales-harness.ts'

const h: Harness = await analyticsHarness()
beforeAll(async () => {
  h.categories.cat_lamps = 'Lamps'
  await knowProduct(h, {
    productId: 'prd_lamp',
    name: 'Lamp',
    brand: 'Lumen',
    categoryId: 'cat_lamps',
    skus: ['LAMP-1'],
  })
})

const facts = async (orderId: string) => [
  ...(await h.sql<
    { lineNo: number; kind: string; amount: number; quantity: number; category: string | null }[]
  >`
    select line_no as "lineNo", kind, amount, quantity, category from analytics.sales_facts
    where order_id = ${orderId} order by kind desc, refund_key, line_no`),
]

const lines = [
  { sku: 'LAMP-1', productId: 'prd_lamp', quantity: 3, unitPrice: 333 },
  { sku: 'MUG-1', productId: 'prd_mug', quantity: 1, unitPrice: 1000 },
  { sku: 'MUG-2', productId: 'prd_mug', quantity: 2, unitPrice: 7 },
]

describe('allocation', () => {
  test('parts sum exactly and follow the weights, remainders to the largest', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(allocate(10, [999, 1000, 14])).toEqual([5, 5, 0])
    expect(allocate(7, [0, 0])).toEqual([0, 0])
    for (const amount of [1, 17, 2013, 99_999])
      expect(allocate(amount, [999, 1000, 14]).reduce((a, b) => a + b, 0)).toBe(amount)
  })

  test("a refund's goods share leaves out shipping, and all of the total is all of the goods", () => {
    expect(goodsRefunded(500, 2013, 2513)).toBe(401)
    expect(goodsRefunded(2513, 2013, 2513)).toBe(2013)
    expect(goodsRefunded(0, 2013, 2513)).toBe(0)
  })
})

describe('order events', () => {
  test('a paid order is one sale fact per line; its redelivery records nothing more', async () => {
    const event = paidEvent({
      orderId: 'ord_a',
      userId: 'usr_1',
      currency: 'EUR',
      lines,
      at: '2026-03-02T10:15:00Z',
    })
    expect(await onOrderEvent(h.deps, event)).toBe('handled')
    expect(await onOrderEvent(h.deps, event)).toBe('duplicate')
    expect(await facts('ord_a')).toEqual([
      { lineNo: 0, kind: 'sale', amount: 999, quantity: 3, category: 'Lamps' },
      { lineNo: 1, kind: 'sale', amount: 1000, quantity: 1, category: null },
      { lineNo: 2, kind: 'sale', amount: 14, quantity: 2, category: null },
    ])
    const [hour] = await h.sql<{ orders: number; units: number; revenue: number }[]>`
      select orders, units, revenue from analytics.sales_hourly
      where bucket = '2026-03-02T10:00:00Z' and currency = 'EUR' and product_id = ''`
    expect(hour).toEqual({ orders: 1, units: 6, revenue: 2013 })
    const [mug] = await h.sql<{ orders: number }[]>`
      select orders from analytics.sales_daily where bucket = '2026-03-02' and product_id = 'prd_mug'`
    expect(mug!.orders).toBe(1)
  })

  test('refunds are the growth of the refunded total, over the lines exactly, and a full refund nets each line', async () => {
    const order = { orderId: 'ord_b', userId: 'usr_2', currency: 'EUR', lines, at: '2026-03-03T09:00:00Z' }
    await onOrderEvent(h.deps, paidEvent(order, { shipping: 500 }))
    const first = refundedEvent(
      { ...order, at: '2026-03-04T09:00:00Z' },
      { shipping: 500, refunded: 500, status: 'partially_refunded' },
    )
    await onOrderEvent(h.deps, first)
    await onOrderEvent(h.deps, first)
    const partial = (await facts('ord_b')).filter((f) => f.kind === 'refund')
    // 500 of a 2513 total gives back 401 of the 2013 of goods.
    expect(partial.reduce((s, f) => s + f.amount, 0)).toBe(-401)
    expect(partial.every((f) => f.quantity === 0 && f.amount < 0)).toBe(true)
    await onOrderEvent(
      h.deps,
      refundedEvent(
        { ...order, at: '2026-03-05T09:00:00Z' },
        { shipping: 500, refunded: 2513, status: 'refunded' },
      ),
    )
    const net = await h.sql<{ lineNo: number; net: number }[]>`
      select line_no as "lineNo", sum(amount)::bigint as net from analytics.sales_facts
      where order_id = 'ord_b' group by line_no order by line_no`
    expect(net.map((n) => n.net)).toEqual([0, 0, 0])
    const [day] = await h.sql<{ refunds: number }[]>`
      select refunds from analytics.sales_daily where bucket = '2026-03-05' and product_id = ''`
    expect(day!.refunds).toBe(2013 - 401)
  })

  test('a cancel after payment gives back what is left once; before payment it records nothing', async () => {
    const order = { orderId: 'ord_c', userId: null, currency: 'USD', lines, at: '2026-03-06T09:00:00Z' }
    await onOrderEvent(h.deps, paidEvent(order))
    await onOrderEvent(h.deps, refundedEvent(order, { refunded: 100, status: 'partially_refunded' }))
    const cancel = cancelledEvent(
      { ...order, at: '2026-03-07T09:00:00Z' },
      { refunded: 100, status: 'cancelled' },
    )
    await onOrderEvent(h.deps, cancel)
    await onOrderEvent(h.deps, cancel)
    const [sum] = await h.sql<{ net: number }[]>`
      select sum(amount)::bigint as net from analytics.sales_facts where order_id = 'ord_c'`
    expect(sum!.net).toBe(0)
    await onOrderEvent(
      h.deps,
      cancelledEvent({ ...order, orderId: 'ord_never_paid' }, { status: 'cancelled' }),
    )
    expect(await facts('ord_never_paid')).toEqual([])
  })

  test('a refund of an order whose sale is not recorded yet is thrown back to be retried, and writes nothing', async () => {
    const order = { orderId: 'ord_late', userId: 'usr_3', currency: 'EUR', lines, at: '2026-03-06T09:00:00Z' }
    const refund = refundedEvent(order, { refunded: 100, status: 'partially_refunded' })
    await expect(onOrderEvent(h.deps, refund)).rejects.toThrow('no sale recorded')
    await onOrderEvent(h.deps, paidEvent(order))
    expect(await onOrderEvent(h.deps, refund)).toBe('handled')
    expect(
      (await facts('ord_late')).filter((f) => f.kind === 'refund').reduce((s, f) => s + f.amount, 0),
    ).toBe(-100)
  })

  test('a product the dimension lacks is read from the product service; unreachable, the fact waits for its event', async () => {
    h.catalog.prd_chair = {
      productId: 'prd_chair',
      name: 'Chair',
      brand: 'Seat Co',
      category: { id: 'cat_seats', name: 'Seats' },
      skus: ['CHAIR-1'],
    }
    await onOrderEvent(
      h.deps,
      paidEvent({
        orderId: 'ord_d',
        userId: 'usr_4',
        currency: 'EUR',
        lines: [
          { sku: 'CHAIR-1', productId: 'prd_chair', quantity: 1, unitPrice: 5000 },
          { sku: 'SOFA-1', productId: 'prd_sofa', quantity: 1, unitPrice: 9000 },
        ],
        at: '2026-03-08T09:00:00Z',
      }),
    )
    expect(h.lookups).toContain('prd_sofa')
    const dims = await h.sql<{ productId: string; categoryName: string | null }[]>`
      select product_id as "productId", category_name as "categoryName" from analytics.products
      where product_id in ('prd_chair', 'prd_sofa') order by product_id`
    expect([...dims]).toEqual([{ productId: 'prd_chair', categoryName: 'Seats' }])
    h.categories.cat_seats = 'Seats'
    await knowProduct(h, {
      productId: 'prd_sofa',
      name: 'Sofa',
      brand: 'Seat Co',
      categoryId: 'cat_seats',
      skus: ['SOFA-1'],
    })
    const [sofa] = await h.sql<{ name: string; categoryName: string }[]>`
      select name, category_name as "categoryName" from analytics.products where product_id = 'prd_sofa'`
    expect(sofa).toEqual({ name: 'Sofa', categoryName: 'Seats' })
  })
})
