import { afterAll, beforeAll, expect, test } from 'bun:test'
import { silentLogger } from '@myshop/logger'
import { type StatisticsKeeper, statisticsKeeper } from '../src/products/statistics.ts'
import { type ProductHarness, productHarness } from './harness.ts'

let h: ProductHarness
let keeper: StatisticsKeeper
const analysed: number[] = []

beforeAll(async () => {
  h = await productHarness()
  // These tests watch what the keeper does and leaves alone; the server's own autovacuum, woken by the rows other
  // test files wrote to the same database, would analyse the table and merge its pending lists at moments of its own.
  await h.sql`alter table catalog.products set (autovacuum_enabled = off)`
  keeper = statisticsKeeper(h.sql, silentLogger(), { minRows: 3, quietMs: 50 })
  h.deps.rowsImported = (rows) => {
    analysed.push(rows)
    keeper.imported(rows)
  }
})
afterAll(async () => {
  await keeper.stop()
  await h.sql`alter table catalog.products reset (autovacuum_enabled)`
})

/** What the planner believes the products table holds, and what it holds. */
const plannerView = async () => {
  const [row] = await h.sql<{ believed: number; actual: number }[]>`
    select (select reltuples from pg_class where oid = 'catalog.products'::regclass)::int as believed,
           (select count(*) from catalog.products)::int as actual`
  return row!
}

/** The planner's view once it agrees with the table, or after two seconds. */
const untilAnalysed = async () => {
  let view = await plannerView()
  for (let i = 0; i < 40 && view.believed !== view.actual; i++) {
    await Bun.sleep(50)
    view = await plannerView()
  }
  return view
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
  const view = await untilAnalysed()
  expect(view.believed).toBe(view.actual)
  expect(analysed).toEqual([2, 5])
})

/** Merges the pending lists of the catalog's GIN indexes now; the number of pending pages there were. */
const mergePending = async () => {
  const [row] = await h.sql<{ pages: number }[]>`
    select coalesce(sum(gin_clean_pending_list(i.indexrelid::regclass)), 0)::int as pages
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
    where a.amname = 'gin' and c.relnamespace = 'catalog'::regnamespace`
  return row!.pages
}

test('search indexes keep short pending lists, and a large import leaves none behind', async () => {
  const options = await h.sql<{ relname: string; reloptions: string[] | null }[]>`
    select c.relname, c.reloptions from pg_index i join pg_class c on c.oid = i.indexrelid
    join pg_am a on a.oid = c.relam where a.amname = 'gin' and c.relnamespace = 'catalog'::regnamespace`
  expect(options.map((o) => o.relname).sort()).toEqual([
    'products_category_ids_idx',
    'products_name_trgm_idx',
    'products_name_words_idx',
    'products_option_keys_idx',
    'products_search_idx',
  ])
  for (const o of options) expect(o.reloptions).toContain('gin_pending_list_limit=256')

  // Below the threshold: the new products' index entries wait in the pending lists. They start empty, so the
  // earlier tests' rows cannot bring them to their limit here (an insert past it merges them itself).
  await mergePending()
  expect((await importRows(2)).status).toBe(200)
  await Bun.sleep(150)
  expect(await mergePending()).toBeGreaterThan(0)

  // Above it: once the import goes quiet the keeper analyses and merges them.
  expect((await importRows(5)).status).toBe(200)
  const view = await untilAnalysed()
  expect(view.believed).toBe(view.actual)
  await keeper.stop() // waits for the refresh under way
  expect(await mergePending()).toBe(0)
})

test('pending lists are also merged on a schedule, whatever the imports', async () => {
  // Told of each scheduled merge: after one that began after the import, nothing is left to merge.
  const merges: number[] = []
  const base = silentLogger()
  const logger = new Proxy(base, {
    get: (target, key) =>
      key === 'debug'
        ? (_obj: object, msg: string) => {
            if (msg === 'search index pending lists merged') merges.push(Date.now())
          }
        : Reflect.get(target, key),
  })
  const periodic = statisticsKeeper(h.sql, logger, { minRows: 1_000_000, mergeEveryMs: 100 })
  try {
    expect((await importRows(2)).status).toBe(200)
    const imported = Date.now()
    for (let i = 0; i < 50 && !merges.some((at) => at > imported + 150); i++) await Bun.sleep(50)
    expect(await mergePending()).toBe(0)
  } finally {
    await periodic.stop()
  }
})
