import type { Instance } from 'ink'
import { type AnalyticsImportResult, ApiError, type FieldError } from '../api-client.ts'
import { ImportProgress } from '../catalog/progress.tsx'
import type { ImportTally } from '../catalog/send.ts'
import { CliError, interrupted } from '../errors.ts'
import type { Output } from '../output.tsx'

/** What one import of history came to: rows taken, rows MyShop already had (same ids), and rows refused. */
export type HistorySummary = {
  accepted: number
  duplicates: number
  rejected: { id: string; errors: FieldError[] }[]
}

export type SendHistoryOptions<T> = {
  /** `Orders`, `Events`: the progress bar's label. */
  label: string
  /** What is counted: `orders`, `events`. */
  unit: string
  items: Iterable<T>
  total: number
  batchSize: number
  idOf: (item: T) => string
  /** One import request. */
  send: (batch: T[]) => Promise<AnalyticsImportResult>
  out: Output
  signal?: AbortSignal | undefined
  now?: () => number
}

// A batch is one transaction on the server and idempotent by id, so one refused by a conflict or a crash is sent
// again as it is.
const retryable = (error: unknown) =>
  error instanceof ApiError && (error.status === 409 || error.status === 429 || error.status >= 500)

const refusal = (error: unknown, unit: string): unknown => {
  if (!(error instanceof ApiError)) return error
  if (error.status === 403)
    return new CliError(
      'not_permitted',
      `importing ${unit} needs analytics:import (an administrator): sign in as one with \`myshop login\``,
    )
  if (error.status === 404)
    return new CliError('not_supported', `this MyShop has no analytics import for ${unit} (${error.message})`)
  return error
}

/**
 * Sends generated history to an import endpoint in batches, two requests in flight, with a live progress bar, and
 * adds up the answers; refused rows come back by id. A request that fails stops the import: what was answered is
 * written, and sending the same seed again only adds what is missing.
 */
export const sendHistory = async <T,>({
  label,
  unit,
  items,
  total,
  batchSize,
  idOf,
  send,
  out,
  signal,
  now = () => performance.now(),
}: SendHistoryOptions<T>): Promise<HistorySummary> => {
  const started = now()
  const summary: HistorySummary = { accepted: 0, duplicates: 0, rejected: [] }
  let tally: ImportTally = { done: 0, created: 0, updated: 0, failed: 0 }
  const view = () => (
    <ImportProgress
      label={label}
      unit={unit}
      tally={tally}
      total={total}
      elapsedMs={now() - started}
      color={out.color}
    />
  )
  const live: Instance | null = out.live(view())
  const timer = live ? setInterval(() => live.rerender(view()), 250) : undefined
  const inFlight = new Set<Promise<void>>()
  let stopped: { error: unknown } | undefined

  const sendOnce = async (batch: T[]) => {
    try {
      return await send(batch)
    } catch (error) {
      if (!retryable(error) || signal?.aborted) throw error
      await Bun.sleep(
        error instanceof ApiError && error.retryAt
          ? Math.min(10_000, Math.max(0, error.retryAt.getTime() - Date.now()))
          : 250,
      )
      return send(batch)
    }
  }

  const launch = (batch: T[]) => {
    const request: Promise<void> = sendOnce(batch)
      .then((answer) => {
        summary.accepted += answer.accepted
        summary.duplicates += answer.duplicates
        for (const { index, errors } of answer.rejected)
          summary.rejected.push({ id: idOf(batch[index] as T), errors })
        tally = {
          done: tally.done + batch.length,
          created: summary.accepted,
          updated: summary.duplicates,
          failed: summary.rejected.length,
        }
      })
      .catch((error: unknown) => {
        stopped ??= { error }
      })
      .finally(() => inFlight.delete(request))
    inFlight.add(request)
  }

  try {
    let batch: T[] = []
    for (const item of items) {
      batch.push(item)
      if (batch.length < batchSize) continue
      launch(batch)
      batch = []
      while (inFlight.size >= 2) await Promise.race(inFlight)
      if (stopped || signal?.aborted) break
    }
    if (!stopped && !signal?.aborted && batch.length) launch(batch)
    await Promise.all(inFlight)
  } finally {
    clearInterval(timer)
    live?.rerender(view())
    live?.unmount()
  }
  if (stopped || signal?.aborted) {
    const sofar = `${tally.done.toLocaleString('en')} of ${total.toLocaleString('en')} ${unit}`
    if (signal?.aborted) {
      out.note(`interrupted after ${sofar}: those are written, and the same seed again adds only the rest`)
      throw interrupted()
    }
    if (tally.done) out.note(`the import of ${unit} stopped after ${sofar}`)
    throw refusal(stopped?.error, unit)
  }
  if (!out.json) {
    const seconds = (now() - started) / 1000
    const rate = seconds > 0 ? Math.round(total / seconds) : total
    out.line(
      `${label}: ${total.toLocaleString('en')} ${unit} in ${seconds.toFixed(1)} s (${rate.toLocaleString('en')} ${unit}/s): ` +
        `${summary.accepted.toLocaleString('en')} accepted, ${summary.duplicates.toLocaleString('en')} already there, ` +
        `${summary.rejected.length.toLocaleString('en')} rejected`,
    )
    for (const { id, errors } of summary.rejected.slice(0, 20))
      out.note(`${id}: ${errors.map((e) => `${e.path} ${e.message}`.trim()).join('; ')}`)
  }
  return summary
}
