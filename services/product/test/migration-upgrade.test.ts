import { afterAll, afterEach, beforeEach, expect, test } from 'bun:test'
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from '@myshop/db'
import { type OwnTestDatabase, openTestDatabase } from '@myshop/testing'
import { postgresSearch } from '../src/search/postgres-repository.ts'
import {
  catalogMigrations,
  generatedCatalog,
  insertProducts,
  productId,
  seedCatalog,
} from './search-fixtures.ts'

// Each test upgrades a database of its own from the migration before the one it is about, checks what that
// migration did to the rows, then upgrades to the current schema, which the search engine of this release reads.
let db: OwnTestDatabase
const dirs: string[] = []
beforeEach(async () => {
  db = await openTestDatabase()
}, 60_000)
afterEach(async () => {
  await db.close()
})
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** A directory with the catalog's migrations up to and including `last`. */
const migrationsUpTo = (last: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'myshop-migrations-'))
  dirs.push(dir)
  for (const file of readdirSync(catalogMigrations).sort())
    if (file.slice(0, 4) <= last) copyFileSync(join(catalogMigrations, file), join(dir, file))
  return dir
}

const upgradeToCurrent = () => migrate(db.sql, 'catalog', catalogMigrations)

test('folding and signatures (0010) upgrade a catalog that already has products', async () => {
  await migrate(db.sql, 'catalog', migrationsUpTo('0009'))
  await seedCatalog(db.sql, generatedCatalog(60))
  const torch = productId('upgrade')
  await insertProducts(db.sql, [{ id: torch, name: 'Crème Brûlée Torch', brand: 'Flambé' }])

  const result = await migrate(db.sql, 'catalog', migrationsUpTo('0010'))
  expect(result.applied).toEqual(['0010_folded_search'])

  // Every existing row got its folded name, vector, count and signature from the rewrite.
  const [missing] = await db.sql<{ n: number }[]>`
    select count(*)::int as n from catalog.products
    where search_name is null or search is null or name_trigrams is null or name_trigram_signature is null`
  expect(missing!.n).toBe(0)
  const [row] = await db.sql<{ searchName: string }[]>`
    select search_name as "searchName" from catalog.products where id = ${torch}`
  expect(row!.searchName).toBe('creme brulee torch')

  await upgradeToCurrent()
  const engine = postgresSearch(db.sql)
  const found = await engine.search({ q: 'creme brulee', sort: 'relevance', limit: 5 })
  expect(found.ids[0]).toBe(torch)
  // Suggestions are names: the brand alone suggests nothing.
  expect(await engine.suggest('flambe', 3)).toEqual([])
  expect((await engine.suggest('creme', 3))[0]).toBe('Crème Brûlée Torch')
})

test("variants' option values (0012) become searchable for products that already have them", async () => {
  await migrate(db.sql, 'catalog', migrationsUpTo('0011'))
  const jacket = productId('upgrade')
  await insertProducts(db.sql, [{ id: jacket, name: 'Storm Shell Jacket', brand: 'Northline' }])
  await db.sql`
    insert into catalog.variants (id, product_id, sku, options, price_amount, currency, position)
    values (${`var_${jacket}_s`}, ${jacket}, ${`${jacket}-S`}, ${db.sql.json({ Size: 'S', Colour: 'Navy' })}, 9900, 'EUR', 0),
           (${`var_${jacket}_m`}, ${jacket}, ${`${jacket}-M`}, ${db.sql.json({ Size: 'M', Colour: 'Navy' })}, 9900, 'EUR', 1)`

  const result = await migrate(db.sql, 'catalog', migrationsUpTo('0012'))
  expect(result.applied).toEqual(['0012_variant_option_search'])
  const [row] = await db.sql<{ terms: string }[]>`
    select variant_terms as terms from catalog.products where id = ${jacket}`
  expect(row!.terms).toBe('M Navy S')

  await upgradeToCurrent()
  const engine = postgresSearch(db.sql)
  expect((await engine.search({ q: 'navy jacket', sort: 'relevance', limit: 5 })).ids).toEqual([jacket])
  // From now on the variants' triggers keep the terms: a changed option is found, the old one no longer.
  await db.sql`update catalog.variants set options = ${db.sql.json({ Size: 'M', Colour: 'Sage' })}
    where product_id = ${jacket} and sku = ${`${jacket}-M`}`
  expect((await engine.search({ q: 'sage jacket', sort: 'relevance', limit: 5 })).ids).toEqual([jacket])
  await db.sql`delete from catalog.variants where product_id = ${jacket} and sku = ${`${jacket}-S`}`
  expect((await engine.search({ q: 'navy jacket', sort: 'relevance', limit: 5 })).ids).toEqual([])
})

test('option facets (0013) count and filter the variants products already have, browsing and searching', async () => {
  await migrate(db.sql, 'catalog', migrationsUpTo('0012'))
  await seedCatalog(db.sql, generatedCatalog(60))
  const id = productId('upgrade')
  await insertProducts(db.sql, [{ id, name: 'Storm Shell Jacket', brand: 'Northline' }])
  await db.sql`
    insert into catalog.variants (id, product_id, sku, options, price_amount, currency, position)
    values (${`var_${id}_m`}, ${id}, ${`${id}-M`}, ${db.sql.json({ Size: 'M', Colour: 'Sage' })}, 9900, 'EUR', 0)`
  const before = (
    await db.sql<{ n: number }[]>`select count(*)::int as n from catalog.products
    where status = 'active'`
  )[0]!.n
  const result = await migrate(db.sql, 'catalog', migrationsUpTo('0013'))
  expect(result.applied).toEqual(['0013_option_facets'])
  const [jacket] = await db.sql<{ id: string; pairs: string[] }[]>`
    select id, option_values as pairs from catalog.products where name = 'Storm Shell Jacket'`
  expect(jacket!.pairs).toEqual(['Colour\u001fSage', 'Size\u001fM'])

  const engine = postgresSearch(db.sql)
  // A browse counts from the groups, rebuilt with the products' options; a search counts the matches.
  const jackets = await engine.search({ q: 'storm shell jacket', sort: 'newest', limit: 5 })
  expect(jackets.total).toBe(1)
  expect(jackets.facets.options).toEqual([
    { name: 'colour', label: 'Colour', values: [{ value: 'sage', label: 'Sage', count: 1 }] },
    { name: 'size', label: 'Size', values: [{ value: 'm', label: 'M', count: 1 }] },
  ])
  const all = await engine.search({ sort: 'newest', limit: 5 })
  expect(all.total).toBe(before)
  expect(all.facets.options.length).toBeGreaterThan(2)
  for (const q of [undefined, 'storm shell jacket']) {
    const sage = await engine.search({
      ...(q && { q }),
      options: [{ name: 'colour', values: ['SAGE'] }],
      sort: 'newest',
      limit: 5,
    })
    expect({ ids: sage.ids, total: sage.total }).toEqual({ ids: [jacket!.id], total: 1 })
  }
})

test('set-based derivations (0014) keep the same terms, option pairs and category ids as the per-product functions', async () => {
  await migrate(db.sql, 'catalog', migrationsUpTo('0013'))
  await seedCatalog(db.sql, generatedCatalog(120))
  const result = await migrate(db.sql, 'catalog', migrationsUpTo('0014'))
  expect(result.applied).toEqual(['0014_set_based_derivations'])

  /** Products whose stored values differ from what the per-product functions (0005, 0012, 0013) work out. */
  const drifted = async () =>
    (
      await db.sql<{ id: string }[]>`
    select id from catalog.products p
    where p.variant_terms is distinct from catalog.variant_terms(p.id)
      or p.option_values is distinct from catalog.variant_option_values(p.id)
      or p.category_ids is distinct from catalog.linked_category_ids(p.id)`
    ).map((r) => r.id)
  const pairsOf = async (id: string) =>
    (
      await db.sql<{ terms: string; pairs: string[]; categories: string[] }[]>`
        select variant_terms as terms, option_values as pairs, category_ids as categories
        from catalog.products where id = ${id}`
    )[0]!
  expect(await drifted()).toEqual([])

  // Several products in one statement, with spellings that fold alike and a value shared by two options.
  const [a, b, c] = [productId('set'), productId('set'), productId('set')]
  await insertProducts(db.sql, [
    {
      id: a,
      name: 'Trail Shoe',
      categories: ['cat_sports'],
      variants: [
        { Size: '42', Colour: 'Navy' },
        { Size: '43', Colour: 'navy' },
        { Size: 'M', Colour: 'Crème' },
      ],
    },
    {
      id: b,
      name: 'Kettle',
      categories: ['cat_kitchen', 'cat_tv'],
      variants: [{ Colour: 'Creme' }, { Colour: 'Crème' }],
    },
    { id: c, name: 'Plain Mug', categories: ['cat_kitchen'] },
  ])
  expect(await pairsOf(a)).toEqual({
    terms: '42 43 Crème M Navy navy',
    pairs: ['Colour\u001fCrème', 'Colour\u001fNavy', 'Size\u001f42', 'Size\u001f43', 'Size\u001fM'],
    categories: ['cat_sports'],
  })
  expect(await pairsOf(b)).toMatchObject({ terms: 'Creme Crème', pairs: ['Colour\u001fCreme'] })
  expect(await pairsOf(c)).toEqual({ terms: '', pairs: [], categories: ['cat_kitchen'] })

  // Changed options, a variant moved to another product, deleted variants and links, links added.
  await db.sql`update catalog.variants set options = ${db.sql.json({ Size: 'L', Colour: 'Red' })}
    where product_id = ${a} and position = 2`
  await db.sql`update catalog.variants set product_id = ${c} where product_id = ${b} and position = 1`
  await db.sql`delete from catalog.variants where product_id = ${b}`
  await db.sql`delete from catalog.product_categories where product_id = ${b} and category_id = 'cat_tv'`
  await db.sql`insert into catalog.product_categories (product_id, category_id) values (${c}, 'cat_tv')`
  expect(await pairsOf(a)).toMatchObject({ terms: '42 43 L Navy Red navy' })
  expect(await pairsOf(b)).toEqual({ terms: '', pairs: [], categories: ['cat_kitchen'] })
  expect(await pairsOf(c)).toEqual({
    terms: 'Crème',
    pairs: ['Colour\u001fCrème'],
    categories: ['cat_kitchen', 'cat_tv'],
  })
  expect(await drifted()).toEqual([])
})
