import type { Instance } from 'ink'
import type { ApiClient } from '../api-client.ts'
import { exitCodes, interrupted } from '../errors.ts'
import { printLineFailures } from '../line-failures.tsx'
import type { Output } from '../output.tsx'
import { ImportProgress } from './progress.tsx'
import type { ImportResult, SourceItem } from './rows.ts'
import { type ImportTally, importBatches } from './send.ts'

export type RunImportOptions = {
  label: string
  source: AsyncIterable<SourceItem>
  total: number | null
  batchSize: number
  api: ApiClient
  out: Output
  /** Ask what the import would do, and write nothing. */
  dryRun?: boolean
  /** Aborted by Ctrl-C: the import stops, says how far it got and exits 130. */
  signal?: AbortSignal
  now?: () => number
}

/**
 * Sends rows to the import endpoint with a live progress bar, then reports the counts and every failed row
 * by line (a table, or `{ created, updated, failed }` under --json). Exit 1 when any row failed.
 */
export const runImport = async ({
  label,
  source,
  total,
  batchSize,
  api,
  out,
  dryRun = false,
  signal,
  now = () => performance.now(),
}: RunImportOptions): Promise<number> => {
  const started = now()
  let tally: ImportTally = { done: 0, created: 0, updated: 0, failed: 0 }
  const view = () => (
    <ImportProgress label={label} tally={tally} total={total} elapsedMs={now() - started} color={out.color} />
  )
  const live: Instance | null = out.live(view())
  // Redrawn on a clock as well, so the rate keeps moving while a slow batch is on the server.
  const timer = live ? setInterval(() => live.rerender(view()), 250) : undefined
  let result: ImportResult | undefined
  let failure: unknown
  try {
    result = await importBatches({
      source,
      batchSize,
      send: (rows) => api.importCatalog(rows, { dryRun }),
      onProgress: (next) => {
        tally = next
      },
    })
  } catch (error) {
    failure = error
  } finally {
    clearInterval(timer)
    live?.rerender(view())
    live?.unmount()
  }
  // Reported once the progress bar is gone, so its last redraw cannot overwrite the report.
  if (!result) {
    // Batches already answered are written; say how far it got so a re-run (an upsert by SKU) is understood.
    const sofar = `${tally.done.toLocaleString('en')}${total === null ? '' : ` of ${total.toLocaleString('en')}`} rows (${tally.created} created, ${tally.updated} updated, ${tally.failed} failed)`
    if (signal?.aborted) {
      const written = tally.done
        ? 'those are written (a batch in flight may be too)'
        : 'a batch in flight may be written'
      out.note(
        dryRun
          ? `interrupted after ${sofar} checked; nothing was written`
          : `interrupted after ${sofar}: ${written}, and running it again updates them by SKU`,
      )
      throw interrupted()
    }
    if (tally.done) out.note(`import stopped after ${sofar}`)
    throw failure
  }
  const seconds = (now() - started) / 1000
  if (out.json) {
    out.printJson(dryRun ? { ...result, dryRun: true } : result)
  } else {
    if (dryRun) out.line('Dry run: every row was checked against the catalog, and nothing was written.')
    const rows = result.created + result.updated + result.failed.length
    const rate = seconds > 0 ? Math.round(rows / seconds) : rows
    out.line(
      `${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${rate.toLocaleString('en')} rows/s): ` +
        `${result.created.toLocaleString('en')} created, ${result.updated.toLocaleString('en')} updated, ` +
        `${result.failed.length.toLocaleString('en')} failed`,
    )
    if (result.failed.length) printLineFailures(out, result.failed)
  }
  return result.failed.length ? exitCodes.failure : exitCodes.ok
}
