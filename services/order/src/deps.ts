import type { Verifier } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import type { CartLimits } from './carts/model.ts'
import type { CartStore } from './carts/store.ts'
import type { Catalog } from './catalog/client.ts'
import type { InventoryClient } from './clients/inventory.ts'
import type { PaymentClient } from './clients/payment.ts'

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
  /** Checkout and its sagas: the other services they call, and how they retry and hold their leases. */
  sagas: SagaDeps
}

/** What the saga engine needs beside the database. */
export interface SagaDeps {
  /** This instance's name on the leases it holds. */
  owner: string
  /** Null when the service has no identity to call other services with (SERVICE_SECRET unset). */
  inventory: InventoryClient | null
  payment: PaymentClient | null
  settings: SagaSettings
  /** Called at named points of every step (`forward:reserve_stock:effect`, …); tests make it crash or pause there. */
  fault?: ((point: string) => void | Promise<void>) | undefined
}

export interface SagaSettings {
  /** How long a saga stays leased to the instance running it without being renewed. */
  leaseMs: number
  /** Attempts of one step before a forward step gives up (and compensates) or a compensation needs an operator. */
  maxAttempts: number
  /** The wait before the second attempt; each later one waits four times longer, up to retryMaxMs. */
  retryBaseMs: number
  retryMaxMs: number
  /** A retry due this soon is waited for in the same run (so one request rides out a provider's hiccup). */
  inlineWaitMs: number
  /** How long a checkout waits for the customer to approve a payment before it is compensated. */
  actionTimeoutSeconds: number
  /** How often a saga awaiting the customer asks the payment service, in case the event is late. */
  pollMs: number
}
