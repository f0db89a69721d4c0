import type { CallResult, ServiceCaller } from './service-call.ts'

/** A reservation as the inventory service answers it. */
export interface Reservation {
  id: string
  reference: string
  status: 'reserved' | 'committed' | 'released' | 'expired'
  lines: { sku: string; location: string; quantity: number }[]
  expiresAt: string
}

/** A SKU a reservation could not hold, with what it has available. */
export interface Shortage {
  sku: string
  requested: number
  available: number
}

/** The inventory service's reservations, as the order service uses them. */
export interface InventoryClient {
  reserve(
    key: string,
    input: { reference: string; lines: { sku: string; quantity: number }[]; ttlSeconds?: number },
  ): Promise<CallResult<Reservation>>
  commit(id: string): Promise<CallResult<Reservation>>
  release(id: string): Promise<CallResult<Reservation>>
  /** Puts committed units back on hand (goods returned, or an order cancelled after its stock was taken). */
  restock(
    id: string,
    key: string,
    lines: { sku: string; quantity: number }[] | undefined,
  ): Promise<CallResult<Reservation>>
}

export const inventoryClient = (call: ServiceCaller): InventoryClient => ({
  reserve: (key, input) =>
    call<Reservation>('POST', '/api/v1/reservations', { body: input, idempotencyKey: key }),
  commit: (id) => call<Reservation>('POST', `/api/v1/reservations/${encodeURIComponent(id)}/commit`),
  release: (id) => call<Reservation>('POST', `/api/v1/reservations/${encodeURIComponent(id)}/release`),
  restock: (id, key, lines) =>
    call<Reservation>('POST', `/api/v1/reservations/${encodeURIComponent(id)}/restocks`, {
      body: lines ? { lines } : {},
      idempotencyKey: key,
    }),
})
