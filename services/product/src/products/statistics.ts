import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import * as catalog from './repository.ts'

export interface StatisticsOptions {
  /** Rows imported since the last refresh that make one worth it; smaller changes are autovacuum's. */
  minRows?: number
  /** Wait for the import to go quiet this long, so a stream of batches is analysed once, at its end. */
  quietMs?: number
  /** How often the search indexes' pending lists are merged whatever happened (0: only after imports). */
  mergeEveryMs?: number
}

/**
 * Keeps the catalog's planner statistics and search indexes up with its writes.
 *
 * Autovacuum analyses a table once enough of it changed, but only on its next round, up to a minute later; until
 * then search plans are made for the table as it was (an empty catalog that just received 100,000 products is
 * still planned as empty, and a common word is then matched by a sequential scan). After a large import goes
 * quiet the catalog tables are analysed at once.
 *
 * New entries of a GIN index wait in a pending list that every search through the index reads in full, until
 * the list outgrows its limit (256 kB here) or a vacuum merges it. Right after a 100,000-product import that made
 * text searches 500 ms instead of 55 ms, and single writes can grow the lists between vacuums. The lists are
 * merged after a large import goes quiet and every `mergeEveryMs`.
 */
export const statisticsKeeper = (
  sql: Db,
  logger: Logger,
  { minRows = 5_000, quietMs = 500, mergeEveryMs = 60_000 }: StatisticsOptions = {},
) => {
  let pending = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | null = null
  let stopped = false

  const mergePendingLists = () => catalog.mergePendingLists(sql)

  /** Runs `work` unless stopped, after whatever upkeep is already running; one at a time. */
  const upkeep = async (work: () => Promise<unknown>, done: string, failed: string) => {
    while (running) await running
    if (stopped) return
    running = work().then(
      () => logger.debug({}, done),
      (err) => logger.warn({ err }, failed),
    )
    await running
    running = null
  }

  const refresh = () => {
    timer = undefined
    const rows = pending
    pending = 0
    return upkeep(
      async () => {
        await catalog.analyzeCatalog(sql)
        await mergePendingLists()
        logger.info({ rows }, 'catalog statistics refreshed and search indexes merged after import')
      },
      'catalog upkeep after import done',
      'catalog statistics refresh failed',
    )
  }

  const merger =
    mergeEveryMs > 0
      ? setInterval(
          () =>
            void upkeep(
              mergePendingLists,
              'search index pending lists merged',
              'merging search index lists failed',
            ),
          mergeEveryMs,
        )
      : undefined
  merger?.unref?.()

  return {
    /** Counts rows an import just committed; a refresh follows once the imports pause. */
    imported(rows: number) {
      pending += rows
      if (stopped || pending < minRows) return
      clearTimeout(timer)
      timer = setTimeout(() => void refresh(), quietMs)
      timer.unref?.()
    },
    /** Cancels upkeep not yet started and waits for the one running. */
    async stop() {
      stopped = true
      clearTimeout(timer)
      clearInterval(merger)
      while (running) await running
    },
  }
}

export type StatisticsKeeper = ReturnType<typeof statisticsKeeper>
