// The catalog's shapes as the API and the search engines see them. Money is integer minor units with an
// ISO-4217 currency; timestamps are ISO-8601 UTC.
import { foldText } from '@myshop/catalog-format'

export type ProductStatus = 'draft' | 'active' | 'archived'

/** The product API's limits, which catalog imports and SKU searches hold to as well. */
export const productLimits = { sku: 64, name: 200, brand: 100, slug: 120, variants: 100, categories: 20 }
export const skuPattern = '^[A-Za-z0-9][A-Za-z0-9._/-]*$'

export interface Money {
  amount: number
  currency: string
}

export interface Variant {
  id: string
  sku: string
  options: Record<string, string>
  price: Money
  compareAtPrice: Money | null
  position: number
}

export interface ProductOption {
  name: string
  values: string[]
}

/**
 * Each option of some variants, with its values in the order they first appear: the options in `order` first, in
 * that order, then any other in the order they first appear.
 */
export const optionsOf = (
  variants: readonly { options: Readonly<Record<string, string>> }[],
  order: readonly string[] = [],
): ProductOption[] => {
  const byName = new Map<string, Set<string>>(order.map((name) => [name, new Set()]))
  for (const v of variants)
    for (const [name, value] of Object.entries(v.options)) {
      let values = byName.get(name)
      if (!values) {
        values = new Set()
        byName.set(name, values)
      }
      values.add(value)
    }
  return [...byName].flatMap(([name, values]) => (values.size ? [{ name, values: [...values] }] : []))
}

/** The option names of some variants' options, in the order they first give them. */
export const optionNamesOf = (options: Iterable<Readonly<Record<string, string>>>): string[] => {
  const names = new Set<string>()
  for (const o of options) for (const name in o) names.add(name)
  return [...names]
}

/** A variant's options with their names in `order` first (as `optionsOf` orders them). */
export const inOrder = (
  options: Record<string, string>,
  order: readonly string[],
): Record<string, string> => {
  if (order.length === 0) return options
  const ordered: Record<string, string> = {}
  for (const name of order) if (Object.hasOwn(options, name)) ordered[name] = options[name]!
  return Object.keys(ordered).length === Object.keys(options).length ? ordered : { ...ordered, ...options }
}

export interface CategoryRef {
  id: string
  name: string
  slug: string
  path: string
}

export interface ImageUrls {
  original: string
  medium: string
  thumbnail: string
}

export interface ProductImage {
  id: string
  contentType: string
  width: number
  height: number
  urls: ImageUrls
  position: number
}

export interface Product {
  id: string
  slug: string
  name: string
  description: string
  brand: string | null
  attributes: Record<string, string | number | boolean>
  status: ProductStatus
  categories: CategoryRef[]
  variants: Variant[]
  /**
   * The variants' options in the merchant's order, each with its values in the order the variants first give them:
   * what a variant picker shows.
   */
  options: ProductOption[]
  images: ProductImage[]
  /** The cheapest variant's price. */
  price: Money | null
  createdAt: string
  updatedAt: string
}

/** What a search engine indexes for one product; built from the rows by `toSearchDocument`. */
export interface SearchDocument {
  id: string
  slug: string
  name: string
  description: string
  brand: string | null
  status: ProductStatus
  /** Ids of the product's categories and of all their ancestors, so a parent category finds its children's products. */
  categoryIds: string[]
  categoryPaths: string[]
  skus: string[]
  /** Every distinct option value of the product's variants ("Navy", "XL"): shoppers search by them too. */
  options: string[]
  /** Every distinct option of the variants as `name` U+001F `value` ("Colour\u001fNavy"): filters and facets. */
  optionPairs: string[]
  minPrice: number | null
  currency: string | null
  createdAt: string
  updatedAt: string
  /** The product's version when the document was read: an index keeps the document with the highest. */
  version: number
}

/** Joins an option's name and value in what the catalog keeps of a product's options (`optionPairs`). */
export const optionSeparator = '\u001f'

/**
 * The distinct (option name, value) pairs of some variants, joined by `optionSeparator`, in code unit order; of
 * spellings that fold alike ("Navy", "navy") the first in code unit order, as the catalog keeps them
 * (`catalog.variant_option_values`), so a product counts once for a value however its variants spell it.
 */
export const optionPairsOf = (options: Iterable<Readonly<Record<string, string>>>): string[] => {
  const byFolded = new Map<string, string>()
  for (const o of options)
    for (const [name, value] of Object.entries(o)) {
      const pair = `${name}${optionSeparator}${value}`
      const folded = foldText(pair)
      const kept = byFolded.get(folded)
      if (kept === undefined || pair < kept) byFolded.set(folded, pair)
    }
  return [...byFolded.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

export const toSearchDocument = (p: Product, ancestorIds: string[], version: number): SearchDocument => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  description: p.description,
  brand: p.brand,
  status: p.status,
  categoryIds: [...new Set([...p.categories.map((c) => c.id), ...ancestorIds])],
  categoryPaths: p.categories.map((c) => c.path),
  skus: p.variants.map((v) => v.sku),
  options: [...new Set(p.variants.flatMap((v) => Object.values(v.options)))],
  optionPairs: optionPairsOf(p.variants.map((v) => v.options)),
  minPrice: p.price?.amount ?? null,
  currency: p.price?.currency ?? null,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
  version,
})

/** What a cart or an order line shows for a variant: the product's name and the variant's option values. */
export const variantDisplayName = (
  productName: string,
  options: Record<string, string>,
  order: readonly string[] = [],
): string => {
  const values = Object.values(inOrder(options, order))
  return values.length ? `${productName} — ${values.join(' / ')}` : productName
}
