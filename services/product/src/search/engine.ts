import { optionSeparator, productLimits, type SearchDocument, skuPattern } from '../products/model.ts'

export type SearchSort = 'relevance' | 'price_asc' | 'price_desc' | 'newest'

/** A shopper's query. Only `active` products are ever returned, whatever the engine. */
export interface SearchQuery {
  q?: string
  /** A category id; products in it or in any of its descendants match. */
  category?: string
  brand?: string
  /** Minor units, inclusive. */
  minPrice?: number
  maxPrice?: number
  /**
   * Variant options: a product matches when, for every option listed, one of its variants has one of the values
   * (names and values compared folded, as text is searched). Different options narrow; values of one widen.
   */
  options?: OptionFilter[]
  sort: SearchSort
  limit: number
  /** Opaque, from a previous page's `nextCursor`. */
  cursor?: string
  /**
   * `false` when the caller already holds `total` and `facets` for these filters (a later page, another sort):
   * an engine may then skip counting and return zero and empty facets. Default true.
   */
  facets?: boolean
}

export interface OptionFilter {
  name: string
  values: string[]
}

export interface FacetBucket {
  value: string
  label: string
  count: number
}

export interface PriceBucket {
  /** Minor units, inclusive lower bound. */
  from: number
  /** Minor units, exclusive upper bound; null for the open-ended top bucket. */
  to: number | null
  count: number
}

/** One variant option's values among the matches: `value` folded (what a filter may send back), `label` as spelled. */
export interface OptionFacet {
  name: string
  label: string
  values: FacetBucket[]
}

export interface SearchFacets {
  categories: FacetBucket[]
  brands: FacetBucket[]
  prices: PriceBucket[]
  options: OptionFacet[]
}

export { optionSeparator }

/** The most options a facet lists, and the most option pairs an engine counts (most frequent first). */
export const optionFacetNames = 20
export const optionPairsCounted = 1_000

/**
 * Option facets from the engines' counts of option pairs (`value` the folded pair, `label` a spelling of it): one
 * facet per option, options by their most frequent value, values by count (then value), at most `facetSize` each.
 */
export const optionFacets = (pairs: FacetBucket[], facetSize: number): OptionFacet[] => {
  const byName = new Map<string, OptionFacet>()
  for (const pair of pairs) {
    const cut = pair.value.indexOf(optionSeparator)
    if (cut < 0) continue
    const name = pair.value.slice(0, cut)
    const labelCut = pair.label.indexOf(optionSeparator)
    let facet = byName.get(name)
    if (!facet) {
      facet = { name, label: labelCut < 0 ? name : pair.label.slice(0, labelCut), values: [] }
      byName.set(name, facet)
    }
    facet.values.push({
      value: pair.value.slice(cut + 1),
      label: labelCut < 0 ? pair.value.slice(cut + 1) : pair.label.slice(labelCut + 1),
      count: pair.count,
    })
  }
  const byCount = (a: { count: number; value: string }, b: { count: number; value: string }) =>
    b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
  const facets = [...byName.values()]
  for (const f of facets) f.values = f.values.sort(byCount).slice(0, facetSize)
  return facets
    .sort((a, b) =>
      byCount({ count: a.values[0]!.count, value: a.name }, { count: b.values[0]!.count, value: b.name }),
    )
    .slice(0, optionFacetNames)
}

export interface SearchResult {
  /** Product ids in order; the service loads the products. */
  ids: string[]
  total: number
  facets: SearchFacets
  nextCursor: string | null
}

/**
 * The SKUs a query may be, when it is one token shaped like a SKU with a digit in it ("APP-000001", "app-000001"):
 * as typed and in upper case. Both engines find the product of such a SKU first; other queries skip the lookup.
 */
const skuRegex = new RegExp(skuPattern)

export const skuCandidates = (q: string): string[] => {
  const token = q.trim()
  if (token.length > productLimits.sku || !skuRegex.test(token) || !/\d/.test(token)) return []
  return [...new Set([token, token.toUpperCase()])]
}

/** The boundaries of the price facet, in minor units: [0,1000), [1000,2500), … [100000, ∞). */
export const priceBuckets = [0, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000] as const

/**
 * One interface, two engines: Postgres full-text + pg_trgm (default, embedded) and Elasticsearch. Facet
 * counts are computed over the whole filtered result (query + filters), not just the page.
 */
export interface SearchEngine {
  readonly name: 'postgres' | 'elasticsearch'
  search(query: SearchQuery): Promise<SearchResult>
  /** Product names for autocomplete, best first. */
  suggest(prefix: string, limit: number): Promise<string[]>
  /**
   * Keeps the index in step with a product (no-op for Postgres, which searches the tables). A document older
   * than the one indexed (a lower `version`) changes nothing, so writes may arrive late and out of order.
   */
  index(doc: SearchDocument): Promise<void>
  /** Removes a deleted product; `version` is its deletion's, when still recorded. */
  remove(id: string, version?: number): Promise<void>
  /**
   * Rebuilds the whole index with no downtime and no lost write (for Elasticsearch: a new index, filled, caught
   * up with what changed meanwhile and swapped in by alias).
   */
  reindex(source: ReindexSource): Promise<{ indexed: number }>
}

/** A product deleted from the catalog, with the version its deletion was given. */
export interface Deletion {
  id: string
  version: number
}

/** What a reindex reads from the catalog. */
export interface ReindexSource {
  /** Where the catalog's change history stands; what is written or deleted afterwards has a greater version. */
  position(): Promise<number>
  /** Every product, a batch at a time. */
  documents(): AsyncIterable<SearchDocument[]>
  /** The products written and deleted since `position`, a batch at a time. */
  changesSince(position: number): AsyncIterable<{ documents: SearchDocument[]; deletions: Deletion[] }>
}
