import { ApiError } from '../api-client.ts'
import type { ImportResult, ImportRow, SourceItem } from './rows.ts'

export type ImportTally = { done: number; created: number; updated: number; failed: number }

export type ImportBatchesOptions = {
  source: AsyncIterable<SourceItem>
  /** One `POST /api/v1/catalog/import`. */
  send: (rows: ImportRow[]) => Promise<ImportResult>
  batchSize: number
  /** Requests in flight at once (default 2): the server writes one batch while the next is on the wire. */
  concurrency?: number
  onProgress?: (tally: ImportTally) => void
}

// The whole batch is one transaction on the server, so a batch refused by a conflict or a crash left nothing
// behind and can be sent again as it is.
const retryable = (error: unknown) =>
  error instanceof ApiError && (error.status === 409 || error.status >= 500)

// A body over what MyShop takes in one request (the gateway's BODY_LIMIT_BYTES; rows with long descriptions).
const tooLarge = (error: unknown) => error instanceof ApiError && error.status === 413

/** Where to halve a batch: at the middle, moved back to the start of the product there when that leaves some. */
const halfOf = (rows: readonly ImportRow[]): number => {
  const middle = Math.ceil(rows.length / 2)
  let cut = middle
  const slug = rows[middle]?.slug
  if (slug) while (cut > 0 && rows[cut - 1]!.slug === slug) cut--
  return cut > 0 ? cut : middle
}

const sum = (a: ImportResult, b: ImportResult): ImportResult => ({
  created: a.created + b.created,
  updated: a.updated + b.updated,
  failed: [...a.failed, ...b.failed],
})

/**
 * Sends a stream of rows in batches and adds up the answers; rows failed before sending and rows the server
 * refused come back together, by line. The first batch goes alone: it creates most of the categories, which
 * two concurrent batches would otherwise both try to create. A request that fails stops the import.
 */
export const importBatches = async ({
  source,
  send,
  batchSize,
  concurrency = 2,
  onProgress,
}: ImportBatchesOptions): Promise<ImportResult> => {
  const result: ImportResult = { created: 0, updated: 0, failed: [] }
  const tally: ImportTally = { done: 0, created: 0, updated: 0, failed: 0 }
  const report = () => onProgress?.({ ...tally })
  const inFlight = new Set<Promise<void>>()
  let stopped: { error: unknown } | undefined
  let batches = 0

  // Rows a request may carry: the batch size, until MyShop refuses a body as too large.
  let limit = batchSize

  const sendOnce = async (rows: ImportRow[]) => {
    try {
      return await send(rows)
    } catch (error) {
      if (!retryable(error)) throw error
      return send(rows)
    }
  }

  /** A batch refused as too large is sent again in halves (one after the other), and later batches are smaller. */
  const sendBatch = async (rows: ImportRow[]): Promise<ImportResult> => {
    try {
      return await sendOnce(rows)
    } catch (error) {
      if (!tooLarge(error)) throw error
      if (rows.length === 1) {
        const [row] = rows as [ImportRow]
        const message =
          'is larger than MyShop takes in one request (shorten the row or raise BODY_LIMIT_BYTES)'
        return {
          created: 0,
          updated: 0,
          failed: [{ line: row.line, sku: row.sku, errors: [{ path: '', message }] }],
        }
      }
      const cut = halfOf(rows)
      limit = Math.min(limit, Math.max(1, cut))
      const first = await sendBatch(rows.slice(0, cut))
      return sum(first, await sendBatch(rows.slice(cut)))
    }
  }

  const launch = (rows: ImportRow[]) => {
    batches++
    const request: Promise<void> = sendBatch(rows)
      .then((answer) => {
        result.created += answer.created
        result.updated += answer.updated
        result.failed.push(...answer.failed)
        tally.done += rows.length
        tally.created += answer.created
        tally.updated += answer.updated
        tally.failed += answer.failed.length
        report()
      })
      .catch((error: unknown) => {
        stopped ??= { error }
      })
      .finally(() => inFlight.delete(request))
    inFlight.add(request)
    return request
  }

  let batch: ImportRow[] = []
  for await (const item of source) {
    if ('failure' in item) {
      result.failed.push(item.failure)
      tally.done++
      tally.failed++
      report()
      continue
    }
    const { row } = item
    if (batch.length >= limit) {
      // A product's rows (one slug, one after another) go in one request, which writes it whole; only a product
      // with more rows than a batch holds is split, and its later rows join it by slug.
      let cut = batch.length
      if (row.slug) while (cut > 0 && batch[cut - 1]!.slug === row.slug) cut--
      if (cut === 0) cut = batch.length
      const request = launch(batch.slice(0, cut))
      batch = batch.slice(cut)
      if (batches === 1) await request
      while (inFlight.size >= concurrency) await Promise.race(inFlight)
      if (stopped) break
    }
    batch.push(row)
  }
  if (!stopped && batch.length) launch(batch)
  await Promise.all(inFlight)
  if (stopped) throw stopped.error
  result.failed.sort((a, b) => a.line - b.line)
  return result
}
