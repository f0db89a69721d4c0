import { AppError } from '@myshop/errors'

/** What the product service says of a SKU that is for sale (its product is active). */
export interface CatalogVariant {
  sku: string
  productId: string
  /** The product's name with the variant's option values: what a cart line shows. */
  name: string
  price: { amount: number; currency: string }
}

/** The product service, as carts see it. */
export interface Catalog {
  /**
   * The SKUs among `skus` that are for sale, by SKU. A SKU that is unknown, draft or archived is absent. Throws
   * `unavailable` (503 with Retry-After) when the product service does not answer.
   */
  lookup(skus: readonly string[]): Promise<Map<string, CatalogVariant>>
}

/** How many SKUs the product service looks up in one call. */
export const lookupBatch = 100

interface LookupItem {
  sku: string
  productId: string
  displayName: string
  price: { amount: number; currency: string }
  status: string
}

const unavailable = (cause: unknown) =>
  new AppError('unavailable', {
    detail: 'The catalog cannot be reached to price the cart; try again shortly',
    headers: { 'retry-after': '5' },
    cause,
  })

export interface ProductCatalogOptions {
  /** Where the product service answers (PRODUCT_SERVICE_URL). */
  baseUrl: string
  /** How long one lookup may take before the catalog counts as unreachable. */
  timeoutMs?: number
  fetch?: (request: Request) => Promise<Response>
}

/** The product service's SKU lookup (`POST /api/v1/products/variants/lookup`) over HTTP. */
export const productCatalog = ({
  baseUrl,
  timeoutMs = 3_000,
  fetch: send = (request) => fetch(request),
}: ProductCatalogOptions): Catalog => {
  const url = new URL('/api/v1/products/variants/lookup', baseUrl).toString()
  const lookupBatchOf = async (skus: readonly string[]): Promise<LookupItem[]> => {
    let response: Response
    try {
      response = await send(
        new Request(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ skus }),
          signal: AbortSignal.timeout(timeoutMs),
        }),
      )
    } catch (error) {
      throw unavailable(error)
    }
    if (!response.ok) {
      await response.body?.cancel()
      throw unavailable(new Error(`product service answered ${response.status}`))
    }
    const body = (await response.json().catch(() => null)) as { items?: LookupItem[] } | null
    if (!Array.isArray(body?.items)) throw unavailable(new Error('product service answered no items'))
    return body.items
  }
  return {
    async lookup(skus) {
      const unique = [...new Set(skus)]
      const batches: string[][] = []
      for (let i = 0; i < unique.length; i += lookupBatch) batches.push(unique.slice(i, i + lookupBatch))
      const items = (await Promise.all(batches.map(lookupBatchOf))).flat()
      return new Map(
        items
          .filter((item) => item.status === 'active')
          .map((item) => [
            item.sku,
            { sku: item.sku, productId: item.productId, name: item.displayName, price: item.price },
          ]),
      )
    },
  }
}
