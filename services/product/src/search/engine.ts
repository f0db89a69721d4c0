import { productLimits, type SearchDocument, skuPattern } from '../products/model.ts'

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

export interface SearchFacets {
  categories: FacetBucket[]
  brands: FacetBucket[]
  prices: PriceBucket[]
}

export interface SearchResult {
  /** Product ids in order; the service loads the products. */
  ids: string[]
  total: number
  facets: SearchFacets
  nextCursor: string | null
}

/** The boundaries of the price facet, in minor units: [0,1000), [1000,2500), … [100000, ∞). */
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
