import type { Logger } from '@myshop/logger'
import { type ServiceTokens, serviceGet } from '@myshop/service-kit'

/** A SKU's current stock as the inventory service tells it. */
export interface SkuStock {
  available: number
  /** `low` or `out` at or below the SKU's threshold. */
  status: 'in_stock' | 'low' | 'out'
}

/** Reads current stock; null when it cannot be told (no identity, the service down or slow, the SKU unknown). */
export interface StockReader {
  stock(sku: string): Promise<SkuStock | null>
}

/**
 * The inventory service's stock API, called with the analytics service's own identity (`inventory:read`); a
 * refused token is forgotten and the call made once more. Without SERVICE_SECRET nothing is asked.
 */
export const httpStockReader = ({
  baseUrl,
  tokens,
  timeoutMs,
  logger,
  fetch: fetchImpl = fetch,
}: {
  baseUrl: string
  tokens: ServiceTokens | null
  timeoutMs: number
  logger: Logger
  fetch?: typeof fetch
}): StockReader => {
  const get = tokens ? serviceGet({ baseUrl, tokens, timeoutMs, fetch: fetchImpl }) : null
  return {
    async stock(sku) {
      if (!get) return null
      try {
        const body = await get<SkuStock>(`/api/v1/inventory/${encodeURIComponent(sku)}`)
        return body && { available: body.available, status: body.status }
      } catch (error) {
        logger.warn({ err: error, sku }, 'inventory service not reached; stock left unknown')
        return null
      }
    },
  }
}
