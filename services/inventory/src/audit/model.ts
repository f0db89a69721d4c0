/** The stream type of a location's stock in the audit trail; its id is `stockStreamId(sku, location)`. */
export const stockStreamType = 'stock'

/** The stream type of a reservation in the audit trail; its id is the reservation's. */
export const reservationStreamType = 'reservation'

/** One location's stock is one stream: `SKU@location`. */
export const stockStreamId = (sku: string, location: string) => `${sku}@${location}`

/** Who the service's own jobs (the reservation sweeper) are recorded as. */
export const systemActor = 'system'

/** The entries of a stock stream, each version 1: what changed a location's counts and by how much. */
export type StockEntry =
  | { type: 'stock.adjusted'; data: { adjustmentId: string; delta: number; reason: string } }
  | { type: 'stock.reserved'; data: { reservationId: string; quantity: number } }
  | { type: 'stock.committed'; data: { reservationId: string; adjustmentId: string; quantity: number } }
  | {
      type: 'stock.released'
      data: { reservationId: string; quantity: number; status: 'released' | 'expired' }
    }

/** A location's counts as its audit trail tells them. */
export interface StockCounts {
  onHand: number
  reserved: number
}

/**
 * Folds a location's stock entries, oldest first, into its counts: adjustments move on_hand, reservations hold
 * units, a commit takes held units out of stock, a release gives them back.
 */
export const foldStock = (entries: readonly { type: string; data: unknown }[]): StockCounts => {
  const counts = { onHand: 0, reserved: 0 }
  for (const raw of entries) {
    const entry = raw as StockEntry
    switch (entry.type) {
      case 'stock.adjusted':
        counts.onHand += entry.data.delta
        break
      case 'stock.reserved':
        counts.reserved += entry.data.quantity
        break
      case 'stock.committed':
        counts.onHand -= entry.data.quantity
        counts.reserved -= entry.data.quantity
        break
      case 'stock.released':
        counts.reserved -= entry.data.quantity
        break
      default:
        throw new Error(`a stock stream holds an entry of unknown type ${raw.type}`)
    }
  }
  return counts
}
