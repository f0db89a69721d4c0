import type { Client, estypes } from '@elastic/elasticsearch'
import { foldText } from '@myshop/catalog-format'
import type { SearchDocument } from '../products/model.ts'
import { type CursorShape, cursorValues, decodeCursor, effectiveSort, encodeCursor } from './cursor.ts'
import {
  type FacetBucket,
  type OptionFilter,
  optionFacets,
  optionPairsCounted,
  optionSeparator,
  priceBuckets,
  type ReindexSource,
  type SearchEngine,
  type SearchQuery,
  type SearchResult,
  type SearchSort,
  skuCandidates,
} from './engine.ts'

export interface ElasticsearchSearchOptions {
  /**
   * The alias searches and writes go through; the physical indices behind it are `<alias>-<timestamp>`, and the
   * one a reindex is filling also carries `<alias>-building` until it is swapped in.
   */
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
  options: string[]
  /** `name` U+001F `value` of every distinct option of the variants: what option filters and facets read. */
  optionValues: string[]
  minPrice: number | null
  currency: string | null
  createdAt: string
  updatedAt: string
}

/** Facet lists are cut to their most frequent values (as in the Postgres engine). */
const facetSize = 100
/** Stands in for a missing price in sort values, so cursors hold only exact JSON numbers (not ±2^63). */
const noPriceLast = Number.MAX_SAFE_INTEGER
/** Elasticsearch's sort values of a page's last hit: a score, a price (or its stand-ins) or epoch ms, then the id. */
const cursorShape: CursorShape = {
  relevance: [cursorValues.finiteNumber, cursorValues.productId],
  price_asc: [cursorValues.integer(-1, noPriceLast), cursorValues.productId],
  price_desc: [cursorValues.integer(-1, noPriceLast), cursorValues.productId],
  // Dates sort as epoch milliseconds; JavaScript's dates reach ±8.64e15.
  newest: [cursorValues.integer(-8.64e15, 8.64e15), cursorValues.productId],
}

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
    // Variants' option values ("Navy", "XL"), matched like the description.
    options: { type: 'text', analyzer: 'folding' },
    // The same with their options' names ("Colour\u001fNavy"): filtered and counted folded, labelled as spelled.
    optionValues: { type: 'keyword', fields: { key: { type: 'keyword', normalizer: 'folding' } } },
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
  options: doc.options,
  optionValues: doc.optionPairs,
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

/** Where the words of a search are looked for, with their weights. */
const searchedFields = ['name^3', 'brand^2', 'description', 'options']

/** Every word matters: in one field (typos allowed), across fields, or as the start of a word of the name. */
const textQuery = (q: string): estypes.QueryDslQueryContainer => {
  const skus = skuCandidates(q)
  return {
    bool: {
      should: [
        {
          multi_match: {
            query: q,
            fields: searchedFields,
            type: 'best_fields',
            operator: 'and',
            fuzziness: 'AUTO',
          },
        },
        {
          multi_match: {
            query: q,
            fields: searchedFields,
            type: 'cross_fields',
            operator: 'and',
          },
        },
        { match: { 'name.autocomplete': { query: q, operator: 'and' } } },
        // An exact name comes first, and so does the product of a SKU typed whole.
        { term: { 'name.exact': { value: q.toLowerCase(), boost: 10 } } },
        ...(skus.length ? [{ terms: { skus, boost: 20 } }] : []),
      ],
      minimum_should_match: 1,
    },
  }
}

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

/** One option filter; the field's normalizer folds the terms as it folded the documents'. */
const optionFilter = ({ name, values }: OptionFilter): estypes.QueryDslQueryContainer => ({
  terms: { 'optionValues.key': values.map((value) => `${name}${optionSeparator}${value}`) },
})

const allOf = (clauses: estypes.QueryDslQueryContainer[]): estypes.QueryDslQueryContainer => ({
  bool: { filter: clauses },
})

// The folded pairs are counted; their spellings are counted apart and matched to them (`optionLabels`).
const optionAggregations: Record<string, estypes.AggregationsAggregationContainer> = {
  options: { terms: { field: 'optionValues.key', size: optionPairsCounted } },
  optionLabels: { terms: { field: 'optionValues', size: optionPairsCounted } },
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
  ...optionAggregations,
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

/**
 * Option filters narrow the hits (`post_filter`) but not the query the aggregations see: the other facets are
 * counted under all of them (`filtered`), and each option filtered on has its values counted under all the others
 * (`option0`, `option1`, …), so a shopper who picked one size still sees what each other size would add.
 */
export const searchRequest = (alias: string, query: SearchQuery): estypes.SearchRequest => {
  const q = query.q?.trim() ?? ''
  const sort = effectiveSort(query.sort, q)
  const after = query.cursor ? decodeCursor(query.cursor, sort, cursorShape) : null
  const options = (query.options ?? []).map(optionFilter)
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = options.length
    ? {
        filtered: { filter: allOf(options), aggs: aggregations },
        ...Object.fromEntries(
          options.map((_, i) => [
            `option${i}`,
            { filter: allOf(options.filter((_, j) => j !== i)), aggs: optionAggregations },
          ]),
        ),
      }
    : aggregations
  return {
    index: alias,
    size: query.limit + 1,
    track_total_hits: true,
    _source: false,
    query: { bool: { ...(q && { must: [textQuery(q)] }), filter: filters(query) } },
    ...(options.length && { post_filter: allOf(options) }),
    sort: sorts[sort],
    ...(after && { search_after: after as estypes.FieldValue[] }),
    aggs,
  }
}

interface TermsBucket {
  key: string
  doc_count: number
  path?: { buckets: { key: string }[] }
  label?: { buckets: { key: string }[] }
}
interface ResultAggregations {
  /** With option filters: the facets under all of them (and `option0`… each option's values under the others). */
  filtered?: ResultAggregations
  categories?: { ids: { buckets: TermsBucket[] } }
  brands?: { buckets: TermsBucket[] }
  options?: { buckets: TermsBucket[] }
  optionLabels?: { buckets: TermsBucket[] }
  prices?: { buckets: { from?: number; to?: number; doc_count: number }[] }
}

/**
 * The counted option pairs, each labelled with its most frequent spelling (the folded pair where none folds to it);
 * an option filtered on has its pairs from its own aggregation.
 */
const optionPairs = (query: SearchQuery, root: ResultAggregations): FacetBucket[] => {
  const own = new Map(
    (query.options ?? []).map(({ name }, i) => [
      foldText(name),
      (root as Record<string, ResultAggregations | undefined>)[`option${i}`],
    ]),
  )
  const nameOf = (pair: FacetBucket) => pair.value.slice(0, pair.value.indexOf(optionSeparator))
  return [
    ...spelledPairs(root.filtered ?? root).filter((p) => !own.has(nameOf(p))),
    ...[...own].flatMap(([name, aggs]) => (aggs ? spelledPairs(aggs) : []).filter((p) => nameOf(p) === name)),
  ]
}

const spelledPairs = (aggs: ResultAggregations): FacetBucket[] => {
  const labels = new Map<string, string>()
  for (const b of aggs.optionLabels?.buckets ?? []) {
    const key = foldText(b.key)
    if (!labels.has(key)) labels.set(key, b.key)
  }
  return (aggs.options?.buckets ?? []).map((b) => ({
    value: b.key,
    label: labels.get(b.key) ?? b.key,
    count: b.doc_count,
  }))
}

export const toSearchResult = (query: SearchQuery, response: estypes.SearchResponse): SearchResult => {
  const sort = effectiveSort(query.sort, query.q)
  const hits = response.hits.hits
  const page = hits.slice(0, query.limit)
  const last = hits.length > query.limit ? page.at(-1) : undefined
  const total = response.hits.total
  const root = (response.aggregations ?? {}) as ResultAggregations
  const aggs = root.filtered ?? root
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
      options: optionFacets(optionPairs(query, root), facetSize),
    },
    nextCursor: last?.sort ? encodeCursor({ sort, after: last.sort }) : null,
  }
}

const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[-:.TZ]/g, '')

/** Writes carry the product's version: Elasticsearch keeps a document only over a lower version. */
const versioned = (version: number) => ({ version, version_type: 'external' as const })

const indexOperation = (doc: SearchDocument): (estypes.BulkOperationContainer | IndexedProduct)[] => [
  { index: { _id: doc.id, ...versioned(doc.version) } },
  toIndexedProduct(doc),
]

/**
 * Product search on Elasticsearch through an alias. `index`/`remove` write through it with external versions;
 * `reindex` builds a fresh physical index and swaps the alias over in one atomic step, so searches never see a
 * half-built index.
 *
 * No write is lost to a reindex, whichever instance runs it and however writes interleave with it:
 * - every document carries its product's version and every deletion its own, later, version, so an index keeps
 *   the newest state of each product whatever order writes arrive in (an older one is a conflict, taken as
 *   done);
 * - the index being built carries the building alias from the moment it exists, and every write looks that
 *   alias up and goes to both indices; a write looked up before it existed reacts to a change committed before
 *   the bulk load started reading, so the bulk load has that change;
 * - the bulk load can still read a product just before it is deleted and write it after the deletion: the
 *   deletion's tombstone refuses it, and the catch-up pass re-applies every change recorded since the reindex
 *   took its position (deletions included, in case the tombstone was already collected), before the swap;
 * - the swap is one `_aliases` call that also removes the building alias, and fails if the index lost it (a
 *   newer reindex took over from this one), so searches move from a complete index to a complete index.
 */
export const elasticsearchSearch = (
  client: Client,
  { index: alias, refresh, now = Date.now }: ElasticsearchSearchOptions,
): ElasticsearchSearch => {
  // On the index a reindex is filling, while it fills it.
  const building = `${alias}-building`
  const refreshed = refresh !== undefined ? { refresh } : {}

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

  /**
   * Where a write goes: the alias, and the index a reindex is filling, if one is. That one by its name: should a
   * failed reindex drop it meanwhile, the write re-creates it, and the next reindex drops it as a leftover.
   */
  const writeTargets = async (): Promise<string[]> => {
    const found = await client.indices.getAlias({ name: building }, { ignore: [404], meta: true })
    return [alias, ...(found.statusCode === 404 ? [] : Object.keys(found.body))]
  }

  /** Indices of earlier reindexes that never got behind the alias: their process died, or a late write made one. */
  const dropLeftovers = async () => {
    const ours = new RegExp(`^${alias}-(\\d{17}|initial)$`)
    const indices = await client.indices.getAlias({ index: `${alias}-*` })
    const stale = Object.entries(indices)
      .filter(([name, { aliases }]) => ours.test(name) && !(aliases && alias in aliases))
      .map(([name]) => name)
    if (stale.length > 0) await client.indices.delete({ index: stale }, { ignore: [404] })
  }

  const bulk = async (index: string, operations: (estypes.BulkOperationContainer | IndexedProduct)[]) => {
    if (operations.length === 0) return
    const response = await client.bulk({ index, operations })
    if (!response.errors) return
    // A conflict means the index already holds a newer version of that product, which is what it should hold.
    const failed = response.items
      .map((item) => Object.values(item)[0])
      .find((result) => result?.error && result.error.type !== 'version_conflict_engine_exception')
    if (failed)
      throw new Error(`reindex: bulk write into ${index} failed for ${failed._id}`, { cause: failed.error })
  }

  return {
    name: 'elasticsearch',

    async ensureIndex(): Promise<void> {
      if (await client.indices.existsAlias({ name: alias })) {
        // An index made by an earlier release gains the fields added since (adding a field needs no new index);
        // its documents carry them once `myshop catalog reindex` or their next change rewrites them.
        const current = await client.indices.getMapping({ index: alias })
        const known = new Set(
          Object.values(current).flatMap((index) => Object.keys(index.mappings.properties ?? {})),
        )
        const added = Object.entries(productMappings.properties!).filter(([field]) => !known.has(field))
        if (added.length)
          await client.indices.putMapping({ index: alias, properties: Object.fromEntries(added) })
        return
      }
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
      const document = toIndexedProduct(doc)
      await Promise.all(
        (await writeTargets()).map((index) =>
          client.index(
            {
              index,
              id: doc.id,
              document,
              ...versioned(doc.version),
              // Through the alias only: never create an index named after it when it is missing.
              ...(index === alias && { require_alias: true }),
              ...refreshed,
            },
            // The index holds this version or a newer one already.
            { ignore: [409] },
          ),
        ),
      )
    },

    async remove(id: string, version?: number): Promise<void> {
      await Promise.all(
        (await writeTargets()).map((index) =>
          // Removing what is not there is done already; a conflict means a newer version is there.
          client.delete(
            { index, id, ...(version !== undefined && versioned(version)), ...refreshed },
            { ignore: [404, 409] },
          ),
        ),
      )
    },

    async reindex(source: ReindexSource): Promise<{ indexed: number }> {
      // Taken before the new index exists: every change after it is in the catch-up pass.
      const since = await source.position()
      await dropLeftovers()
      const index = `${alias}-${stamp(now())}`
      // From here on every write goes to the new index too.
      await createIndex(index, { [building]: {} })
      let indexed = 0
      let previous: string[] = []
      try {
        for await (const batch of source.documents()) {
          await bulk(index, batch.flatMap(indexOperation))
          indexed += batch.length
        }
        for await (const { documents, deletions } of source.changesSince(since)) {
          await bulk(index, [
            ...documents.flatMap(indexOperation),
            ...deletions.map((d) => ({ delete: { _id: d.id, ...versioned(d.version) } })),
          ])
        }
        await client.indices.refresh({ index })
        previous = await currentIndices()
        // One atomic step: searches see the old index or the new one, never neither.
        await client.indices.updateAliases({
          actions: [
            { remove: { index, alias: building, must_exist: true } },
            ...previous.map((old) => ({ remove: { index: old, alias } })),
            { add: { index, alias } },
          ],
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
