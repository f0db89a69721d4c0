import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { AppError } from '@myshop/errors'
import type { OwnTestDatabase } from '@myshop/testing'
import {
  type OptionFilter,
  priceBuckets,
  type SearchEngine,
  type SearchFacets,
  type SearchQuery,
} from '../src/search/engine.ts'
import { postgresSearch } from '../src/search/postgres-repository.ts'
import {
  baseTime,
  categoryTree,
  generatedCatalog,
  insertProducts,
  known,
  openSeededCatalog,
  productId,
} from './search-fixtures.ts'

let db: OwnTestDatabase
let engine: SearchEngine

beforeAll(async () => {
  db = await openSeededCatalog(generatedCatalog(300))
  engine = postgresSearch(db.sql)
}, 60_000)
afterAll(() => db.close())

const search = (query: Partial<SearchQuery>) => engine.search({ sort: 'relevance', limit: 20, ...query })

/** Every id of a search, page by page; `between` runs after each page (to change the catalog meanwhile). */
const walk = async (query: Partial<SearchQuery>, limit = 7, between?: (page: number) => Promise<void>) => {
  const ids: string[] = []
  let cursor: string | undefined
  for (let page = 0; page < 1000; page++) {
    const result = await search({ ...query, limit, ...(cursor && { cursor }) })
    ids.push(...result.ids)
    if (!result.nextCursor) return ids
    expect(result.ids).toHaveLength(limit)
    cursor = result.nextCursor
    await between?.(page)
  }
  throw new Error('pagination did not end')
}

const descendants = (id: string): string[] => [
  id,
  ...categoryTree.filter((c) => c.parentId === id).flatMap((c) => descendants(c.id)),
]

interface Filter {
  category?: string
  brand?: string
  minPrice?: number
  maxPrice?: number
  options?: OptionFilter[]
}

/** The filtered active products, written the plain way, independently of the engine's SQL. */
const groundTruth = async ({ category, brand, minPrice, maxPrice, options = [] }: Filter) => {
  const { sql } = db
  // Each option: one of the product's variants has it with one of the values, compared folded.
  const hasOptions = options.map(
    ({ name, values }) => sql`and exists (
      select from catalog.variants v, jsonb_each_text(v.options) o
      where v.product_id = p.id and catalog.fold(o.key) = catalog.fold(${name})
        and catalog.fold(o.value) in (select catalog.fold(x) from unnest(${values}::text[]) x))`,
  )
  const rows = await sql<{ id: string; brand: string | null; price: number | null }[]>`
    select id, brand, min_price_amount as price from catalog.products p
    where status = 'active'
      and (${category ?? null}::text is null or exists (
        select from catalog.product_categories pc
        where pc.product_id = p.id and pc.category_id = any(${category ? descendants(category) : []}::text[])))
      and (${brand ?? null}::text is null or lower(brand) = lower(${brand ?? null}::text))
      and (${minPrice ?? null}::bigint is null or min_price_amount >= ${minPrice ?? null}::bigint)
      and (${maxPrice ?? null}::bigint is null or min_price_amount <= ${maxPrice ?? null}::bigint)
      ${hasOptions.reduce((all, one) => sql`${all} ${one}`, sql``)}
  `
  return rows
}

/**
 * The option facets of some products, from their variants: each folded (name, value) pair with the number of products
 * having it, labelled by its most frequent spelling (a product's spelling of a pair being the first of its variants'
 * in byte order; ties to the first in byte order); an option is labelled as its most frequent value is.
 */
const optionFacetsOf = async (ids: string[]) => {
  const rows = await db.sql<{ name: string; value: string; label: string; count: number }[]>`
    with held as (
      select v.product_id, catalog.fold(o.key) as name, catalog.fold(o.value) as value,
        min(o.key || E'\x1f' || o.value collate "C") as spelling
      from catalog.variants v, jsonb_each_text(v.options) o
      where v.product_id = any(${ids}::text[])
      group by 1, catalog.fold(o.key || E'\x1f' || o.value), 2, 3
    ),
    spelled as (select name, value, spelling, count(*) as n from held group by 1, 2, 3)
    select name, value, (array_agg(spelling order by n desc, spelling collate "C"))[1] as label,
      sum(n)::int as count
    from spelled group by 1, 2`
  const byCount = (a: { count: number; value: string }, b: { count: number; value: string }) =>
    b.count - a.count || (a.value < b.value ? -1 : 1)
  const names = [...new Set(rows.map((r) => r.name))].map((name) => {
    const values = rows
      .filter((r) => r.name === name)
      .map(({ value, label, count }) => ({ value, label, count }))
      .sort(byCount)
    const [nameLabel] = values[0]!.label.split('\u001f')
    return {
      name,
      label: nameLabel!,
      values: values.map((v) => ({ ...v, label: v.label.split('\u001f')[1]! })),
    }
  })
  return names.sort((a, b) =>
    byCount({ count: a.values[0]!.count, value: a.name }, { count: b.values[0]!.count, value: b.name }),
  )
}

/** A result's facets against the plain counts of the same products. */
/**
 * A result's facets against the plain counts: the total and every facet over the products that pass every filter
 * (`idsFor(options)`), but an option filtered on, whose values are counted over the products that pass every other
 * filter (`idsFor` without it), so that its other values show what they would add.
 */
const sameFacets = async (
  facets: SearchFacets,
  options: OptionFilter[],
  idsFor: (options: OptionFilter[]) => Promise<string[]>,
) => {
  const ids = await idsFor(options)
  const { options: got, ...rest } = facets
  const { options: _, ...expected } = await facetsOf(ids)
  expect(rest).toEqual(expected)
  let expectedOptions = await optionFacetsOf(ids)
  for (const [i, option] of options.entries()) {
    const name = option.name.toLowerCase()
    const others = await optionFacetsOf(await idsFor(options.filter((_, j) => j !== i)))
    expectedOptions = [
      ...expectedOptions.filter((o) => o.name !== name),
      ...others.filter((o) => o.name === name),
    ]
  }
  const top = (o: { name: string; values: { count: number }[] }) => o.values[0]!.count
  expectedOptions.sort((a, b) => top(b) - top(a) || (a.name < b.name ? -1 : 1))
  expect(got).toEqual(expectedOptions)
}

const facetsOf = async (ids: string[]) => {
  const { sql } = db
  const brands = await sql<{ value: string; label: string; count: number }[]>`
    select lower(brand) as value, min(brand) as label, count(*) as count from catalog.products
    where id = any(${ids}::text[]) and brand is not null group by 1`
  const categories = await sql<{ value: string; label: string; count: number }[]>`
    select c.id as value, c.path as label, count(*) as count from catalog.product_categories pc
    join catalog.categories c on c.id = pc.category_id
    where pc.product_id = any(${ids}::text[]) group by 1, 2`
  const prices = await sql<{ price: number }[]>`
    select min_price_amount as price from catalog.products
    where id = any(${ids}::text[]) and min_price_amount is not null`
  const byCount = <T extends { value: string; count: number }>(xs: T[]) =>
    [...xs].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
  return {
    brands: byCount(brands).map(({ value, label, count }) => ({ value, label, count })),
    categories: byCount(categories).map(({ value, label, count }) => ({ value, label, count })),
    options: [],
    prices: priceBuckets.map((from, i) => {
      const to = priceBuckets[i + 1] ?? null
      return {
        from,
        to,
        count: prices.filter((p) => p.price >= from && (to === null || p.price < to)).length,
      }
    }),
  }
}

describe('postgres search: relevance', () => {
  test('an exact name comes first', async () => {
    const result = await search({ q: 'iPhone 15' })
    expect(result.ids[0]).toBe(known.iphone15.id)
    expect(result.ids).toContain(known.iphone15Pro.id)
    expect(result.ids).toContain(known.iphoneCase.id)
  })

  test('a typo finds the product ("iphnoe" → iPhone 15)', async () => {
    const result = await search({ q: 'iphnoe' })
    expect(result.ids.slice(0, 3).sort()).toEqual(
      [known.iphone15.id, known.iphone15Pro.id, known.iphoneCase.id].sort(),
    )
    expect(result.ids[0]).toBe(known.iphone15.id)
  })

  test('a word being typed matches as a prefix ("galax")', async () => {
    const result = await search({ q: 'galax' })
    expect(result.ids).toEqual(
      expect.arrayContaining([known.galaxyS24.id, known.galaxyA55.id, known.galaxyTab.id]),
    )
    // Names first, the description that mentions a galaxy last.
    expect(result.ids.at(-1)).toBe(known.galaxyProjector.id)
  })

  test('every word of a multi-word query matters ("samsung galaxy")', async () => {
    const result = await search({ q: 'samsung galaxy' })
    expect(result.ids.slice(0, 2).sort()).toEqual([known.galaxyS24.id, known.galaxyA55.id].sort())
    expect(result.ids).toContain(known.galaxyTab.id)
    // Samsung without galaxy, or galaxy without Samsung, is not what was asked for.
    expect(result.ids).not.toContain(known.samsungTv.id)
    expect(result.ids).not.toContain(known.galaxyProjector.id)
  })

  test('a name match outranks a description match', async () => {
    const result = await search({ q: 'aurora' })
    expect(result.ids).toEqual([known.auroraLamp.id, known.lampWithAurora.id])
  })

  test('relevance pages, walked at any size, are the ranking of every match scored at once', async () => {
    // Pages of 1, 3 and 7 reach the later scoring rounds (2, 8 and 32 pages deep, then the rest); one page
    // larger than the matches scores every match in its first round.
    const queries = [
      'smart',
      'pro charger',
      'sony headphones',
      'kettel',
      'compact',
      'mini 1',
      'iphone',
      'café',
    ]
    for (const q of queries) {
      const everything = await search({ q, limit: 1000 })
      expect(everything.nextCursor).toBeNull()
      for (const limit of [1, 3, 7])
        expect({ q, limit, ids: await walk({ q }, limit) }).toEqual({ q, limit, ids: everything.ids })
    }
    expect((await search({ q: 'everyday', limit: 1000 })).ids.length).toBeGreaterThan(64)
    // About 400 searches, one page of one product at a time among them: 4 to 5 s on embedded PostgreSQL.
  }, 30_000)

  test("a name's trigram signature never counts fewer shared trigrams than the name has with a query", async () => {
    await insertProducts(db.sql, [
      { id: productId('sig'), name: 'Café Crème Brûlée Ærø Straße', status: 'draft' },
      { id: productId('sig'), name: 'ÜBER Ñandú 12½', status: 'archived' },
    ])
    // The bound that spares scoring most matches is only sound if this holds for every name and query.
    const rows = await db.sql<
      { q: string; name: string; similarity: number; wordSimilarity: number; common: number }[]
    >`
      with queries(q) as (
        values ('iphone 15'), ('iphnoe'), ('galax'), ('samsung galaxy'), ('smart pro charger'), ('café crème'),
          ('x'), ('1'), ('sony headphones 123'), ('kettel'), ('ÜBER ñandú'), ('a-b c''d')
      ),
      t as (
        select q, catalog.fold(q) as lq, cardinality(show_trgm(catalog.fold(q))) as qt,
          catalog.trigram_signature(catalog.fold(q)) as sig, bit_count(catalog.trigram_signature(catalog.fold(q))) as bits
        from queries
      )
      select t.q, p.name, similarity(p.search_name, t.lq) as similarity,
        word_similarity(t.lq, p.search_name) as "wordSimilarity",
        least(bit_count(p.name_trigram_signature & t.sig) + t.qt - t.bits, p.name_trigrams, t.qt)::float8 as common,
        p.name_trigrams as nt, t.qt
      from catalog.products p cross join t
    `
    expect(rows.length).toBeGreaterThan(3000)
    const loose: unknown[] = []
    for (const r of rows as unknown as {
      q: string
      name: string
      similarity: number
      wordSimilarity: number
      common: number
      nt: number
      qt: number
    }[]) {
      const similarityBound = r.common / Math.max(r.nt + r.qt - r.common, 1)
      const wordBound = r.common / Math.max(r.qt, 1)
      if (r.similarity > similarityBound + 1e-6 || r.wordSimilarity > wordBound + 1e-6) loose.push(r)
    }
    expect(loose).toEqual([])
    // And it is tight where it matters: a name without the query's words is bounded far below 1.
    const unrelated = rows.filter((r) => r.q === 'iphnoe' && r.similarity === 0)
    expect(unrelated.filter((r) => r.common <= 2).length / unrelated.length).toBeGreaterThan(0.9)
  })

  test('user text never reaches SQL or tsquery syntax', async () => {
    // Awaited before asserting: bun's `expect(promise).resolves` stalls the embedded database served from this
    // same process for seconds.
    // Folding can turn a letter into punctuation ("ʼ" into an apostrophe, "½" into " 1/2"), so folded text must
    // stay out of tsquery and LIKE syntax too.
    const odd = [
      "'; drop table catalog.products; --",
      'a & b | !c:* (',
      '"unclosed',
      '%_\\',
      '-',
      '🙂',
      'ʼ',
      'ʼ½ ﬁ ǅ',
    ]
    for (const q of odd) {
      expect(await search({ q })).toMatchObject({ ids: expect.any(Array) })
      expect(await engine.suggest(q, 5)).toEqual(expect.any(Array))
      // Option names and values too, on a browse (the facet groups) and a search (the matches).
      for (const extra of [{}, { q: 'smart' }]) {
        const filtered = await search({ ...extra, options: [{ name: q, values: [q, 'navy'] }] })
        expect({ q, total: filtered.total }).toEqual({ q, total: 0 })
      }
    }
    expect(await engine.suggest("%'_\\", 5)).toEqual([])
    expect((await search({})).total).toBeGreaterThan(200)
  })
})

describe('postgres search: only active products', () => {
  test('drafts and archived products are never returned, counted or suggested', async () => {
    const iphones = await walk({ q: 'iphone' })
    expect(iphones).not.toContain(known.draftIphone.id)
    expect(iphones).not.toContain(known.archivedIphone.id)
    const zephyr = await search({ q: 'zephyr' })
    expect(zephyr).toMatchObject({ ids: [], total: 0, nextCursor: null })
    const all = await search({})
    expect(all.facets.brands.map((b) => b.value)).not.toContain('zephyr')
    expect(all.total).toBe((await groundTruth({})).length)
    const suggestions = await engine.suggest('iph', 10)
    expect(suggestions).not.toContain('iPhone 16 Prototype')
    expect(suggestions).not.toContain('iPhone 12 Classic')
    expect(await engine.suggest('zephyr', 10)).toEqual([])
  })
})

describe('postgres search: filters and facets', () => {
  const combos: Filter[] = [
    {},
    { category: 'cat_electronics' },
    { category: 'cat_phones' },
    { brand: 'SONY' },
    { minPrice: 1_000, maxPrice: 50_000 },
    { category: 'cat_home', brand: 'philips', minPrice: 2_500 },
    { category: 'cat_sports', maxPrice: 999 },
    { minPrice: 1_000, maxPrice: 24_999 },
    { brand: 'sony', minPrice: 0 },
    { options: [{ name: 'Colour', values: ['navy'] }] },
    { options: [{ name: 'COLOUR', values: ['Black', 'Creme'] }], category: 'cat_electronics' },
    { options: [{ name: 'Storage', values: ['256 GB', '512 gb'] }], category: 'cat_smartphones' },
    {
      options: [
        { name: 'Size', values: ['42', 'M'] },
        { name: 'colour', values: ['Navy'] },
      ],
    },
    { options: [{ name: 'Colour', values: ['crème'] }], minPrice: 1_001, brand: 'Bosch' },
    { options: [{ name: 'Colour', values: ['Teal'] }] },
  ]
  for (const filter of combos)
    test(`total, ids and facets equal a plain count for ${JSON.stringify(filter)}`, async () => {
      const truth = await groundTruth(filter)
      const result = await search({ ...filter, limit: 5 })
      expect(result.total).toBe(truth.length)
      await sameFacets(result.facets, filter.options ?? [], async (options) =>
        (await groundTruth({ ...filter, options })).map((r) => r.id),
      )
      const ids = await walk({ ...filter, sort: 'newest' }, 60)
      expect(ids.sort()).toEqual(truth.map((r) => r.id).sort())
    })

  test('facets with a query are computed over the whole result, not the page', async () => {
    const ids = await walk({ q: 'smart', category: 'cat_electronics' }, 10)
    expect(ids.length).toBeGreaterThan(10)
    const result = await search({ q: 'smart', category: 'cat_electronics', limit: 3 })
    expect(result.total).toBe(ids.length)
    await sameFacets(result.facets, [], async () => ids)
    expect(result.facets.options.length).toBeGreaterThan(0)

    // With option filters: every page of the query is the products it matches (tested above), the reference here.
    const filters: OptionFilter[] = [
      { name: 'colour', values: ['Black'] },
      { name: 'Storage', values: ['128 GB', '512 GB'] },
    ]
    const byQuery = (options: OptionFilter[]) => walk({ q: 'smart', options }, 10)
    const filtered = await search({ q: 'smart', options: filters, limit: 3 })
    expect(filtered.total).toBe((await byQuery(filters)).length)
    expect(filtered.total).toBeGreaterThan(0)
    await sameFacets(filtered.facets, filters, byQuery)
  })

  test("an option's own values are counted without its filter, so each shows what it would add", async () => {
    const colour = [{ name: 'Colour', values: ['Navy'] }]
    const result = await search({ options: colour, limit: 5 })
    const navy = (await groundTruth({ options: colour })).length
    expect(result.total).toBe(navy)
    const colours = result.facets.options.find((o) => o.name === 'colour')!
    // Navy counts what the filter lists; the other colours count the products they would add.
    expect(colours.values.find((v) => v.value === 'navy')!.count).toBe(navy)
    const black = (await groundTruth({ options: [{ name: 'Colour', values: ['Black'] }] })).length
    expect(colours.values.find((v) => v.value === 'black')!.count).toBe(black)
    const both = await search({ options: [{ name: 'Colour', values: ['Navy', 'Black'] }], limit: 5 })
    expect(both.total).toBe(
      (await groundTruth({ options: [{ name: 'colour', values: ['navy', 'black'] }] })).length,
    )
    expect(both.total).toBeGreaterThan(navy)
  })

  test('a category includes its descendants', async () => {
    const phones = await walk({ category: 'cat_phones' }, 50)
    expect(phones).toContain(known.iphone15.id)
    expect(phones).toContain(known.iphoneCase.id)
    const smartphones = await walk({ category: 'cat_smartphones' }, 50)
    expect(smartphones).not.toContain(known.iphoneCase.id)
    expect(await walk({ category: 'cat_nope' })).toEqual([])
  })

  test('the brand filter ignores case and prices are inclusive', async () => {
    expect((await search({ q: 'galaxy', brand: 'SAMSUNG' })).ids).not.toContain(known.galaxyProjector.id)
    const exact = await search({ q: 'iphone', minPrice: 94_900, maxPrice: 94_900 })
    expect(exact.ids).toEqual([known.iphone15.id])
  })
})

describe('postgres search: sorting and pagination', () => {
  test('a page of a category or of options is the same whether the shop walk finds it or the part is read alone', async () => {
    // A walk of 3 or 40 rows in the page's order rarely holds a whole page of one category or option, so these
    // engines take the fallback nearly always; the default walk (2,000 rows) covers this whole catalog.
    const engines = [
      postgresSearch(db.sql),
      ...[3, 40].map((rows) => postgresSearch(db.sql, undefined, { categoryWalkRows: rows })),
    ]
    const pages = async (e: SearchEngine, query: Partial<SearchQuery>) => {
      const ids: string[] = []
      let cursor: string | undefined
      do {
        const r = await e.search({ sort: 'relevance', limit: 4, ...query, ...(cursor && { cursor }) })
        ids.push(...r.ids)
        cursor = r.nextCursor ?? undefined
      } while (cursor)
      return ids
    }
    const filters: Filter[] = [
      { category: 'cat_electronics' },
      { category: 'cat_phones', brand: 'sony' },
      { category: 'cat_home', minPrice: 1000, maxPrice: 90_000 },
      { category: 'cat_lighting' },
      { options: [{ name: 'colour', values: ['navy', 'black'] }] },
      { options: [{ name: 'Storage', values: ['256 GB', '512 GB'] }], category: 'cat_electronics' },
      { options: [{ name: 'Size', values: ['40', '41', '42', '43', 'M', 'L'] }], maxPrice: 150_000 },
    ]
    for (const filter of filters) {
      const truth = await groundTruth(filter)
      // The option filters make two pages at least, so that a later page's walk starts after a cursor.
      if (filter.options) expect({ filter, pages: truth.length > 4 }).toEqual({ filter, pages: true })
      const byPrice = (dir: 1 | -1) =>
        [...truth]
          .sort((a, b) =>
            a.price === b.price
              ? a.id < b.id
                ? -1
                : 1
              : a.price === null
                ? 1
                : b.price === null
                  ? -1
                  : dir * (a.price - b.price),
          )
          .map((r) => r.id)
      for (const [sort, expected] of [
        ['price_asc', byPrice(1)],
        ['price_desc', byPrice(-1)],
        ['newest', null],
      ] as const) {
        const [first = [], ...others] = await Promise.all(engines.map((e) => pages(e, { ...filter, sort })))
        if (expected) expect({ filter, sort, ids: first }).toEqual({ filter, sort, ids: expected })
        for (const ids of others) expect({ filter, sort, ids }).toEqual({ filter, sort, ids: first })
        expect(first.length).toBeGreaterThan(0)
      }
    }
  })

  const prices = async (ids: string[]) => {
    const rows = await db.sql<{ id: string; price: number | null; created: Date }[]>`
      select id, min_price_amount as price, created_at as created from catalog.products where id = any(${ids})`
    const byId = new Map(rows.map((r) => [r.id, r]))
    return ids.map((id) => byId.get(id)!)
  }

  test('price ascending, price descending (products without a price last) and newest', async () => {
    const asc = await prices(await walk({ sort: 'price_asc' }, 90))
    const desc = await prices(await walk({ sort: 'price_desc' }, 90))
    const newest = await prices(await walk({ sort: 'newest' }, 90))
    const key = (p: number | null, missing: number) => p ?? missing
    for (let i = 1; i < asc.length; i++) {
      const [a, b] = [asc[i - 1]!, asc[i]!]
      expect(key(a.price, Infinity) < key(b.price, Infinity) || (a.price === b.price && a.id < b.id)).toBe(
        true,
      )
      const [c, d] = [desc[i - 1]!, desc[i]!]
      expect(key(c.price, -1) > key(d.price, -1) || (c.price === d.price && c.id < d.id)).toBe(true)
      const [e, f] = [newest[i - 1]!, newest[i]!]
      const [te, tf] = [e.created.getTime(), f.created.getTime()]
      expect(te > tf || (te === tf && e.id > f.id)).toBe(true)
    }
    expect(asc.at(-1)!.price).toBeNull()
    expect(desc.at(-1)!.price).toBeNull()
    // Ties on the creation time exist, so the id really is the tiebreak.
    expect(new Set(newest.map((p) => p.created.getTime())).size).toBeLessThan(newest.length)
  })

  test('a cursor from another sort, or not ours, is refused', async () => {
    const first = await search({ sort: 'price_asc', limit: 2 })
    const refused = search({ sort: 'price_desc', limit: 2, cursor: first.nextCursor! })
    await expect(refused).rejects.toBeInstanceOf(AppError)
    await expect(refused).rejects.toMatchObject({ code: 'validation_failed' })
    await expect(search({ cursor: 'garbage!' })).rejects.toMatchObject({ code: 'validation_failed' })
    const forged = Buffer.from(JSON.stringify({ s: 'newest', a: [{ x: 1 }, 'id'] })).toString('base64url')
    await expect(search({ cursor: forged })).rejects.toMatchObject({ code: 'validation_failed' })
  })

  test('walking every page yields each product exactly once while products are being added', async () => {
    const queries: Partial<SearchQuery>[] = [
      { sort: 'newest' },
      { q: 'smart', sort: 'relevance' },
      { sort: 'price_asc', category: 'cat_electronics' },
      { sort: 'price_desc', brand: 'anker' },
    ]
    let n = 0
    for (const query of queries) {
      const before = await walk(query, 1000)
      // Between pages, new products that match each query land before, inside and after the walk's position.
      const seen = await walk(query, 15, async (page) => {
        const at = (minutes: number) => new Date(baseTime + (page % 2 ? 1 : -1) * minutes * 60_000)
        await insertProducts(db.sql, [
          {
            id: productId('late'),
            name: `Anker Smart Charger Late ${++n}`,
            brand: 'Anker',
            price: (n * 7_919) % 150_000,
            categories: ['cat_phone_acc'],
            createdAt: at(n * 37),
          },
          {
            id: productId('late'),
            name: `Anker Smart Cable Late ${++n}`,
            brand: 'Anker',
            price: null,
            categories: ['cat_phone_acc'],
            createdAt: at(n * 3),
          },
        ])
      })
      expect(new Set(seen).size).toBe(seen.length)
      expect(seen).toEqual(expect.arrayContaining(before))
    }
  })

  test('reindex counts, index and remove are no-ops', async () => {
    async function* batches() {
      yield [{}, {}]
      yield [{}]
    }
    const source = {
      position: async () => 0,
      // biome-ignore lint/suspicious/noExplicitAny: the Postgres engine only counts the documents
      documents: () => batches() as any,
      changesSince: async function* () {},
    }
    expect(await engine.reindex(source)).toEqual({ indexed: 3 })
  })
})

describe('postgres suggest', () => {
  test('names by prefix first, then words by prefix, then typos; only active', async () => {
    expect(await engine.suggest('iph', 3)).toEqual(['iPhone 15', 'iPhone 15 Pro', 'Clear Case for iPhone 15'])
    expect((await engine.suggest('gala', 5))[0]).toBe('Galaxy Tab S9')
    expect(await engine.suggest('gala', 5)).toEqual(
      expect.arrayContaining(['Samsung Galaxy S24', 'Samsung Galaxy A55']),
    )
    expect((await engine.suggest('iphnoe', 5))[0]).toBe('iPhone 15')
    expect(await engine.suggest('   ', 5)).toEqual([])
  })

  test('equal the plain ranking of every matching name, whichever tier fills the list', async () => {
    // The rule written the plain way: each active name's best tier (starts with the text 2, a name word starts
    // with each typed word 1, a close typo 0), then closeness, length and the name itself.
    const plain = async (typed: string, limit: number) => {
      const words = typed.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
      const rows = await db.sql<{ name: string }[]>`
        with t as (select catalog.fold(${typed}) as f),
        tiers as (
          select p.name,
            case
              when p.search_name like t.f || '%' then 2
              when (select bool_and(exists (
                  select from regexp_split_to_table(p.search_name, '[^[:alnum:]]+') nw
                  where nw like catalog.fold(w) || '%'))
                from unnest(${words}::text[]) w) then 1
              when length(t.f) >= 4 and word_similarity(t.f, p.search_name) > 0.42 then 0
            end as tier,
            word_similarity(t.f, p.search_name) as closeness
          from catalog.products p cross join t
          where p.status = 'active'
        )
        select name from tiers where tier is not null
        group by name
        order by max(tier) desc, max(closeness) desc, length(name), name
        limit ${limit}`
      return rows.map((r) => r.name)
    }
    const typed = [
      's',
      'sm',
      'smart',
      'smart ch',
      'g',
      'gal',
      'i',
      'ip',
      'pro',
      'an',
      'ankr',
      'kettel',
      'c',
      'mini 1',
    ]
    for (const text of typed)
      for (const limit of [1, 5, 20])
        expect({ text, limit, names: await engine.suggest(text, limit) }).toEqual({
          text,
          limit,
          names: await plain(text, limit),
        })
  })
})

describe('postgres search: counting skipped on request', () => {
  test('facets: false returns the same page without counting', async () => {
    const query = { q: 'galaxy', sort: 'relevance' as const, limit: 5 }
    const full = await engine.search(query)
    const lean = await engine.search({ ...query, facets: false })
    expect(lean.ids).toEqual(full.ids)
    expect(lean.nextCursor).toEqual(full.nextCursor)
    expect(lean.facets).toEqual({ categories: [], brands: [], prices: [], options: [] })
    expect(full.total).toBeGreaterThan(0)
  })
})

describe('postgres search: accents and case are folded on both sides', () => {
  const torch = productId('accent')
  const board = productId('accent')
  const fraiche = productId('accent')
  const strasse = productId('accent')
  beforeAll(async () => {
    await insertProducts(db.sql, [
      { id: torch, name: 'Crème Brûlée Torch', brand: 'Flambé', description: 'Caramelises the sugar.' },
      { id: board, name: 'Smørrebrød Board', brand: 'Nordvik', description: 'Oak, for open sandwiches.' },
      { id: fraiche, name: 'Creme Fraiche Pot', brand: 'Dairyco', description: 'Keeps crème cold.' },
      { id: strasse, name: 'Straßenkarte Berlin', brand: 'Kartograf', description: 'City map.' },
    ])
  })

  test('a query without accents finds names with them, and one with accents finds names without', async () => {
    expect((await search({ q: 'creme brulee' })).ids[0]).toBe(torch)
    expect((await search({ q: 'CRÈME BRÛLÉE' })).ids[0]).toBe(torch)
    expect((await search({ q: 'crème' })).ids.slice(0, 2).sort()).toEqual([torch, fraiche].sort())
    expect((await search({ q: 'smorrebrod' })).ids[0]).toBe(board)
    expect((await search({ q: 'strassenkarte' })).ids[0]).toBe(strasse)
    // Brands and words being typed fold too; a typo of a folded word is still a typo.
    expect((await search({ q: 'flambe' })).ids).toEqual([torch])
    expect((await search({ q: 'brûl' })).ids[0]).toBe(torch)
    expect((await search({ q: 'smorebrod' })).ids[0]).toBe(board)
  })

  test('an exact name, accents aside, ranks first', async () => {
    expect((await search({ q: 'creme fraiche pot' })).ids[0]).toBe(fraiche)
    expect((await search({ q: 'crème fraîche pot' })).ids[0]).toBe(fraiche)
  })

  test('suggestions fold too, and come back as the catalog spells them', async () => {
    expect((await engine.suggest('creme b', 3))[0]).toBe('Crème Brûlée Torch')
    expect((await engine.suggest('smørre', 3))[0]).toBe('Smørrebrød Board')
    expect((await engine.suggest('Strassen', 3))[0]).toBe('Straßenkarte Berlin')
  })
})
