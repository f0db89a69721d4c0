import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { Fragment } from '@myshop/db'
import { onOrderEvent } from '../src/sales/service.ts'
import {
  analyticsHarness,
  cancelledEvent,
  type Harness,
  inventoryStandIn,
  knowProduct,
  paidEvent,
  refundedEvent,
  type TestLine,
} from './sales-harness.ts'

const stand = inventoryStandIn({
  'SKU-P0': { available: 3, status: 'low' },
  'SKU-P1': { available: 500, status: 'in_stock' },
  'SKU-P2': { available: 2, status: 'in_stock' },
})
afterAll(() => stand.stop())
const h: Harness = await analyticsHarness({ inventoryUrl: stand.url })

const products = ['P0', 'P1', 'P2', 'P3', 'P4', 'P5']
const currencies = ['EUR', 'USD', 'JPY']

/** A deterministic pseudo-random sequence, so the data is the same every run. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed / 2_147_483_648
}

beforeAll(async () => {
  h.categories.cat_a = 'Alpha'
  h.categories.cat_b = 'Beta'
  for (const [i, p] of products.entries())
    await knowProduct(h, {
      productId: `prd_${p}`,
      name: `Product ${p}`,
      brand: i % 2 === 0 ? 'Even' : 'Odd',
      categoryId: i < 3 ? 'cat_a' : 'cat_b',
      skus: [`SKU-${p}`, `SKU-${p}-B`],
    })
  const rand = random(42)
  const start = Date.parse('2026-01-03T00:00:00Z')
  const imported: unknown[] = []
  for (let n = 0; n < 160; n++) {
    const at = new Date(start + Math.floor(rand() * 120 * 86_400_000))
    const customer = rand() < 0.15 ? null : `usr_${Math.floor(rand() * 25)}`
    const currency = currencies[Math.floor(rand() * 3)]!
    const lines: TestLine[] = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
      const p = products[Math.floor(rand() * products.length)]!
      return {
        sku: rand() < 0.7 ? `SKU-${p}` : `SKU-${p}-B`,
        productId: `prd_${p}`,
        quantity: 1 + Math.floor(rand() * 4),
        unitPrice: 100 + Math.floor(rand() * 5000),
      }
    })
    const order = { orderId: `ord_${n}`, userId: customer, currency, lines, at: at.toISOString() }
    const goods = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0)
    const later = (days: number) => new Date(at.getTime() + days * 86_400_000 + 3_600_000).toISOString()
    const fate = rand()
    if (n % 2 === 0) {
      // Half through the live events, with shipping on the total.
      await onOrderEvent(h.deps, paidEvent(order, { shipping: 490 }))
      const total = goods + 490
      if (fate < 0.15)
        await onOrderEvent(
          h.deps,
          refundedEvent({ ...order, at: later(3) }, { shipping: 490, refunded: total, status: 'refunded' }),
        )
      else if (fate < 0.3) {
        const part = Math.floor(total / 3)
        await onOrderEvent(
          h.deps,
          refundedEvent(
            { ...order, at: later(2) },
            { shipping: 490, refunded: part, status: 'partially_refunded' },
          ),
        )
        await onOrderEvent(
          h.deps,
          refundedEvent(
            { ...order, at: later(9) },
            { shipping: 490, refunded: part * 2, status: 'partially_refunded' },
          ),
        )
      } else if (fate < 0.35)
        await onOrderEvent(
          h.deps,
          cancelledEvent({ ...order, at: later(1) }, { shipping: 490, status: 'cancelled' }),
        )
    } else {
      // The other half imported as history.
      const refunds =
        fate < 0.15
          ? [{ refundId: `rf_${n}`, amount: goods, refundedAt: later(4) }]
          : fate < 0.3
            ? [
                { refundId: `rf_${n}_1`, amount: Math.ceil(goods / 4), refundedAt: later(1) },
                { refundId: `rf_${n}_2`, amount: Math.ceil(goods / 5), refundedAt: later(35) },
              ]
            : []
      imported.push({
        orderId: order.orderId,
        userId: customer,
        currency,
        paidAt: order.at,
        lines: lines.map((l) => ({ ...l, lineTotal: l.unitPrice * l.quantity })),
        refunds: refunds.filter((r) => Date.parse(r.refundedAt) < Date.now()),
      })
    }
  }
  const res = await h.call(
    'POST',
    '/api/v1/admin/analytics/orders/import',
    { orders: imported },
    h.as(h.admin),
  )
  expect(res.status).toBe(200)
  expect(res.body).toEqual({ accepted: imported.length, duplicates: 0, rejected: [] })
})

const report = async (name: string, query: string, token = h.analyst) =>
  h.call('GET', `/api/v1/reports/${name}?${query}`, undefined, h.as(token))

type Row = Record<string, string | number | null>
const rowsOf = (res: { body: unknown }) => (res.body as { rows: Row[] }).rows

/** Sales per bucket from the facts themselves. */
const salesFromFacts = async (
  unit: string,
  from: string,
  to: string,
  where: (sql: Harness['sql']) => Fragment,
  orders: 'distinct' | 'perProduct',
) =>
  h.sql<Row[]>`
    select date_trunc(${unit}, occurred_at at time zone 'UTC') at time zone 'UTC' as bucket, currency,
           ${orders === 'distinct' ? h.sql`count(distinct order_id) filter (where kind = 'sale')` : h.sql`count(distinct (order_id, product_id)) filter (where kind = 'sale')`}::int as orders,
           coalesce(sum(quantity) filter (where kind = 'sale'), 0)::int as units,
           coalesce(sum(amount) filter (where kind = 'sale'), 0)::bigint as revenue,
           coalesce(-sum(amount) filter (where kind = 'refund'), 0)::bigint as refunds
    from analytics.sales_facts
    where occurred_at >= ${from} and occurred_at < ${to} ${where(h.sql)}
    group by 1, 2 order by 1, 2`

const expectedSales = (rows: Row[]) =>
  rows.map((r) => {
    const revenue = Number(r.revenue)
    const orders = Number(r.orders)
    return {
      bucket: (r.bucket as unknown as Date).toISOString(),
      currency: String(r.currency),
      orders,
      units: Number(r.units),
      revenue,
      refunds: Number(r.refunds),
      net: revenue - Number(r.refunds),
      averageOrderValue: orders > 0 ? Math.floor((2 * revenue + orders) / (2 * orders)) : null,
    }
  })

describe('sales report', () => {
  for (const groupBy of ['hour', 'day', 'week', 'month'] as const)
    test(`equals the facts summed by ${groupBy}`, async () => {
      const [from, to] = groupBy === 'hour' ? ['2026-02-01', '2026-02-20'] : ['2026-01-01', '2026-06-30']
      const res = await report('sales', `from=${from}&to=${to}&groupBy=${groupBy}`)
      expect(res.status).toBe(200)
      const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString()
      const expected = expectedSales(
        await salesFromFacts(groupBy, `${from}T00:00:00Z`, end, (sql) => sql``, 'distinct'),
      )
      expect(expected.length).toBeGreaterThan(3)
      expect(rowsOf(res)).toEqual(expected)
    })

  test('an instant window not on whole days reads the hourly rollup and still equals the facts', async () => {
    const res = await report('sales', 'from=2026-02-01T06:00:00Z&to=2026-03-15T18:00:00Z&groupBy=day')
    const expected = expectedSales(
      await salesFromFacts('day', '2026-02-01T06:00:00Z', '2026-03-15T18:00:00Z', (sql) => sql``, 'distinct'),
    )
    expect(rowsOf(res)).toEqual(expected)
  })

  test('filters by currency, product, category and brand', async () => {
    const q = 'from=2026-01-01&to=2026-06-30&groupBy=month'
    expect(rowsOf(await report('sales', `${q}&currency=JPY`))).toEqual(
      expectedSales(
        await salesFromFacts(
          'month',
          '2026-01-01',
          '2026-07-01',
          (sql) => sql`and currency = 'JPY'`,
          'distinct',
        ),
      ),
    )
    expect(rowsOf(await report('sales', `${q}&productId=prd_P1`))).toEqual(
      expectedSales(
        await salesFromFacts(
          'month',
          '2026-01-01',
          '2026-07-01',
          (sql) => sql`and product_id = 'prd_P1'`,
          'distinct',
        ),
      ),
    )
    for (const [filter, where] of [
      ['category=Beta', `and product_id in ('prd_P3', 'prd_P4', 'prd_P5')`],
      ['category=cat_a&brand=Even', `and product_id in ('prd_P0', 'prd_P2')`],
    ] as const)
      expect(rowsOf(await report('sales', `${q}&${filter}`))).toEqual(
        expectedSales(
          await salesFromFacts(
            'month',
            '2026-01-01',
            '2026-07-01',
            (sql) => sql.unsafe(where) as unknown as Fragment,
            'perProduct',
          ),
        ),
      )
  })

  test('answers CSV with money as decimals of the row currency', async () => {
    const res = await h.call(
      'GET',
      '/api/v1/reports/sales?from=2026-01-01&to=2026-06-30&groupBy=month&format=csv',
      undefined,
      {
        ...h.as(h.analyst),
      },
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const lines = String(res.body).trim().split('\r\n')
    expect(lines[0]).toBe('bucket,currency,orders,units,revenue,refunds,net,averageOrderValue')
    const json = rowsOf(await report('sales', 'from=2026-01-01&to=2026-06-30&groupBy=month'))
    expect(lines.length).toBe(json.length + 1)
    const eur = json.find((r) => r.currency === 'EUR')!
    const line = lines.find((l) => l.startsWith(`${eur.bucket},EUR,`))!
    expect(line.split(',')[4]).toBe((Number(eur.revenue) / 100).toFixed(2))
    const jpy = json.find((r) => r.currency === 'JPY')!
    expect(lines.find((l) => l.startsWith(`${jpy.bucket},JPY,`))!.split(',')[4]).toBe(String(jpy.revenue))
  })

  test('who may read it: 401 without a token, 403 for a customer, 200 for an analyst and an admin', async () => {
    const q = '/api/v1/reports/sales?from=2026-01-01&to=2026-01-31'
    expect((await h.call('GET', q)).status).toBe(401)
    expect((await h.call('GET', q, undefined, h.as(h.customer))).status).toBe(403)
    expect((await h.call('GET', q, undefined, h.as(h.analyst))).status).toBe(200)
    expect((await h.call('GET', q, undefined, h.as(h.admin))).status).toBe(200)
  })

  test('422 for a bad window, currency or filter', async () => {
    for (const q of [
      'from=2026-02-02&to=2026-02-01',
      'from=2026-01-01&to=2026-01-31&currency=euro',
      'from=2026-01-01&to=2026-01-31&groupBy=year',
      'from=yesterday&to=2026-01-31',
      `from=2026-01-01&to=2026-01-31&brand=${'x'.repeat(101)}`,
    ])
      expect((await report('sales', q)).status).toBe(422)
  })
})

describe('products report', () => {
  const fromFacts = (sortBy: 'revenue' | 'units', where: string, limit: number) =>
    h.sql<Row[]>`
      with f as (
        select product_id, currency, coalesce(sum(quantity) filter (where kind = 'sale'), 0)::int as units,
               coalesce(sum(amount) filter (where kind = 'sale'), 0)::bigint as revenue,
               coalesce(-sum(amount) filter (where kind = 'refund'), 0)::bigint as refunds
        from analytics.sales_facts where occurred_at >= '2026-01-01' and occurred_at < '2026-04-01' ${h.sql.unsafe(where)}
        group by 1, 2)
      select f.product_id as "productId", 'Product ' || substr(f.product_id, 5) as name, f.currency, f.units,
             f.revenue, f.refunds
      from f order by ${h.sql(sortBy)} desc, f.product_id, f.currency limit ${limit}`

  test('top products by revenue and by units equal the facts, with names, category and brand', async () => {
    for (const sortBy of ['revenue', 'units'] as const) {
      const rows = rowsOf(await report('products', `from=2026-01-01&to=2026-03-31&sortBy=${sortBy}&limit=7`))
      const expected = await fromFacts(sortBy, '', 7)
      expect<unknown>(
        rows.map(({ productId, name, currency, units, revenue, refunds }) => ({
          productId,
          name,
          currency,
          units,
          revenue,
          refunds,
        })),
      ).toEqual(expected.map((r) => ({ ...r, revenue: Number(r.revenue), refunds: Number(r.refunds) })))
      for (const r of rows) expect(r.net).toBe(Number(r.revenue) - Number(r.refunds))
    }
    const [first] = rowsOf(await report('products', 'from=2026-01-01&to=2026-03-31&category=Beta&brand=Odd'))
    expect(first).toMatchObject({ category: 'Beta', brand: 'Odd' })
    const beta = rowsOf(await report('products', 'from=2026-01-01&to=2026-03-31&category=Beta&limit=1000'))
    expect(beta.map((r) => r.productId).sort()).toEqual(
      (await fromFacts('revenue', `and product_id in ('prd_P3','prd_P4','prd_P5')`, 1000))
        .map((r) => r.productId as string)
        .sort(),
    )
  })

  test('422 for a limit out of range or an unknown sort', async () => {
    expect((await report('products', 'from=2026-01-01&to=2026-03-31&limit=0')).status).toBe(422)
    expect((await report('products', 'from=2026-01-01&to=2026-03-31&limit=1001')).status).toBe(422)
    expect((await report('products', 'from=2026-01-01&to=2026-03-31&sortBy=name')).status).toBe(422)
  })
})

describe('cohorts report', () => {
  test('equals cohorts counted from the sale facts', async () => {
    const rows = rowsOf(await report('cohorts', 'from=2026-01-01&to=2026-06-30'))
    const expected = await h.sql<Row[]>`
      with s as (select customer, date_trunc('month', occurred_at at time zone 'UTC') at time zone 'UTC' as month
                 from analytics.sales_facts where kind = 'sale' and customer is not null),
           c as (select customer, min(month) as cohort from s group by customer),
           a as (select c.cohort, s.month, count(distinct s.customer)::int as active from s join c using (customer)
                 group by 1, 2),
           z as (select cohort, count(*)::int as size from c group by 1)
      select a.cohort, a.month, a.active, z.size from a join z using (cohort)
      where a.month < '2026-07-01' order by 1, 2`
    expect(expected.some((r) => (r.month as unknown as Date) > (r.cohort as unknown as Date))).toBe(true)
    expect<unknown>(rows).toEqual(
      expected.map((r) => {
        const cohort = r.cohort as unknown as Date
        const month = r.month as unknown as Date
        return {
          cohort: cohort.toISOString(),
          monthsSince:
            (month.getUTCFullYear() - cohort.getUTCFullYear()) * 12 +
            month.getUTCMonth() -
            cohort.getUTCMonth(),
          customers: r.size,
          active: r.active,
          retention: Math.round((Number(r.active) / Number(r.size)) * 10_000) / 10_000,
        }
      }),
    )
  })
})

describe('inventory report', () => {
  const unitsFromFacts = async (days: number, to: string) =>
    new Map(
      (
        await h.sql<{ sku: string; units: number }[]>`
          select sku, sum(quantity)::int as units from analytics.sales_facts
          where kind = 'sale' and occurred_at >= ${new Date(Date.parse(to) - days * 86_400_000)} and occurred_at < ${to}
          group by sku`
      ).map((r) => [r.sku, r.units]),
    )

  test('every SKU with stock from the inventory service, units sold, rate and cover', async () => {
    const res = await report('inventory', 'from=2026-04-01&to=2026-04-30&days=20')
    expect(res.status).toBe(200)
    // Other files' SKUs share the test database; this file's all start with SKU-.
    const rows = rowsOf(res).filter((r) => String(r.sku).startsWith('SKU-'))
    const units = await unitsFromFacts(20, '2026-05-01T00:00:00Z')
    expect(rows.map((r) => r.sku)).toEqual(products.flatMap((p) => [`SKU-${p}`, `SKU-${p}-B`]).sort())
    for (const r of rows) expect(r.unitsSold).toBe(units.get(r.sku as string) ?? 0)
    const p1 = rows.find((r) => r.sku === 'SKU-P1')!
    const sold = units.get('SKU-P1') ?? 0
    expect(p1).toMatchObject({ productId: 'prd_P1', name: 'Product P1', available: 500 })
    expect(p1.dailyRate).toBe(Math.round((sold / 20) * 100) / 100)
    expect(p1.daysOfCover).toBe(sold === 0 ? null : Math.round((500 / (sold / 20)) * 100) / 100)
    expect(rows.find((r) => r.sku === 'SKU-P0')!.low).toBe('true')
    expect(rows.find((r) => r.sku === 'SKU-P3')).toMatchObject({ available: null, low: 'false' })
    const low = rowsOf(await report('inventory', 'from=2026-04-01&to=2026-04-30&days=20&lowOnly=true'))
    expect(low.length).toBeGreaterThan(0)
    expect(low.every((r) => r.low === 'true')).toBe(true)
    expect(low.map((r) => r.sku)).toContain('SKU-P0')
  })

  test('with the inventory service down, stock is unknown and nothing is called low', async () => {
    stand.stop()
    const res = await report('inventory', 'from=2026-04-01&to=2026-04-30')
    expect(res.status).toBe(200)
    const rows = rowsOf(res).filter((r) => String(r.sku).startsWith('SKU-'))
    expect(rows.length).toBe(12)
    expect(rows.every((r) => r.available === null && r.daysOfCover === null && r.low === 'false')).toBe(true)
  })

  test('422 for days out of range; 403 for a customer', async () => {
    expect((await report('inventory', 'from=2026-04-01&to=2026-04-30&days=0')).status).toBe(422)
    expect((await report('inventory', 'from=2026-04-01&to=2026-04-30&days=366')).status).toBe(422)
    expect((await report('inventory', 'from=2026-04-01&to=2026-04-30', h.customer)).status).toBe(403)
  })
})
