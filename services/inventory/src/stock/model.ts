/** The location stock is counted at when none is named. */
export const defaultLocation = 'default'

/** The same SKUs the catalog takes (its variants' `sku`). */
export const skuPattern = '^[A-Za-z0-9][A-Za-z0-9._/-]*$'
export const locationPattern = '^[a-z0-9][a-z0-9_-]*$'

export const stockLimits = { sku: 64, location: 64, reason: 200, quantity: 1_000_000, threshold: 1_000_000 }

/** What a shopper is told about a SKU. */
export type StockStatus = 'in_stock' | 'low' | 'out'

/** A SKU's counts at one location. */
export interface LocationStock {
  location: string
  onHand: number
  reserved: number
  available: number
}

/** Whether available stock is at or below the SKU's threshold; a SKU without a threshold is never low. */
export const isLow = (available: number, threshold: number | null): boolean =>
  threshold !== null && available <= threshold

export const stockStatus = (available: number, threshold: number | null): StockStatus =>
  available <= 0 ? 'out' : isLow(available, threshold) ? 'low' : 'in_stock'
