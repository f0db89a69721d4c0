import { describe, expect, test } from 'bun:test'
import { Client } from '@elastic/elasticsearch'
import Mock from '@elastic/elasticsearch-mock'
import { AppError } from '@myshop/errors'
import { newId } from '@myshop/ids'
import { optionPairsOf, type SearchDocument } from '../src/products/model.ts'
import { elasticsearchSearch, productIndexSettings, productMappings } from '../src/search/elasticsearch.ts'
import type { Deletion, ReindexSource, SearchQuery } from '../src/search/engine.ts'
import { type Call, errorReply, fakeCluster, type Reply } from './elasticsearch-cluster.ts'

const notFound = (type = 'index_not_found_exception') => errorReply(404, { error: { type }, status: 404 })

/**
 * The official client on `@elastic/elasticsearch-mock`: no server, every request recorded in order, replies
 * scripted per route (`'POST /:index/_search'`).
 */
const fakeElasticsearch = (replies: Record<string, (call: Call) => Reply> = {}) => {
  const mock = new Mock()
  const calls: Call[] = []
  const routes: [string | string[], string][] = [
    ['POST', '/:index/_search'],
    ['PUT', '/:index/_doc/:id'],
    ['DELETE', '/:index/_doc/:id'],
    ['POST', '/:index/_bulk'],
    [['GET', 'POST'], '/:index/_refresh'],
    ['PUT', '/:index'],
    ['DELETE', '/:index'],
    ['HEAD', '/_alias/:name'],
    ['GET', '/_alias/:name'],
    ['POST', '/_aliases'],
    ['GET', '/:index/_mapping'],
    ['PUT', '/:index/_mapping'],
  ]
  for (const [method, path] of routes)
    mock.add({ method, path }, (params) => {
      const call = {
        method: String(params.method),
        path: String(params.path),
        querystring: (params.querystring ?? {}) as Record<string, string>,
        body: params.body,
      }
      calls.push(call)
      return replies[`${[method].flat()[0]} ${path}`]?.(call) ?? { acknowledged: true }
    })
  const client = new Client({
    node: 'http://localhost:9200',
    Connection: mock.getConnection(),
    maxRetries: 0,
  })
  return { client, calls }
}

const query = (q: Partial<SearchQuery>): SearchQuery => ({ sort: 'relevance', limit: 2, ...q })

const emptySearch = () => ({ hits: { total: { value: 0, relation: 'eq' }, hits: [] } })

const activeOnly = { term: { status: 'active' } }

const expectedOptionAggs = {
  options: { terms: { field: 'optionValues.key', size: 1000 } },
  optionLabels: { terms: { field: 'optionValues', size: 1000 } },
}

const expectedAggs = {
  categories: {
    nested: { path: 'categories' },
    aggs: {
      ids: {
        terms: { field: 'categories.id', size: 100 },
        aggs: { path: { terms: { field: 'categories.path', size: 1 } } },
      },
    },
  },
  brands: {
    terms: { field: 'brand.key', size: 100 },
    aggs: { label: { terms: { field: 'brand.keyword', size: 1 } } },
  },
  ...expectedOptionAggs,
  prices: {
    range: {
      field: 'minPrice',
      ranges: [
        { from: 0, to: 1000 },
        { from: 1000, to: 2500 },
        { from: 2500, to: 5000 },
        { from: 5000, to: 10000 },
        { from: 10000, to: 25000 },
        { from: 25000, to: 50000 },
        { from: 50000, to: 100000 },
        { from: 100000 },
      ],
    },
  },
}

const doc = (id: string, overrides: Partial<SearchDocument> = {}): SearchDocument => ({
  id,
  slug: `slug-${id}`,
  name: `Product ${id}`,
  description: 'Words.',
  brand: 'Samsung',
  status: 'active',
  // As toSearchDocument builds it: the direct categories first, then their ancestors.
  categoryIds: ['cat_smartphones', 'cat_tablets', 'cat_phones', 'cat_electronics', 'cat_computers'],
  categoryPaths: ['Electronics > Phones > Smartphones', 'Electronics > Computers > Tablets'],
  skus: [`${id}-128`],
  options: ['128 GB'],
  optionPairs: ['Storage\u001f128 GB'],
  minPrice: 89_900,
  currency: 'EUR',
  createdAt: '2024-06-01T12:00:00.000Z',
  updatedAt: '2024-06-02T12:00:00.000Z',
  version: 1_000,
  ...overrides,
})

test("a document's option pairs are its variants' distinct pairs, one spelling of those that fold alike", () => {
  expect(
    optionPairsOf([
      { Colour: 'navy', Size: 'M' },
      { Colour: 'Navy', Size: 'M' },
      { Colour: 'Crème', Size: 'L' },
      { Colour: 'Creme' },
    ]),
  ).toEqual(['Colour\u001fCreme', 'Colour\u001fNavy', 'Size\u001fL', 'Size\u001fM'])
})

describe('elasticsearch search: the request', () => {
  test('a query with every filter: multi_match with typos, prefixes, filter clauses, sort and aggregations', async () => {
    const colour = { terms: { 'optionValues.key': ['Colour\u001fCrème', 'Colour\u001fNavy'] } }
    const size = { terms: { 'optionValues.key': ['Size\u001fM'] } }
    const es = fakeElasticsearch({ 'POST /:index/_search': emptySearch })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products' })
    await engine.search(
      query({
        q: ' Samsung Galaxy ',
        category: 'cat_phones',
        brand: 'SAMSUNG',
        minPrice: 1000,
        maxPrice: 90000,
        options: [
          { name: 'Colour', values: ['Crème', 'Navy'] },
          { name: 'Size', values: ['M'] },
        ],
      }),
    )
    expect(es.calls).toHaveLength(1)
    expect(es.calls[0]).toMatchObject({ method: 'POST', path: '/myshop-products/_search' })
    expect(es.calls[0]!.body).toEqual({
      size: 3,
      track_total_hits: true,
      _source: false,
      query: {
        bool: {
          must: [
            {
              bool: {
                should: [
                  {
                    multi_match: {
                      query: 'Samsung Galaxy',
                      fields: ['name^3', 'brand^2', 'description', 'options'],
                      type: 'best_fields',
                      operator: 'and',
                      fuzziness: 'AUTO',
                    },
                  },
                  {
                    multi_match: {
                      query: 'Samsung Galaxy',
                      fields: ['name^3', 'brand^2', 'description', 'options'],
                      type: 'cross_fields',
                      operator: 'and',
                    },
                  },
                  { match: { 'name.autocomplete': { query: 'Samsung Galaxy', operator: 'and' } } },
                  { term: { 'name.exact': { value: 'samsung galaxy', boost: 10 } } },
                ],
                minimum_should_match: 1,
              },
            },
          ],
          filter: [
            activeOnly,
            { term: { categoryIds: 'cat_phones' } },
            { term: { 'brand.key': 'samsung' } },
            { range: { minPrice: { gte: 1000, lte: 90000 } } },
          ],
        },
      },
      // One clause per option, its values widening it (the field's normalizer folds the terms). They narrow the
      // hits, not what the aggregations see: the facets are counted under all of them, and each option's values
      // under the others.
      post_filter: { bool: { filter: [colour, size] } },
      sort: [{ _score: { order: 'desc' } }, { id: { order: 'asc' } }],
      aggs: {
        filtered: { filter: { bool: { filter: [colour, size] } }, aggs: expectedAggs },
        option0: { filter: { bool: { filter: [size] } }, aggs: expectedOptionAggs },
        option1: { filter: { bool: { filter: [colour] } }, aggs: expectedOptionAggs },
      },
    })
  })

  test('a query shaped like a SKU also asks for that SKU, as typed and in upper case; words do not', async () => {
    const es = fakeElasticsearch({ 'POST /:index/_search': emptySearch })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products' })
    await engine.search(query({ q: 'app-000001' }))
    await engine.search(query({ q: 'galaxy s24' }))
    const should = (i: number) =>
      (es.calls[i]!.body as { query: { bool: { must: { bool: { should: unknown[] } }[] } } }).query.bool
        .must[0]!.bool.should
    expect(should(0)).toContainEqual({ terms: { skus: ['app-000001', 'APP-000001'], boost: 20 } })
    expect(JSON.stringify(should(1))).not.toContain('skus')
  })

  test('without a query: only filters, newest first; price sorts put products without a price last', async () => {
    const es = fakeElasticsearch({ 'POST /:index/_search': emptySearch })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products' })
    await engine.search(query({ maxPrice: 500 }))
    await engine.search(query({ sort: 'price_asc' }))
    await engine.search(query({ sort: 'price_desc' }))
    await engine.search(query({ sort: 'newest', q: 'tv' }))
    const bodies = es.calls.map((c) => c.body as Record<string, unknown>)
    expect(bodies[0]!.query).toEqual({
      bool: { filter: [activeOnly, { range: { minPrice: { lte: 500 } } }] },
    })
    expect(bodies[0]!.sort).toEqual([{ createdAt: { order: 'desc' } }, { id: { order: 'desc' } }])
    expect(bodies[1]!.sort).toEqual([
      { minPrice: { order: 'asc', missing: Number.MAX_SAFE_INTEGER } },
      { id: { order: 'asc' } },
    ])
    expect(bodies[2]!.sort).toEqual([{ minPrice: { order: 'desc', missing: -1 } }, { id: { order: 'asc' } }])
    expect(bodies[3]!.sort).toEqual([{ createdAt: { order: 'desc' } }, { id: { order: 'desc' } }])
    expect(bodies.every((b) => !('search_after' in b))).toBe(true)
  })

  test('drafts never leak: every search and suggestion carries the status filter', async () => {
    const es = fakeElasticsearch({ 'POST /:index/_search': emptySearch })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products' })
    const queries: Partial<SearchQuery>[] = [
      {},
      { q: 'iphone' },
      { brand: 'apple', sort: 'price_desc' },
      { category: 'cat_phones', minPrice: 0 },
      { q: 'x', sort: 'newest', maxPrice: 1 },
    ]
    for (const q of queries) await engine.search(query(q))
    await engine.suggest('iph', 5)
    expect(es.calls).toHaveLength(queries.length + 1)
    for (const call of es.calls) {
      const body = call.body as { query: { bool: { filter: unknown[] } } }
      expect(body.query.bool.filter[0]).toEqual(activeOnly)
    }
  })

  test('the next page continues with search_after from the last hit of the page', async () => {
    const [a, b, c] = [newId('prd'), newId('prd'), newId('prd')]
    const es = fakeElasticsearch({
      'POST /:index/_search': (call) =>
        (call.body as { search_after?: unknown }).search_after
          ? emptySearch()
          : {
              hits: {
                total: { value: 3, relation: 'eq' },
                hits: [
                  { _id: a, _score: null, sort: [49_900, a] },
                  { _id: b, _score: null, sort: [49_900, b] },
                  { _id: c, _score: null, sort: [89_900, c] },
                ],
              },
            },
    })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products' })
    const first = await engine.search(query({ sort: 'price_asc' }))
    expect(first.ids).toEqual([a, b])
    expect(first.nextCursor).not.toBeNull()
    const second = await engine.search(query({ sort: 'price_asc', cursor: first.nextCursor! }))
    expect((es.calls[1]!.body as { search_after: unknown }).search_after).toEqual([49_900, b])
    expect(second).toMatchObject({ ids: [], nextCursor: null })
  })

  test('a cursor of another sort or not ours is refused before any request', async () => {
    const es = fakeElasticsearch({ 'POST /:index/_search': emptySearch })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products' })
    const cursor = Buffer.from(JSON.stringify({ s: 'price_asc', a: [1, newId('prd')] })).toString('base64url')
    await expect(engine.search(query({ sort: 'price_desc', cursor }))).rejects.toBeInstanceOf(AppError)
    await expect(engine.search(query({ cursor: '%%%' }))).rejects.toMatchObject({ code: 'validation_failed' })
    expect(es.calls).toHaveLength(0)
  })

  test('a cursor whose values are not of the types its sort issues is refused before any request', async () => {
    const es = fakeElasticsearch({ 'POST /:index/_search': emptySearch })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products' })
    const id = newId('prd')
    const forged: [SearchQuery['sort'], unknown[]][] = [
      ['relevance', ['7.1', id]],
      ['relevance', [true, id]],
      ['price_asc', ['1999', id]],
      ['price_asc', [1e30, id]],
      ['price_desc', [19.99, id]],
      ['price_desc', [-2, id]],
      ['newest', [true, id]],
      ['newest', ['2026-01-01T00:00:00Z', id]],
      ['newest', [1e300, id]],
      ['newest', [1_767_225_600_000, 42]],
      ['newest', [1_767_225_600_000, 'prd_\u0000']],
      ['newest', [1_767_225_600_000, id, 'extra']],
      ['price_asc', [null, id]],
    ]
    for (const [sort, a] of forged) {
      const cursor = Buffer.from(JSON.stringify({ s: sort, a })).toString('base64url')
      await expect(engine.search(query({ sort, q: 'tv', cursor }))).rejects.toMatchObject({
        code: 'validation_failed',
        detail: 'The cursor is not one this API issued',
      })
    }
    expect(es.calls).toHaveLength(0)
    const issued = Buffer.from(JSON.stringify({ s: 'newest', a: [1_767_225_600_000, id] })).toString(
      'base64url',
    )
    await engine.search(query({ sort: 'newest', cursor: issued }))
    expect((es.calls[0]!.body as { search_after: unknown }).search_after).toEqual([1_767_225_600_000, id])
  })
})

describe('elasticsearch search: the response', () => {
  test('hits, total and aggregations become the SearchResult', async () => {
    const es = fakeElasticsearch({
      'POST /:index/_search': () => ({
        took: 3,
        timed_out: false,
        hits: {
          total: { value: 42, relation: 'eq' },
          max_score: 7.1,
          hits: [
            { _index: 'myshop-products-1', _id: 'prd_a', _score: 7.1, sort: [7.1, 'prd_a'] },
            { _index: 'myshop-products-1', _id: 'prd_b', _score: 6.4, sort: [6.4, 'prd_b'] },
            { _index: 'myshop-products-1', _id: 'prd_c', _score: 2.2, sort: [2.2, 'prd_c'] },
          ],
        },
        aggregations: {
          categories: {
            doc_count: 50,
            ids: {
              buckets: [
                {
                  key: 'cat_smartphones',
                  doc_count: 30,
                  path: { buckets: [{ key: 'Electronics > Phones > Smartphones', doc_count: 30 }] },
                },
                { key: 'cat_tablets', doc_count: 12, path: { buckets: [{ key: 'Electronics > Tablets' }] } },
              ],
            },
          },
          brands: {
            buckets: [
              { key: 'samsung', doc_count: 40, label: { buckets: [{ key: 'Samsung', doc_count: 40 }] } },
              { key: 'lumo', doc_count: 2, label: { buckets: [{ key: 'Lumo', doc_count: 2 }] } },
            ],
          },
          // Folded pairs, and their spellings apart: "Crème" and "creme" are one value, labelled by the more
          // frequent spelling; a pair no spelling folds to is labelled by itself.
          options: {
            buckets: [
              { key: 'colour\u001fcreme', doc_count: 9 },
              { key: 'size\u001fm', doc_count: 12 },
              { key: 'colour\u001fnavy', doc_count: 9 },
              { key: 'size\u001fl', doc_count: 3 },
              { key: 'fit\u001fslim', doc_count: 1 },
            ],
          },
          optionLabels: {
            buckets: [
              { key: 'Size\u001fM', doc_count: 12 },
              { key: 'Colour\u001fCrème', doc_count: 7 },
              { key: 'Colour\u001fNavy', doc_count: 9 },
              { key: 'Size\u001fL', doc_count: 3 },
              { key: 'colour\u001fcreme', doc_count: 2 },
            ],
          },
          prices: {
            buckets: [
              { key: '0.0-1000.0', from: 0, to: 1000, doc_count: 0 },
              { key: '1000.0-2500.0', from: 1000, to: 2500, doc_count: 1 },
              { key: '2500.0-5000.0', from: 2500, to: 5000, doc_count: 1 },
              { key: '5000.0-10000.0', from: 5000, to: 10000, doc_count: 0 },
              { key: '10000.0-25000.0', from: 10000, to: 25000, doc_count: 0 },
              { key: '25000.0-50000.0', from: 25000, to: 50000, doc_count: 10 },
              { key: '50000.0-100000.0', from: 50000, to: 100000, doc_count: 20 },
              { key: '100000.0-*', from: 100000, doc_count: 10 },
            ],
          },
        },
      }),
    })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products' })
    const result = await engine.search(query({ q: 'galaxy' }))
    expect(result).toEqual({
      ids: ['prd_a', 'prd_b'],
      total: 42,
      facets: {
        categories: [
          { value: 'cat_smartphones', label: 'Electronics > Phones > Smartphones', count: 30 },
          { value: 'cat_tablets', label: 'Electronics > Tablets', count: 12 },
        ],
        brands: [
          { value: 'samsung', label: 'Samsung', count: 40 },
          { value: 'lumo', label: 'Lumo', count: 2 },
        ],
        prices: [
          { from: 0, to: 1000, count: 0 },
          { from: 1000, to: 2500, count: 1 },
          { from: 2500, to: 5000, count: 1 },
          { from: 5000, to: 10000, count: 0 },
          { from: 10000, to: 25000, count: 0 },
          { from: 25000, to: 50000, count: 10 },
          { from: 50000, to: 100000, count: 20 },
          { from: 100000, to: null, count: 10 },
        ],
        options: [
          {
            name: 'size',
            label: 'Size',
            values: [
              { value: 'm', label: 'M', count: 12 },
              { value: 'l', label: 'L', count: 3 },
            ],
          },
          {
            name: 'colour',
            label: 'Colour',
            values: [
              { value: 'creme', label: 'Crème', count: 9 },
              { value: 'navy', label: 'Navy', count: 9 },
            ],
          },
          { name: 'fit', label: 'fit', values: [{ value: 'slim', label: 'slim', count: 1 }] },
        ],
      },
      nextCursor: expect.any(String),
    })
    expect(JSON.parse(Buffer.from(result.nextCursor!, 'base64url').toString())).toEqual({
      s: 'relevance',
      a: [6.4, 'prd_b'],
    })
  })

  test("with option filters, the facets come from under all of them and each option's values from under the others", async () => {
    const terms = (buckets: [string, number][]) => ({
      buckets: buckets.map(([key, doc_count]) => ({ key, doc_count })),
    })
    const es = fakeElasticsearch({
      'POST /:index/_search': () => ({
        hits: {
          total: { value: 3, relation: 'eq' },
          hits: [{ _id: 'prd_a' }, { _id: 'prd_b' }, { _id: 'prd_c' }],
        },
        aggregations: {
          filtered: {
            doc_count: 3,
            brands: { buckets: [{ key: 'stride', doc_count: 3, label: { buckets: [{ key: 'Stride' }] } }] },
            options: terms([
              ['size\u001fm', 3],
              ['colour\u001fnavy', 3],
              ['fit\u001fslim', 1],
            ]),
            optionLabels: terms([
              ['Size\u001fM', 3],
              ['Colour\u001fNavy', 3],
              ['Fit\u001fSlim', 1],
            ]),
          },
          // Sizes under the colour filter alone, colours under the size filter alone.
          option0: {
            doc_count: 9,
            options: terms([
              ['colour\u001fnavy', 9],
              ['size\u001fm', 5],
              ['size\u001fl', 4],
            ]),
            optionLabels: terms([
              ['Colour\u001fNavy', 9],
              ['Size\u001fM', 5],
              ['Size\u001fL', 4],
            ]),
          },
          option1: {
            doc_count: 5,
            options: terms([
              ['size\u001fm', 5],
              ['colour\u001fnavy', 3],
              ['colour\u001fblack', 2],
            ]),
            optionLabels: terms([
              ['Size\u001fM', 5],
              ['Colour\u001fNavy', 3],
              ['Colour\u001fBlack', 2],
            ]),
          },
        },
      }),
    })
    const result = await elasticsearchSearch(es.client, { index: 'p' }).search(
      query({
        limit: 5,
        options: [
          { name: 'Size', values: ['M'] },
          { name: 'Colour', values: ['Navy'] },
        ],
      }),
    )
    expect(result.total).toBe(3)
    expect(result.facets.brands).toEqual([{ value: 'stride', label: 'Stride', count: 3 }])
    expect(result.facets.options).toEqual([
      {
        name: 'size',
        label: 'Size',
        values: [
          { value: 'm', label: 'M', count: 5 },
          { value: 'l', label: 'L', count: 4 },
        ],
      },
      {
        name: 'colour',
        label: 'Colour',
        values: [
          { value: 'navy', label: 'Navy', count: 3 },
          { value: 'black', label: 'Black', count: 2 },
        ],
      },
      { name: 'fit', label: 'Fit', values: [{ value: 'slim', label: 'Slim', count: 1 }] },
    ])
  })

  test('a last page has no cursor, and missing aggregations give empty facets', async () => {
    const es = fakeElasticsearch({
      'POST /:index/_search': () => ({
        hits: { total: { value: 1, relation: 'eq' }, hits: [{ _id: 'prd_z' }] },
      }),
    })
    const result = await elasticsearchSearch(es.client, { index: 'p' }).search(query({}))
    expect(result).toMatchObject({ ids: ['prd_z'], total: 1, nextCursor: null })
    expect(result.facets.categories).toEqual([])
    expect(result.facets.options).toEqual([])
    expect(result.facets.prices.every((b) => b.count === 0)).toBe(true)
  })

  test('suggestions come from the autocomplete field, one per distinct name', async () => {
    const es = fakeElasticsearch({
      'POST /:index/_search': () => ({
        hits: {
          total: { value: 2, relation: 'eq' },
          hits: [
            { _id: '1', _source: { name: 'Galaxy Tab S9' } },
            { _id: '2', _source: { name: 'Samsung Galaxy S24' } },
          ],
        },
      }),
    })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products' })
    expect(await engine.suggest(' gala ', 5)).toEqual(['Galaxy Tab S9', 'Samsung Galaxy S24'])
    expect(await engine.suggest('  ', 5)).toEqual([])
    expect(es.calls).toHaveLength(1)
    expect(es.calls[0]!.body).toEqual({
      size: 5,
      _source: ['name'],
      query: {
        bool: {
          should: [
            { match: { 'name.autocomplete': { query: 'gala', operator: 'and', boost: 2 } } },
            { match: { name: { query: 'gala', operator: 'and', fuzziness: 'AUTO' } } },
          ],
          minimum_should_match: 1,
          filter: [activeOnly],
        },
      },
      collapse: { field: 'name.keyword' },
      sort: [{ _score: { order: 'desc' } }, { 'name.keyword': { order: 'asc' } }],
    })
  })
})

describe('elasticsearch search: keeping the index in step', () => {
  const indexed = {
    id: 'prd_1',
    slug: 'slug-prd_1',
    name: 'Product prd_1',
    description: 'Words.',
    brand: 'Samsung',
    status: 'active',
    categoryIds: ['cat_smartphones', 'cat_tablets', 'cat_phones', 'cat_electronics', 'cat_computers'],
    categories: [
      { id: 'cat_smartphones', path: 'Electronics > Phones > Smartphones' },
      { id: 'cat_tablets', path: 'Electronics > Computers > Tablets' },
    ],
    skus: ['prd_1-128'],
    options: ['128 GB'],
    optionValues: ['Storage\u001f128 GB'],
    minPrice: 89_900,
    currency: 'EUR',
    createdAt: '2024-06-01T12:00:00.000Z',
    updatedAt: '2024-06-02T12:00:00.000Z',
  }
  const indexedAs = (id: string, overrides: Record<string, unknown> = {}) => ({
    ...indexed,
    id,
    slug: `slug-${id}`,
    name: `Product ${id}`,
    skus: [`${id}-128`],
    ...overrides,
  })
  const external = (version: number) => ({ version: String(version), version_type: 'external' })

  /** The index behind the alias before a reindex, and the one the reindex builds at `now`. */
  const live = 'myshop-products-20240101000000000'
  const now = () => Date.parse('2024-06-01T12:00:00.123Z')
  const next = 'myshop-products-20240601120000123'
  const lookUpBuilding = {
    method: 'GET',
    path: '/_alias/myshop-products-building',
    querystring: {},
    body: null,
  }

  /** A cluster whose alias points at `live`, holding the given documents. */
  const clusterWith = async (docs: SearchDocument[], options?: Parameters<typeof fakeCluster>[0]) => {
    const es = fakeCluster(options)
    es.createIndex(live, ['myshop-products'])
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products' })
    for (const d of docs) await engine.index(d)
    es.calls.length = 0
    return es
  }

  const sourceOf = (
    documents: () => AsyncIterable<SearchDocument[]>,
    changes: { documents: SearchDocument[]; deletions: Deletion[] }[] = [],
  ): ReindexSource => ({
    position: async () => 1_000,
    documents,
    async *changesSince() {
      yield* changes
    },
  })

  test('index writes the versioned document through the alias; remove deletes with the deletion version', async () => {
    const es = await clusterWith([])
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products', refresh: 'wait_for' })
    await engine.index(doc('prd_1'))
    await engine.remove('prd_1', 1_001)
    await engine.remove('prd_gone')
    expect(es.calls).toEqual([
      lookUpBuilding,
      {
        method: 'PUT',
        path: '/myshop-products/_doc/prd_1',
        querystring: { ...external(1_000), require_alias: 'true', refresh: 'wait_for' },
        body: indexed,
      },
      lookUpBuilding,
      {
        method: 'DELETE',
        path: '/myshop-products/_doc/prd_1',
        querystring: { ...external(1_001), refresh: 'wait_for' },
        body: null,
      },
      lookUpBuilding,
      // A deletion no longer recorded removes whatever is there; a missing one is fine.
      {
        method: 'DELETE',
        path: '/myshop-products/_doc/prd_gone',
        querystring: { refresh: 'wait_for' },
        body: null,
      },
    ])
    expect(es.documents('myshop-products')).toEqual({})
  })

  test('a draft is indexed too (the searches filter it out), without refresh unless asked', async () => {
    const es = await clusterWith([])
    await elasticsearchSearch(es.client, { index: 'myshop-products' }).index(
      doc('prd_1', { status: 'draft' }),
    )
    expect(es.calls[1]).toEqual({
      method: 'PUT',
      path: '/myshop-products/_doc/prd_1',
      querystring: { ...external(1_000), require_alias: 'true' },
      body: { ...indexed, status: 'draft' },
    })
  })

  test('an older write arriving late changes nothing and is no error, nor brings a deleted product back', async () => {
    const es = await clusterWith([])
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products' })
    await engine.index(doc('prd_1', { name: 'Newer', version: 2_000 }))
    await engine.index(doc('prd_1', { name: 'Older', version: 1_000 }))
    expect(es.documents('myshop-products')).toEqual({
      prd_1: { version: 2_000, source: { ...indexed, name: 'Newer' } },
    })
    await engine.remove('prd_1', 2_001)
    await engine.index(doc('prd_1', { version: 2_000 }))
    expect(es.documents('myshop-products')).toEqual({})
  })

  test('reindex fills a new index under the building alias, catches up, then swaps both aliases in one step', async () => {
    const es = await clusterWith([doc('prd_1'), doc('prd_9')])
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products', now })
    let caughtUpSince: number | undefined
    const source: ReindexSource = {
      position: async () => 1_000,
      async *documents() {
        yield [doc('prd_1'), doc('prd_2', { brand: null, categoryIds: [], categoryPaths: [] })]
        yield []
        yield [doc('prd_3', { status: 'archived' })]
      },
      async *changesSince(position) {
        caughtUpSince = position
        yield { documents: [doc('prd_4', { version: 1_001 })], deletions: [{ id: 'prd_3', version: 1_002 }] }
      },
    }
    expect(await engine.reindex(source)).toEqual({ indexed: 3 })

    expect(es.requests()).toEqual([
      'GET /myshop-products-*/_alias',
      `PUT /${next}`,
      `POST /${next}/_bulk`,
      `POST /${next}/_bulk`,
      `POST /${next}/_bulk`,
      `GET /${next}/_refresh`,
      'HEAD /_alias/myshop-products',
      'GET /_alias/myshop-products',
      'POST /_aliases',
      `DELETE /${live}`,
    ])
    expect(es.calls[1]!.body).toEqual({
      settings: productIndexSettings,
      mappings: productMappings,
      aliases: { 'myshop-products-building': {} },
    })
    expect(es.calls[2]!.body).toEqual([
      { index: { _id: 'prd_1', version: 1_000, version_type: 'external' } },
      indexed,
      { index: { _id: 'prd_2', version: 1_000, version_type: 'external' } },
      indexedAs('prd_2', { brand: null, categoryIds: [], categories: [] }),
    ])
    expect((es.calls[3]!.body as unknown[])[0]).toEqual({
      index: { _id: 'prd_3', version: 1_000, version_type: 'external' },
    })
    // The catch-up: what changed since the position taken before the new index existed.
    expect(caughtUpSince).toBe(1_000)
    expect(es.calls[4]!.body).toEqual([
      { index: { _id: 'prd_4', version: 1_001, version_type: 'external' } },
      indexedAs('prd_4'),
      { delete: { _id: 'prd_3', version: 1_002, version_type: 'external' } },
    ])
    expect(es.calls[8]!.body).toEqual({
      actions: [
        { remove: { index: next, alias: 'myshop-products-building', must_exist: true } },
        { remove: { index: live, alias: 'myshop-products' } },
        { add: { index: next, alias: 'myshop-products' } },
      ],
    })
    expect(es.indexNames()).toEqual([next])
    expect(es.aliased('myshop-products-building')).toEqual([])
    expect(Object.keys(es.documents('myshop-products')).sort()).toEqual(['prd_1', 'prd_2', 'prd_4'])
  })

  test('a write and a delete made by another instance during a reindex are in the new index after the swap', async () => {
    const es = await clusterWith([doc('prd_1'), doc('prd_2'), doc('prd_3')])
    // Another instance's indexer, reacting to product events while this one reindexes.
    const indexer = elasticsearchSearch(es.client, { index: 'myshop-products' })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products', now })
    let during: Call[] = []
    const source = sourceOf(async function* () {
      // A page read from the catalog just before the product changes below...
      const page = [doc('prd_1'), doc('prd_2'), doc('prd_3')]
      const from = es.calls.length
      await indexer.index(doc('prd_2', { name: 'Renamed', version: 1_001 }))
      await indexer.remove('prd_3', 1_002)
      during = es.calls.slice(from)
      // ...and written after them.
      yield page
    })
    await engine.reindex(source)

    // The indexer found the index being built from Elasticsearch itself and wrote to it as well.
    expect(during).toEqual([
      lookUpBuilding,
      {
        method: 'PUT',
        path: '/myshop-products/_doc/prd_2',
        querystring: { ...external(1_001), require_alias: 'true' },
        body: indexedAs('prd_2', { name: 'Renamed' }),
      },
      {
        method: 'PUT',
        path: `/${next}/_doc/prd_2`,
        querystring: external(1_001),
        body: indexedAs('prd_2', { name: 'Renamed' }),
      },
      lookUpBuilding,
      { method: 'DELETE', path: '/myshop-products/_doc/prd_3', querystring: external(1_002), body: null },
      { method: 'DELETE', path: `/${next}/_doc/prd_3`, querystring: external(1_002), body: null },
    ])
    expect(es.aliased('myshop-products')).toEqual([next])
    expect(es.documents('myshop-products')).toEqual({
      prd_1: { version: 1_000, source: indexed },
      prd_2: { version: 1_001, source: indexedAs('prd_2', { name: 'Renamed' }) },
    })
  })

  test('the catch-up repairs what dual writes cannot: a collected tombstone, a write that reached the old index only', async () => {
    const es = await clusterWith([doc('prd_1'), doc('prd_2')])
    const indexer = elasticsearchSearch(es.client, { index: 'myshop-products' })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products', now })
    const late = doc('prd_1', { name: 'Late', version: 1_003 })
    const source = sourceOf(
      async function* () {
        const page = [doc('prd_1'), doc('prd_2')]
        await indexer.remove('prd_2', 1_002)
        // More than `index.gc_deletes` passes before the page is written: the stale prd_2 is taken.
        es.collectTombstones()
        // An instance still running code that writes through the alias only.
        await es.client.index({
          index: 'myshop-products',
          id: 'prd_1',
          document: indexedAs('prd_1', { name: 'Late' }),
          version: 1_003,
          version_type: 'external',
        })
        yield page
      },
      [{ documents: [late], deletions: [{ id: 'prd_2', version: 1_002 }] }],
    )
    await engine.reindex(source)
    expect(es.documents('myshop-products')).toEqual({
      prd_1: { version: 1_003, source: indexedAs('prd_1', { name: 'Late' }) },
    })
  })

  test('the mapping folds case and accents, edge-n-grams the name, and types every field', () => {
    const analysis = productIndexSettings.analysis!
    expect(analysis.analyzer).toMatchObject({
      folding: { tokenizer: 'standard', filter: ['lowercase', 'asciifolding'] },
      autocomplete: { tokenizer: 'standard', filter: ['lowercase', 'asciifolding', 'autocomplete_edge'] },
    })
    expect(analysis.filter).toEqual({ autocomplete_edge: { type: 'edge_ngram', min_gram: 2, max_gram: 20 } })
    expect(productMappings.properties).toMatchObject({
      id: { type: 'keyword' },
      name: { fields: { autocomplete: { analyzer: 'autocomplete', search_analyzer: 'folding' } } },
      brand: { fields: { key: { type: 'keyword', normalizer: 'folding' } } },
      status: { type: 'keyword' },
      categoryIds: { type: 'keyword' },
      categories: { type: 'nested' },
      optionValues: { type: 'keyword', fields: { key: { type: 'keyword', normalizer: 'folding' } } },
      minPrice: { type: 'long' },
      createdAt: { type: 'date' },
    })
  })

  test('a failed reindex drops its half-built index and leaves the alias alone', async () => {
    const es = await clusterWith([doc('prd_1')], { refuses: (id) => id === 'prd_1' })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products', now: () => 0 })
    await expect(
      engine.reindex(
        sourceOf(async function* () {
          yield [doc('prd_1')]
        }),
      ),
    ).rejects.toThrow(/prd_1/)
    expect(es.requests()).toEqual([
      'GET /myshop-products-*/_alias',
      'PUT /myshop-products-19700101000000000',
      'POST /myshop-products-19700101000000000/_bulk',
      'DELETE /myshop-products-19700101000000000',
    ])
    expect(es.indexNames()).toEqual([live])
    expect(es.aliased('myshop-products')).toEqual([live])
  })

  test('a reindex whose index a newer one dropped (it was thought dead) does not swap it in', async () => {
    const es = await clusterWith([doc('prd_1')])
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products', now })
    const source = sourceOf(async function* () {
      yield [doc('prd_1')]
      es.dropIndex(next)
      // This bulk request re-creates the index, without the building alias.
      yield [doc('prd_2')]
    })
    await expect(engine.reindex(source)).rejects.toThrow()
    expect(es.aliased('myshop-products')).toEqual([live])
    expect(es.indexNames()).toEqual([live])
  })

  test('reindexing the first time only adds the alias', async () => {
    const es = fakeCluster()
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products', now: () => 0 })
    await engine.reindex(sourceOf(async function* () {}))
    expect(es.calls.at(-1)).toMatchObject({
      path: '/_aliases',
      body: {
        actions: [
          {
            remove: {
              index: 'myshop-products-19700101000000000',
              alias: 'myshop-products-building',
              must_exist: true,
            },
          },
          { add: { index: 'myshop-products-19700101000000000', alias: 'myshop-products' } },
        ],
      },
    })
  })

  test('the indices of reindexes that died are dropped before building, never one behind the alias', async () => {
    const es = await clusterWith([doc('prd_1')])
    es.createIndex('myshop-products-20240301000000000', ['myshop-products-building'])
    es.createIndex('myshop-products-20240401000000000')
    es.createIndex('myshop-products-archive')
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products', now })
    await engine.reindex(sourceOf(async function* () {}))
    expect(es.calls[1]).toMatchObject({
      method: 'DELETE',
      path: '/myshop-products-20240301000000000,myshop-products-20240401000000000',
    })
    expect(es.indexNames()).toEqual([next, 'myshop-products-archive'])
  })

  test('ensureIndex creates the first index behind the alias only when the alias is missing', async () => {
    const missing = fakeElasticsearch({ 'HEAD /_alias/:name': () => notFound() })
    await elasticsearchSearch(missing.client, { index: 'myshop-products' }).ensureIndex()
    expect(missing.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'HEAD /_alias/myshop-products',
      'PUT /myshop-products-initial',
    ])
    expect(missing.calls[1]!.body).toEqual({
      settings: productIndexSettings,
      mappings: productMappings,
      aliases: { 'myshop-products': {} },
    })

    const current = fakeElasticsearch({
      'GET /:index/_mapping': () => ({
        'myshop-products-initial': { mappings: { properties: productMappings.properties } },
      }),
    })
    await elasticsearchSearch(current.client, { index: 'myshop-products' }).ensureIndex()
    expect(current.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'HEAD /_alias/myshop-products',
      'GET /myshop-products/_mapping',
    ])
  })

  test('ensureIndex adds the fields of this release to an index an earlier one made, and only those', async () => {
    const { options, optionValues, ...earlier } = productMappings.properties!
    const older = fakeElasticsearch({
      'GET /:index/_mapping': () => ({ 'myshop-products-initial': { mappings: { properties: earlier } } }),
    })
    await elasticsearchSearch(older.client, { index: 'myshop-products' }).ensureIndex()
    expect(older.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'HEAD /_alias/myshop-products',
      'GET /myshop-products/_mapping',
      'PUT /myshop-products/_mapping',
    ])
    expect(older.calls[2]!.body).toEqual({ properties: { options, optionValues } })
  })
})
