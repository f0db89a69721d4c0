import type { Logger } from '@myshop/logger'
import { publicGet } from '@myshop/service-kit'

/** A product as the product service's public API shows it, reduced to what the product dimension keeps. */
export interface CatalogProduct {
  productId: string
  name: string
  brand: string | null
  category: { id: string; name: string } | null
  skus: string[]
}

/** Reads products and category names from the product service; null when it cannot say (down, slow, missing). */
export interface ProductDirectory {
  product(productId: string): Promise<CatalogProduct | null>
  categoryName(categoryId: string): Promise<string | null>
}

/**
 * The product service's public product and category API, each call bounded by `timeoutMs`. Any failure answers
 * null: a fact is recorded without the product's details, which a later product event fills in.
 */
export const httpProductDirectory = ({
  baseUrl,
  timeoutMs,
  logger,
  fetch: fetchImpl = fetch,
}: {
  baseUrl: string
  timeoutMs: number
  logger: Logger
  fetch?: typeof fetch
}): ProductDirectory => {
  const read = publicGet({ baseUrl, timeoutMs, fetch: fetchImpl })
  const get = async <T>(path: string): Promise<T | null> => {
    try {
      return await read<T>(path)
    } catch (error) {
      logger.warn({ err: error, path }, 'product service not reached; product details left unknown')
      return null
    }
  }
  return {
    async product(productId) {
      const body = await get<{
        id: string
        name: string
        brand: string | null
        categories: { id: string; name: string }[]
        variants: { sku: string }[]
      }>(`/api/v1/products/${encodeURIComponent(productId)}`)
      if (!body) return null
      const first = body.categories[0]
      return {
        productId: body.id,
        name: body.name,
        brand: body.brand,
        category: first ? { id: first.id, name: first.name } : null,
        skus: body.variants.map((v) => v.sku),
      }
    },
    async categoryName(categoryId) {
      const body = await get<{ name: string }>(`/api/v1/categories/${encodeURIComponent(categoryId)}`)
      return body?.name ?? null
    },
  }
}
