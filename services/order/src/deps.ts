import type { Verifier } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import type { CartLimits } from './carts/model.ts'
import type { CartStore } from './carts/store.ts'
import type { Catalog } from './catalog/client.ts'

/** The PostgreSQL schema the order service owns. */
export const schema = 'orders'

/** The `source` of the events the order service writes. */
export const source = 'order'

/** Everything the order service's features need, passed in so tests supply their own. */
export interface OrderDeps {
  sql: Db
  now: () => number
  logger: Logger
  verifier: Verifier
  /** Wakes the outbox relay after a commit that wrote events. */
  eventsWritten: () => void
  /** Carts: in Redis when the service has it, else in PostgreSQL. */
  carts: CartStore
  cartLimits: CartLimits
  /** The product service, which prices carts. */
  catalog: Catalog
}
