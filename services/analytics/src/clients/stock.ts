import type { Logger } from '@myshop/logger'
import type { ServiceTokens } from '@myshop/service-kit'

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
  const root = baseUrl.replace(/\/+$/, '')
  return {
    async stock(sku) {
      if (!tokens) return null
      try {
        const once = async () =>
          fetchImpl(`${root}/api/v1/inventory/${encodeURIComponent(sku)}`, {
            headers: { authorization: await tokens.authorization(), accept: 'application/json' },
            signal: AbortSignal.timeout(timeoutMs),
          })
        let response = await once()
        if (response.status === 401) {
          tokens.forget()
          response = await once()
        }
        if (response.status === 404) return null
        if (!response.ok) throw new Error(`GET stock of ${sku} answered ${response.status}`)
        const body = (await response.json()) as SkuStock
        return { available: body.available, status: body.status }
      } catch (error) {
        logger.warn({ err: error, sku }, 'inventory service not reached; stock left unknown')
        return null
      }
    },
  }
}
