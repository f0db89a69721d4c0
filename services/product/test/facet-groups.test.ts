import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { OwnTestDatabase } from '@myshop/testing'
import { optionPairsOf } from '../src/products/model.ts'
import { priceBuckets } from '../src/search/engine.ts'
import { postgresSearch, wholeBuckets } from '../src/search/postgres-repository.ts'
import { generatedCatalog, insertProducts, openSeededCatalog, productId } from './search-fixtures.ts'

// The browse counts come from groups the catalog keeps as it is written. These tests write the tables directly,
// the way no service path does, to hold the triggers to every kind of change: the groups must always sum to
// what a count over the products says.

let db: OwnTestDatabase

beforeAll(async () => {
  db = await openSeededCatalog(generatedCatalog(120, 7))
}, 60_000)
afterAll(() => db.close())

type Group = {
  brand: string | null
  category_ids: string[]
  bucket: number | null
  option_values: string[]
  n: number
}
const key = (g: Omit<Group, 'n'>) => JSON.stringify([g.brand, g.category_ids, g.bucket, g.option_values])

/** The groups as kept (deltas summed), without empty ones. */
const kept = async () => {
  const rows = await db.sql<Group[]>`
    select brand, category_ids, bucket, option_values, sum(n)::bigint as n from catalog.product_facet_groups
    group by 1, 2, 3, 4 having sum(n) <> 0`
  return new Map(rows.map((g) => [key(g), Number(g.n)]))
}

/**
 * The groups counted from the products themselves, with the bucket worked out here from `priceBuckets` and the
 * option pairs from the variants as the model pairs them (`optionPairsOf`).
 */
const counted = async () => {
  const rows = await db.sql<
    {
      brand: string | null
      category_ids: string[]
      price: number | null
      options: Record<string, string>[]
    }[]
  >`
    select brand, category_ids, min_price_amount as price,
      coalesce((select json_agg(v.options) from catalog.variants v where v.product_id = p.id), '[]') as options
    from catalog.products p where status = 'active'`
  const groups = new Map<string, number>()
  for (const r of rows) {
    let bucket: number | null = null
    if (r.price !== null && r.price >= 0)
      bucket = priceBuckets.filter((from) => Number(r.price) >= from).length
    const option_values = optionPairsOf(r.options)
    const k = key({ brand: r.brand, category_ids: r.category_ids, bucket, option_values })
    groups.set(k, (groups.get(k) ?? 0) + 1)
  }
  return groups
}

const rowCount = async () =>
  Number((await db.sql<{ n: number }[]>`select count(*)::int as n from catalog.product_facet_groups`)[0]!.n)

describe('facet groups', () => {
  test('the price bucket of every boundary and between them agrees with the facets’ buckets', async () => {
    const amounts = [null, 0, 1, ...priceBuckets.flatMap((b) => [b - 1, b, b + 1]), 10_000_000]
    const rows = await db.sql<{ amount: number | null; bucket: number | null }[]>`
      select a as amount, catalog.price_bucket(a) as bucket from unnest(${amounts}::bigint[]) a`
    for (const { amount, bucket } of rows) {
      const expected =
        amount === null || amount < 0 ? null : priceBuckets.filter((b) => Number(amount) >= b).length
      expect({ amount, bucket }).toEqual({ amount, bucket: expected })
    }
  })

  test('a price range is counted from the groups only when it is a run of whole buckets', () => {
    expect(wholeBuckets()).toEqual([1, priceBuckets.length])
    expect(wholeBuckets(0)).toEqual([1, priceBuckets.length])
    expect(wholeBuckets(1_000, 2_499)).toEqual([2, 2])
    expect(wholeBuckets(undefined, 999)).toEqual([1, 1])
    expect(wholeBuckets(100_000)).toEqual([priceBuckets.length, priceBuckets.length])
    expect(wholeBuckets(1_000, 2_500)).toBeNull()
    expect(wholeBuckets(1_001)).toBeNull()
    expect(wholeBuckets(2_500, 999)).toBeNull()
    expect(wholeBuckets(undefined, -1)).toBeNull()
  })

  test('start equal to a count over the products', async () => {
    expect(await kept()).toEqual(await counted())
  })

  test('follow every kind of write, one statement at a time and in bulk', async () => {
    const { sql } = db
    const fresh = [
      { id: productId('fg'), name: 'Group Lamp', brand: 'Lumo', price: 900, categories: ['cat_lighting'] },
      { id: productId('fg'), name: 'Group Kettle', brand: 'lumo', price: 4_000, categories: ['cat_kitchen'] },
      { id: productId('fg'), name: 'Group Draft', brand: 'Lumo', price: 4_000, status: 'draft' as const },
      { id: productId('fg'), name: 'Group Free', brand: null, price: null, categories: ['cat_sports'] },
    ]
    await insertProducts(sql, fresh)
    expect(await kept()).toEqual(await counted())

    const [lamp, kettle, draft, free] = fresh.map((p) => p.id)
    // Across price buckets, brands, statuses and categories, and back.
    await sql`update catalog.products set min_price_amount = 30000 where id = ${lamp!}`
    await sql`update catalog.products set brand = 'Other' where id = ${kettle!}`
    await sql`update catalog.products set status = 'active' where id = ${draft!}`
    await sql`update catalog.products set status = 'archived' where id = ${kettle!}`
    await sql`update catalog.products set min_price_amount = 2000, currency = 'EUR' where id = ${free!}`
    await sql`insert into catalog.product_categories (product_id, category_id) values (${lamp!}, 'cat_kitchen')`
    await sql`delete from catalog.product_categories where product_id = ${free!}`
    // Nothing that places a product in a group: no rows are written for it.
    const before = await rowCount()
    await sql`update catalog.products set name = name || ' II', description = 'renamed' where id = ${lamp!}`
    expect(await rowCount()).toBe(before)
    expect(await kept()).toEqual(await counted())

    // Bulk: one statement moving many products, then one deleting several.
    // Variants: options added, changed, moved to another product and removed move their products between groups.
    await sql`insert into catalog.variants (id, product_id, sku, options, price_amount, currency) values
      ('fg_v1', ${lamp!}, 'FG-1', '{"Colour":"Navy"}', 900, 'EUR'),
      ('fg_v2', ${lamp!}, 'FG-2', '{"Colour":"navy","Size":"M"}', 900, 'EUR'),
      ('fg_v3', ${free!}, 'FG-3', '{"Colour":"Crème"}', 2000, 'EUR')`
    expect(await kept()).toEqual(await counted())
    await sql`update catalog.variants set options = '{"Colour":"Red"}' where id = 'fg_v1'`
    await sql`update catalog.variants set product_id = ${free!} where id = 'fg_v2'`
    expect(await kept()).toEqual(await counted())
    await sql`delete from catalog.variants where id in ('fg_v1', 'fg_v3')`
    expect(await kept()).toEqual(await counted())

    await sql`update catalog.products set min_price_amount = min_price_amount + 1500 where brand = 'Sony'`
    await sql`update catalog.products set status = case when status = 'active' then 'draft' else 'active' end
      where id in (select id from catalog.products order by id limit 40)`
    await sql`delete from catalog.products where id in (select id from catalog.products order by id desc limit 15)`
    expect(await kept()).toEqual(await counted())
  })

  test('compaction keeps the counts and leaves one row per group', async () => {
    const { sql } = db
    const before = await kept()
    expect(await rowCount()).toBeGreaterThan(before.size)
    await sql`select catalog.compact_product_facet_groups()`
    expect(await kept()).toEqual(before)
    expect(await rowCount()).toBe(before.size)
    // Again, with nothing to fold: unchanged.
    await sql`select catalog.compact_product_facet_groups()`
    expect(await rowCount()).toBe(before.size)
  })

  test('writers and compactions running together leave exact counts', async () => {
    const { sql } = db
    const ids = (await sql<{ id: string }[]>`select id from catalog.products order by id limit 30`).map(
      (r) => r.id,
    )
    const writer = async (offset: number) => {
      for (let i = 0; i < 25; i++) {
        const id = ids[(offset * 7 + i) % ids.length]!
        await sql.begin(async (tx) => {
          await tx`update catalog.products set min_price_amount = ${((i * 977 + offset * 3_001) % 60_000) + 1}
            where id = ${id}`
          if (i % 3 === 0)
            await tx`update catalog.products
              set status = case when status = 'active' then 'draft' else 'active' end where id = ${id}`
        })
      }
    }
    const compactor = async () => {
      for (let i = 0; i < 10; i++) await sql`select catalog.compact_product_facet_groups()`
    }
    await Promise.all([writer(0), writer(1), writer(2), writer(3), compactor(), compactor()])
    expect(await kept()).toEqual(await counted())
  })

  test('a browse counts from the groups and folds them once they pile up', async () => {
    const { sql } = db
    const engine = postgresSearch(sql)
    await sql`select catalog.compact_product_facet_groups()`
    const groups = await rowCount()
    // Each statement appends the two rows of one product leaving a group and entering another.
    const active = await sql<{ id: string }[]>`select id from catalog.products where status = 'active'`
    const id = active[0]!.id
    for (let i = 0; i < 1_100; i++)
      await sql`update catalog.products set min_price_amount = ${i % 2 === 0 ? 500 : 60_000} where id = ${id}`
    expect(await rowCount()).toBeGreaterThan(2_000)

    const truth = await sql<
      { n: number }[]
    >`select count(*)::int as n from catalog.products where status = 'active'`
    const result = await engine.search({ sort: 'newest', limit: 5 })
    expect(result.total).toBe(truth[0]!.n)
    // The compaction runs behind the answer.
    for (let i = 0; i < 100 && (await rowCount()) > groups + 2; i++) await Bun.sleep(50)
    expect(await rowCount()).toBeLessThanOrEqual(groups + 2)
    expect(await kept()).toEqual(await counted())
    // And vacuumed after the fold.
    const vacuumed = async () =>
      (
        await sql<{ at: Date | null }[]>`
          select last_vacuum as at from pg_stat_user_tables
          where relid = 'catalog.product_facet_groups'::regclass`
      )[0]?.at ?? null
    for (let i = 0; i < 100 && !(await vacuumed()); i++) await Bun.sleep(50)
    expect(await vacuumed()).not.toBeNull()
  }, 60_000)

  test('an emptied catalog has no groups, and counts again from its next product', async () => {
    const { sql } = db
    await sql`truncate catalog.products cascade`
    expect(await rowCount()).toBe(0)
    await insertProducts(sql, [{ id: productId('fg'), name: 'After Truncate', brand: 'Lumo', price: 1_200 }])
    expect(await kept()).toEqual(await counted())
    expect([...(await kept()).values()]).toEqual([1])
  })
})
