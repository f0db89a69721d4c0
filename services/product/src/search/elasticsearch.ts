import type { Client, estypes } from '@elastic/elasticsearch'
import type { SearchDocument } from '../products/model.ts'
import { decodeCursor, effectiveSort, encodeCursor } from './cursor.ts'
import {
  type FacetBucket,
  priceBuckets,
  type SearchEngine,
  type SearchQuery,
  type SearchResult,
  type SearchSort,
} from './engine.ts'

export interface ElasticsearchSearchOptions {
  /** The alias searches and writes go through; the physical indices behind it are `<alias>-<timestamp>`. */
  index: string
  /** Refresh after each `index`/`remove` (`'wait_for'` in tests that search right after a write). */
  refresh?: boolean | 'wait_for'
  /** Names the physical index a `reindex` builds. */
  now?: () => number
}

/** The Elasticsearch engine, plus creating its first index at boot. */
export interface ElasticsearchSearch extends SearchEngine {
  /** Creates the first physical index and points the alias at it, unless the alias exists. */
  ensureIndex(): Promise<void>
}

/** What one product looks like in the index. */
export interface IndexedProduct {
  id: string
  slug: string
  name: string
  description: string
  brand: string | null
  status: string
  /** Direct categories and all their ancestors: what the category filter matches. */
  categoryIds: string[]
  /** Direct categories only, id with path: what the category facet counts and labels. */
  categories: { id: string; path: string }[]
  skus: string[]
  minPrice: number | null
  currency: string | null
  createdAt: string
  updatedAt: string
}

/** Facet lists are cut to their most frequent values (as in the Postgres engine). */
const facetSize = 100
/** Stands in for a missing price in sort values, so cursors hold only exact JSON numbers (not ±2^63). */
const noPriceLast = Number.MAX_SAFE_INTEGER

export const productIndexSettings: estypes.IndicesIndexSettings = {
  number_of_shards: 1,
  analysis: {
    filter: {
      autocomplete_edge: { type: 'edge_ngram', min_gram: 2, max_gram: 20 },
    },
    analyzer: {
      folding: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding'] },
      autocomplete: {
        type: 'custom',
        tokenizer: 'standard',
        filter: ['lowercase', 'asciifolding', 'autocomplete_edge'],
      },
    },
    normalizer: {
      folding: { type: 'custom', filter: ['lowercase', 'asciifolding'] },
    },
  },
}

export const productMappings: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    slug: { type: 'keyword' },
    name: {
      type: 'text',
      analyzer: 'folding',
      fields: {
        // Edge n-grams at index time only, so "gal" matches "galaxy" but not everything sharing "ga".
        autocomplete: { type: 'text', analyzer: 'autocomplete', search_analyzer: 'folding' },
        exact: { type: 'keyword', normalizer: 'folding' },
        keyword: { type: 'keyword', ignore_above: 256 },
      },
    },
    description: { type: 'text', analyzer: 'folding' },
    brand: {
      type: 'text',
      analyzer: 'folding',
      fields: {
        // The filter and the facet group brands case-insensitively; the facet label is the stored spelling.
        key: { type: 'keyword', normalizer: 'folding' },
        keyword: { type: 'keyword' },
      },
    },
    status: { type: 'keyword' },
    categoryIds: { type: 'keyword' },
    categories: {
      type: 'nested',
      properties: { id: { type: 'keyword' }, path: { type: 'keyword' } },
    },
    skus: { type: 'keyword' },
    minPrice: { type: 'long' },
    currency: { type: 'keyword' },
    createdAt: { type: 'date' },
    updatedAt: { type: 'date' },
  },
}

/**
 * `toSearchDocument` lists the direct categories' ids first, in the order of `categoryPaths`, then the
 * ancestors; that pairs each direct category's id with its path.
 */
export const toIndexedProduct = (doc: SearchDocument): IndexedProduct => ({
  id: doc.id,
  slug: doc.slug,
  name: doc.name,
  description: doc.description,
  brand: doc.brand,
  status: doc.status,
  categoryIds: doc.categoryIds,
  categories: doc.categoryPaths.flatMap((path, i) => {
    const id = doc.categoryIds[i]
    return id === undefined ? [] : [{ id, path }]
  }),
  skus: doc.skus,
  minPrice: doc.minPrice,
  currency: doc.currency,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
})

const sorts: Record<SearchSort, estypes.SortCombinations[]> = {
  relevance: [{ _score: { order: 'desc' } }, { id: { order: 'asc' } }],
  price_asc: [{ minPrice: { order: 'asc', missing: noPriceLast } }, { id: { order: 'asc' } }],
  price_desc: [{ minPrice: { order: 'desc', missing: -1 } }, { id: { order: 'asc' } }],
  newest: [{ createdAt: { order: 'desc' } }, { id: { order: 'desc' } }],
}

/** Every word matters: in one field (typos allowed), across fields, or as the start of a word of the name. */
const textQuery = (q: string): estypes.QueryDslQueryContainer => ({
  bool: {
    should: [
      {
        multi_match: {
          query: q,
          fields: ['name^3', 'brand^2', 'description'],
          type: 'best_fields',
          operator: 'and',
          fuzziness: 'AUTO',
        },
      },
      {
        multi_match: {
          query: q,
          fields: ['name^3', 'brand^2', 'description'],
          type: 'cross_fields',
          operator: 'and',
        },
      },
      { match: { 'name.autocomplete': { query: q, operator: 'and' } } },
      // An exact name comes first.
      { term: { 'name.exact': { value: q.toLowerCase(), boost: 10 } } },
    ],
    minimum_should_match: 1,
  },
})

/** The filters of a query; `status: active` is always the first, whatever the caller asked. */
const filters = (query: SearchQuery): estypes.QueryDslQueryContainer[] => {
  const price: estypes.QueryDslNumberRangeQuery = {
    ...(query.minPrice !== undefined && { gte: query.minPrice }),
    ...(query.maxPrice !== undefined && { lte: query.maxPrice }),
  }
  return [
    { term: { status: 'active' } },
    ...(query.category !== undefined ? [{ term: { categoryIds: query.category } }] : []),
    ...(query.brand !== undefined ? [{ term: { 'brand.key': query.brand.toLowerCase() } }] : []),
    ...(Object.keys(price).length > 0 ? [{ range: { minPrice: price } }] : []),
  ]
}

const aggregations: Record<string, estypes.AggregationsAggregationContainer> = {
  categories: {
    nested: { path: 'categories' },
    aggs: {
      ids: {
        terms: { field: 'categories.id', size: facetSize },
        aggs: { path: { terms: { field: 'categories.path', size: 1 } } },
      },
    },
  },
  brands: {
    terms: { field: 'brand.key', size: facetSize },
    aggs: { label: { terms: { field: 'brand.keyword', size: 1 } } },
  },
  prices: {
    range: {
      field: 'minPrice',
      ranges: priceBuckets.map((from, i) => {
        const to = priceBuckets[i + 1]
        return to === undefined ? { from } : { from, to }
      }),
    },
  },
}

export const searchRequest = (alias: string, query: SearchQuery): estypes.SearchRequest => {
  const q = query.q?.trim() ?? ''
  const sort = effectiveSort(query.sort, q)
  const after = query.cursor ? decodeCursor(query.cursor, sort, 2) : null
  return {
    index: alias,
    size: query.limit + 1,
    track_total_hits: true,
    _source: false,
    query: { bool: { ...(q && { must: [textQuery(q)] }), filter: filters(query) } },
    sort: sorts[sort],
    ...(after && { search_after: after as estypes.FieldValue[] }),
    aggs: aggregations,
  }
}

interface TermsBucket {
  key: string
  doc_count: number
  path?: { buckets: { key: string }[] }
  label?: { buckets: { key: string }[] }
}
interface ResultAggregations {
  categories?: { ids: { buckets: TermsBucket[] } }
  brands?: { buckets: TermsBucket[] }
  prices?: { buckets: { from?: number; to?: number; doc_count: number }[] }
}

export const toSearchResult = (query: SearchQuery, response: estypes.SearchResponse): SearchResult => {
  const sort = effectiveSort(query.sort, query.q)
  const hits = response.hits.hits
  const page = hits.slice(0, query.limit)
  const last = hits.length > query.limit ? page.at(-1) : undefined
  const total = response.hits.total
  const aggs = (response.aggregations ?? {}) as ResultAggregations
  const categories: FacetBucket[] = (aggs.categories?.ids.buckets ?? []).map((b) => ({
    value: b.key,
    label: b.path?.buckets[0]?.key ?? b.key,
    count: b.doc_count,
  }))
  const brands: FacetBucket[] = (aggs.brands?.buckets ?? []).map((b) => ({
    value: b.key,
    label: b.label?.buckets[0]?.key ?? b.key,
    count: b.doc_count,
  }))
  const priceCounts = aggs.prices?.buckets ?? []
  return {
    ids: page.map((h) => h._id ?? ''),
    total: typeof total === 'number' ? total : (total?.value ?? 0),
    facets: {
      categories,
      brands,
      prices: priceBuckets.map((from, i) => ({
        from,
        to: priceBuckets[i + 1] ?? null,
        count: priceCounts[i]?.doc_count ?? 0,
      })),
    },
    nextCursor: last?.sort ? encodeCursor({ sort, after: last.sort }) : null,
  }
}

const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[-:.TZ]/g, '')

/**
 * Product search on Elasticsearch through an alias: `index`/`remove` write through it, `reindex` builds a
 * fresh physical index and swaps the alias over in one atomic step, so searches never see a half-built index.
 */
export const elasticsearchSearch = (
  client: Client,
  { index: alias, refresh, now = Date.now }: ElasticsearchSearchOptions,
): ElasticsearchSearch => {
  const createIndex = (index: string, aliases?: Record<string, estypes.IndicesAlias>) =>
    client.indices.create({
      index,
      settings: productIndexSettings,
      mappings: productMappings,
      ...(aliases && { aliases }),
    })

  const currentIndices = async (): Promise<string[]> =>
    (await client.indices.existsAlias({ name: alias }))
      ? Object.keys(await client.indices.getAlias({ name: alias }))
      : []

  return {
    name: 'elasticsearch',

    async ensureIndex(): Promise<void> {
      if (await client.indices.existsAlias({ name: alias })) return
      // A fixed first name: two instances booting together race to one index instead of two behind the alias.
      await createIndex(`${alias}-initial`, { [alias]: {} }).catch((error: unknown) => {
        const type = (error as { body?: { error?: { type?: string } } }).body?.error?.type
        if (type !== 'resource_already_exists_exception') throw error
      })
    },

    async search(query: SearchQuery): Promise<SearchResult> {
      return toSearchResult(query, await client.search(searchRequest(alias, query)))
    },

    async suggest(prefix: string, limit: number): Promise<string[]> {
      const text = prefix.trim()
      if (!text || limit <= 0) return []
      const response = await client.search<{ name: string }>({
        index: alias,
        size: limit,
        _source: ['name'],
        query: {
          bool: {
            should: [
              { match: { 'name.autocomplete': { query: text, operator: 'and', boost: 2 } } },
              { match: { name: { query: text, operator: 'and', fuzziness: 'AUTO' } } },
            ],
            minimum_should_match: 1,
            filter: [{ term: { status: 'active' } }],
          },
        },
        // One suggestion per distinct name.
        collapse: { field: 'name.keyword' },
        sort: [{ _score: { order: 'desc' } }, { 'name.keyword': { order: 'asc' } }],
      })
      return response.hits.hits.flatMap((h) => (h._source ? [h._source.name] : []))
    },

    async index(doc: SearchDocument): Promise<void> {
      await client.index({
        index: alias,
        id: doc.id,
        document: toIndexedProduct(doc),
        ...(refresh !== undefined && { refresh }),
      })
    },

    async remove(id: string): Promise<void> {
      // Removing what is not there is done already.
      await client.delete({ index: alias, id, ...(refresh !== undefined && { refresh }) }, { ignore: [404] })
    },

    async reindex(docs: AsyncIterable<SearchDocument[]>): Promise<{ indexed: number }> {
      const index = `${alias}-${stamp(now())}`
      await createIndex(index)
      let indexed = 0
      let previous: string[] = []
      try {
        for await (const batch of docs) {
          if (batch.length === 0) continue
          const response = await client.bulk({
            index,
            operations: batch.flatMap((doc) => [{ index: { _id: doc.id } }, toIndexedProduct(doc)]),
          })
          if (response.errors) {
            const failed = response.items.find((item) => item.index?.error)?.index
            throw new Error(`reindex: bulk indexing into ${index} failed for ${failed?._id}`, {
              cause: failed?.error,
            })
          }
          indexed += batch.length
        }
        await client.indices.refresh({ index })
        previous = await currentIndices()
        // One atomic step: searches see the old index or the new one, never neither.
        await client.indices.updateAliases({
          actions: [...previous.map((old) => ({ remove: { index: old, alias } })), { add: { index, alias } }],
        })
      } catch (error) {
        // Compensation: the new index never got behind the alias, so dropping it loses nothing.
        await client.indices.delete({ index }, { ignore: [404] }).catch(() => {})
        throw error
      }
      // Searches moved with the alias; the old indices only take space now.
      if (previous.length > 0) await client.indices.delete({ index: previous }, { ignore: [404] })
      return { indexed }
    },
  }
}
