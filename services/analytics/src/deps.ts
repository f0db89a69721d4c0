import type { Verifier } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import type { ProductDirectory } from './clients/product-directory.ts'
import type { StockReader } from './clients/stock.ts'
import type { Tracking } from './tracking/settings.ts'

/** The PostgreSQL schema the analytics service owns. */
export const schema = 'analytics'

/** The `source` of the events the analytics service writes. */
export const source = 'analytics'

/** Everything the analytics service's features need, passed in so tests supply their own. */
export interface AnalyticsDeps {
  sql: Db
  now: () => number
  logger: Logger
  verifier: Verifier
  /** Wakes the outbox relay after a commit that wrote events. */
  eventsWritten: () => void
  /** Shoppers' tracked events: settings, limits, the batch writer and the Elasticsearch copy. */
  tracking: Tracking
  /** Product names, brands and categories from the product service, for the product dimension. */
  products: ProductDirectory
  /** Current stock from the inventory service, for the inventory report. */
  stock: StockReader
  /** Days of cover below which the inventory report calls a SKU low. */
  lowCoverDays: number
}
