import { afterAll, beforeAll, expect, test } from 'bun:test'
import { silentLogger } from '@myshop/logger'
import { type StatisticsKeeper, statisticsKeeper } from '../src/products/statistics.ts'
import { type ProductHarness, productHarness } from './harness.ts'

let h: ProductHarness
let keeper: StatisticsKeeper
const analysed: number[] = []

beforeAll(async () => {
  h = await productHarness()
  keeper = statisticsKeeper(h.sql, silentLogger(), { minRows: 3, quietMs: 50 })
  h.deps.rowsImported = (rows) => {
    analysed.push(rows)
    keeper.imported(rows)
  }
})
afterAll(() => keeper.stop())

/** What the planner believes the products table holds, and what it holds. */
const plannerView = async () => {
  const [row] = await h.sql<{ believed: number; actual: number }[]>`
    select (select reltuples from pg_class where oid = 'catalog.products'::regclass)::int as believed,
           (select count(*) from catalog.products)::int as actual`
  return row!
}

const importRows = (count: number) => {
  const sku = h.unique('STAT').toUpperCase()
  const rows = Array.from({ length: count }, (_, i) => ({
    line: i + 2,
    sku: `${sku}-${i}`,
    name: `Statistic ${i}`,
    price: '9.99',
    currency: 'EUR',
  }))
  return h.call('POST', '/api/v1/catalog/import', { rows }, h.as(h.manager))
}

test('a large import is followed by fresh planner statistics once it goes quiet', async () => {
  await h.sql`analyze catalog.products`
  expect((await importRows(2)).status).toBe(200)
  // Below the threshold: left to autovacuum.
  await Bun.sleep(150)
  const small = await plannerView()
  expect(small.believed).toBe(small.actual - 2)

  expect((await importRows(5)).status).toBe(200)
  let view = await plannerView()
  for (let i = 0; i < 40 && view.believed !== view.actual; i++) {
    await Bun.sleep(50)
    view = await plannerView()
  }
  expect(view.believed).toBe(view.actual)
  expect(analysed).toEqual([2, 5])
})
