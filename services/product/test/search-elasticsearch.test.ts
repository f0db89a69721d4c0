import { describe, expect, test } from 'bun:test'
import { createRequire } from 'node:module'
import { Client } from '@elastic/elasticsearch'
import Mock from '@elastic/elasticsearch-mock'
import { AppError } from '@myshop/errors'
import type { SearchDocument } from '../src/products/model.ts'
import { elasticsearchSearch, productIndexSettings, productMappings } from '../src/search/elasticsearch.ts'
import type { SearchQuery } from '../src/search/engine.ts'

interface Call {
  method: string
  path: string
  querystring: Record<string, string>
  body: unknown
}

// The mock recognises error replies by `instanceof` against the CommonJS build of the client, which is not
// the class an ESM import gives.
const { errors } = createRequire(import.meta.url)(
  '@elastic/elasticsearch',
) as typeof import('@elastic/elasticsearch')

type Reply = Record<string, unknown> | InstanceType<typeof errors.ResponseError>

const notFound = (type = 'index_not_found_exception') =>
  new errors.ResponseError({
    body: { error: { type }, status: 404 },
    statusCode: 404,
    headers: {},
    warnings: null,
    // biome-ignore lint/suspicious/noExplicitAny: the client's diagnostic metadata is irrelevant to the mock
    meta: {} as any,
  })

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
  minPrice: 89_900,
  currency: 'EUR',
  createdAt: '2024-06-01T12:00:00.000Z',
  updatedAt: '2024-06-02T12:00:00.000Z',
  ...overrides,
})

describe('elasticsearch search: the request', () => {
  test('a query with every filter: multi_match with typos, prefixes, filter clauses, sort and aggregations', async () => {
    const es = fakeElasticsearch({ 'POST /:index/_search': emptySearch })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products' })
    await engine.search(
      query({
        q: ' Samsung Galaxy ',
        category: 'cat_phones',
        brand: 'SAMSUNG',
        minPrice: 1000,
        maxPrice: 90000,
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
                      fields: ['name^3', 'brand^2', 'description'],
                      type: 'best_fields',
                      operator: 'and',
                      fuzziness: 'AUTO',
                    },
                  },
                  {
                    multi_match: {
                      query: 'Samsung Galaxy',
                      fields: ['name^3', 'brand^2', 'description'],
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
      sort: [{ _score: { order: 'desc' } }, { id: { order: 'asc' } }],
      aggs: expectedAggs,
    })
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
    const es = fakeElasticsearch({
      'POST /:index/_search': (call) =>
        (call.body as { search_after?: unknown }).search_after
          ? emptySearch()
          : {
              hits: {
                total: { value: 3, relation: 'eq' },
                hits: [
                  { _id: 'prd_1', _score: null, sort: [49_900, 'prd_1'] },
                  { _id: 'prd_2', _score: null, sort: [49_900, 'prd_2'] },
                  { _id: 'prd_3', _score: null, sort: [89_900, 'prd_3'] },
                ],
              },
            },
    })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products' })
    const first = await engine.search(query({ sort: 'price_asc' }))
    expect(first.ids).toEqual(['prd_1', 'prd_2'])
    expect(first.nextCursor).not.toBeNull()
    const second = await engine.search(query({ sort: 'price_asc', cursor: first.nextCursor! }))
    expect((es.calls[1]!.body as { search_after: unknown }).search_after).toEqual([49_900, 'prd_2'])
    expect(second).toMatchObject({ ids: [], nextCursor: null })
  })

  test('a cursor of another sort or not ours is refused before any request', async () => {
    const es = fakeElasticsearch({ 'POST /:index/_search': emptySearch })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products' })
    const cursor = Buffer.from(JSON.stringify({ s: 'price_asc', a: [1, 'prd_1'] })).toString('base64url')
    await expect(engine.search(query({ sort: 'price_desc', cursor }))).rejects.toBeInstanceOf(AppError)
    await expect(engine.search(query({ cursor: '%%%' }))).rejects.toMatchObject({ code: 'validation_failed' })
    expect(es.calls).toHaveLength(0)
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
      },
      nextCursor: expect.any(String),
    })
    expect(JSON.parse(Buffer.from(result.nextCursor!, 'base64url').toString())).toEqual({
      s: 'relevance',
      a: [6.4, 'prd_b'],
    })
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
    minPrice: 89_900,
    currency: 'EUR',
    createdAt: '2024-06-01T12:00:00.000Z',
    updatedAt: '2024-06-02T12:00:00.000Z',
  }

  test('index writes the document through the alias; remove deletes it, and a missing one is fine', async () => {
    const es = fakeElasticsearch({ 'DELETE /:index/_doc/:id': () => notFound('not_found') })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products', refresh: 'wait_for' })
    await engine.index(doc('prd_1'))
    await engine.remove('prd_gone')
    expect(es.calls).toEqual([
      {
        method: 'PUT',
        path: '/myshop-products/_doc/prd_1',
        querystring: { refresh: 'wait_for' },
        body: indexed,
      },
      {
        method: 'DELETE',
        path: '/myshop-products/_doc/prd_gone',
        querystring: { refresh: 'wait_for' },
        body: null,
      },
    ])
  })

  test('a draft is indexed too (the searches filter it out), without refresh unless asked', async () => {
    const es = fakeElasticsearch()
    await elasticsearchSearch(es.client, { index: 'myshop-products' }).index(
      doc('prd_1', { status: 'draft' }),
    )
    expect(es.calls[0]).toMatchObject({ querystring: {}, body: { ...indexed, status: 'draft' } })
  })

  test('reindex builds a new index, swaps the alias atomically, then drops the old index', async () => {
    const es = fakeElasticsearch({
      'POST /:index/_bulk': (call) => ({
        errors: false,
        items: (call.body as unknown[]).filter((_, i) => i % 2 === 0).map(() => ({ index: { status: 201 } })),
      }),
      'GET /_alias/:name': () => ({
        'myshop-products-20240101000000000': { aliases: { 'myshop-products': {} } },
      }),
    })
    const engine = elasticsearchSearch(es.client, {
      index: 'myshop-products',
      now: () => Date.parse('2024-06-01T12:00:00.123Z'),
    })
    async function* batches() {
      yield [doc('prd_1'), doc('prd_2', { brand: null, categoryIds: [], categoryPaths: [] })]
      yield []
      yield [doc('prd_3', { status: 'archived' })]
    }
    expect(await engine.reindex(batches())).toEqual({ indexed: 3 })

    const next = 'myshop-products-20240601120000123'
    expect(es.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `PUT /${next}`,
      `POST /${next}/_bulk`,
      `POST /${next}/_bulk`,
      `GET /${next}/_refresh`,
      'HEAD /_alias/myshop-products',
      'GET /_alias/myshop-products',
      'POST /_aliases',
      'DELETE /myshop-products-20240101000000000',
    ])
    expect(es.calls[0]!.body).toEqual({ settings: productIndexSettings, mappings: productMappings })
    expect(es.calls[1]!.body).toEqual([
      { index: { _id: 'prd_1' } },
      indexed,
      { index: { _id: 'prd_2' } },
      {
        ...indexed,
        id: 'prd_2',
        slug: 'slug-prd_2',
        name: 'Product prd_2',
        skus: ['prd_2-128'],
        brand: null,
        categoryIds: [],
        categories: [],
      },
    ])
    expect((es.calls[2]!.body as unknown[])[0]).toEqual({ index: { _id: 'prd_3' } })
    expect(es.calls[6]!.body).toEqual({
      actions: [
        { remove: { index: 'myshop-products-20240101000000000', alias: 'myshop-products' } },
        { add: { index: next, alias: 'myshop-products' } },
      ],
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
      minPrice: { type: 'long' },
      createdAt: { type: 'date' },
    })
  })

  test('a failed reindex drops its half-built index and leaves the alias alone', async () => {
    const es = fakeElasticsearch({
      'POST /:index/_bulk': () => ({
        errors: true,
        items: [{ index: { _id: 'prd_1', status: 400, error: { type: 'mapper_parsing_exception' } } }],
      }),
    })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products', now: () => 0 })
    async function* batches() {
      yield [doc('prd_1')]
    }
    await expect(engine.reindex(batches())).rejects.toThrow(/prd_1/)
    expect(es.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'PUT /myshop-products-19700101000000000',
      'POST /myshop-products-19700101000000000/_bulk',
      'DELETE /myshop-products-19700101000000000',
    ])
  })

  test('reindexing the first time only adds the alias', async () => {
    const es = fakeElasticsearch({ 'HEAD /_alias/:name': () => notFound() })
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products', now: () => 0 })
    await engine.reindex((async function* () {})())
    expect(es.calls.at(-1)).toMatchObject({
      path: '/_aliases',
      body: { actions: [{ add: { index: 'myshop-products-19700101000000000', alias: 'myshop-products' } }] },
    })
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

    const present = fakeElasticsearch()
    await elasticsearchSearch(present.client, { index: 'myshop-products' }).ensureIndex()
    expect(present.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['HEAD /_alias/myshop-products'])
  })
})
