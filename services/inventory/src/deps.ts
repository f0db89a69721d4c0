import type { Verifier } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'

/** The PostgreSQL schema the inventory service owns. */
export const schema = 'inventory'

/** The `source` of the events the inventory service writes. */
export const source = 'inventory'

/** Everything the inventory service's features need, passed in so tests supply their own. */
export interface InventoryDeps {
  sql: Db
  now: () => number
  logger: Logger
  verifier: Verifier
  /** Wakes the outbox relay after a commit that wrote events. */
  eventsWritten: () => void
  settings: InventorySettings
}

export interface InventorySettings {
  /** How long a reservation holds its stock when the request names no time. */
  reservationTtlSeconds: number
}
