import type { ApiClient } from '../api-client.ts'
import { CliError } from '../errors.ts'
import type { CatalogItem } from './history.ts'

/** Products read for the history at most: enough for a long tail of sales, a handful of requests. */
export const catalogReadLimit = 2000

/**
 * The live catalog as shoppers see it (the public product listing), one item per SKU of each active product, up to
 * `limit` products. Refuses an empty catalog: a history needs something to have sold.
 */
export const readCatalog = async (api: ApiClient, limit = catalogReadLimit): Promise<CatalogItem[]> => {
  const items: CatalogItem[] = []
  let cursor: string | undefined
  let products = 0
  do {
    const page = await api.listProducts({ cursor, limit: Math.min(100, limit - products) })
    for (const product of page.items) {
      if (product.status !== 'active') continue
      products++
      for (const variant of product.variants)
        items.push({
          productId: product.id,
          sku: variant.sku,
          name: product.name,
          price: Number(variant.price.amount),
          currency: variant.price.currency,
          category: product.categories[0]?.path ?? null,
          brand: product.brand,
        })
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor && products < limit)
  if (!items.length)
    throw new CliError(
      'empty_catalog',
      'the catalog has no active products to have sold: run `myshop seed --products 200` first',
    )
  return items
}
