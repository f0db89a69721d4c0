import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'

export interface StatisticsOptions {
  /** Rows imported since the last refresh that make one worth it; smaller changes are autovacuum's. */
  minRows?: number
  /** Wait for the import to go quiet this long, so a stream of batches is analysed once, at its end. */
  quietMs?: number
}

/**
 * Keeps the planner's statistics up with bulk imports. Autovacuum analyses a table once enough of it changed,
 * but only on its next round, up to a minute later; until then search plans are made for the table as it was
 * (an empty catalog that just received 100,000 products is still planned as empty, and a common word is then
 * matched by a sequential scan). After a large import goes quiet the catalog tables are analysed at once, and
 * the entries the import left in the GIN indexes' pending lists (which every search reads in full) are merged.
 */
export const statisticsKeeper = (
  sql: Db,
  logger: Logger,
  { minRows = 5_000, quietMs = 500 }: StatisticsOptions = {},
) => {
  let pending = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | null = null
  let stopped = false

  const refresh = async () => {
    timer = undefined
    if (stopped) return
    const rows = pending
    pending = 0
    running = (async () => {
      await sql`analyze catalog.products, catalog.product_categories, catalog.variants`
      // What the import left in the GIN indexes' pending lists is read by every search until it is merged.
      await sql`
        select gin_clean_pending_list(i.indexrelid::regclass)
        from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
        where a.amname = 'gin' and c.relnamespace = 'catalog'::regnamespace`
    })().then(
      () => logger.info({ rows }, 'catalog statistics refreshed and search indexes merged after import'),
      (err) => logger.warn({ err }, 'catalog statistics refresh failed'),
    )
    await running
    running = null
  }

  return {
    /** Counts rows an import just committed; a refresh follows once the imports pause. */
    imported(rows: number) {
      pending += rows
      if (stopped || pending < minRows) return
      clearTimeout(timer)
      timer = setTimeout(() => void (running ?? Promise.resolve()).then(refresh), quietMs)
      timer.unref?.()
    },
    /** Cancels a refresh not yet started and waits for one that is running. */
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}

export type StatisticsKeeper = ReturnType<typeof statisticsKeeper>
