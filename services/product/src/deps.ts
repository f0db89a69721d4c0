import type { Verifier } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import type { ResponseCache } from './cache/response-cache.ts'
import type { MediaStorage } from './media/storage.ts'
import type { SearchEngine } from './search/engine.ts'

/** Everything the product service's features need, passed in so tests supply their own. */
export interface ProductDeps {
  sql: Db
  now: () => number
  logger: Logger
  verifier: Verifier
  search: SearchEngine
  storage: MediaStorage
  cache: ResponseCache
  /** Wakes the outbox relay after a commit that wrote events. */
  eventsWritten: () => void
  /** Told how many rows an import committed, so the planner's statistics follow large imports. */
  rowsImported?: (rows: number) => void
  settings: ProductSettings
}

export interface ProductSettings {
  /** Largest accepted image upload, in bytes. */
  maxImageBytes: number
  /** Seconds shared caches (a CDN) may keep public catalog reads. */
  publicMaxAgeSeconds: number
  /**
   * Milliseconds after a write at which its product entries are deleted from the cache a second time. A read
   * that rendered the row before the write committed may store it just after the first delete; the second
   * removes it. Renders slower than half of this are not stored at all.
   */
  cacheSettleMs: number
}

export const source = 'product'
export const schema = 'catalog'
