import { once } from 'node:events'
import { open, rename, rm } from 'node:fs/promises'
import { CliError } from '../errors.ts'
import type { Stream } from '../output.tsx'
import type { ChartCollector } from './chart-data.ts'
import { type ReportRow, type Window, windowShare } from './model.ts'
import { csvScanner, jsonScanner } from './scan.ts'

/** How far an export has come: bytes and rows taken, and the share of the window covered when rows have a time. */
export type ExportProgress = { bytes: number; rows: number; share: number | null }

export type ExportOptions = {
  /** A report's response, its body not yet read. */
  response: Response
  format: 'csv' | 'json'
  /** The window asked for, to tell progress from the time of the last row (a JSON head's own window wins). */
  window: Window
  /** The time column rows are ordered by; null when they have none (progress is then counted in bytes). */
  timeColumn: string | null
  /** A file (written as FILE.partial, renamed once whole) or a stream (stdout). */
  to: { file: string } | { stream: Stream }
  onProgress?: ((progress: ExportProgress) => void) | undefined
  /** Takes each row as it passes, for a chart drawn once the export is whole. */
  chart?: ChartCollector | undefined
}

export type ExportResult = ExportProgress & { file: string | null }

const windowOf = (head: Record<string, unknown> | null, asked: Window): Window => {
  const from = Date.parse(String(head?.from))
  const to = Date.parse(String(head?.to))
  return Number.isNaN(from) || Number.isNaN(to) || to <= from
    ? asked
    : { from: new Date(from), to: new Date(to) }
}

const write = async (stream: Stream, chunk: Uint8Array) => {
  if (!stream.write(chunk)) await once(stream, 'drain')
}

/**
 * Streams a report's body to a file or a stream as it arrives, never holding more than a piece of it: a file is
 * written as FILE.partial and renamed when the body ended whole, and removed when the transfer broke, so FILE is
 * only ever a complete export.
 */
export const streamExport = async ({
  response,
  format,
  window,
  timeColumn,
  to,
  onProgress,
  chart,
}: ExportOptions): Promise<ExportResult> => {
  const file = 'file' in to ? to.file : null
  const partial = file === null ? null : `${file}.partial`
  const every = chart !== undefined
  const scanner = format === 'csv' ? csvScanner({ every }) : jsonScanner({ every })
  const progress: ExportProgress = { bytes: 0, rows: 0, share: null }
  let covered: Window = window
  let last: ReportRow | undefined
  const handle = partial === null ? null : await open(partial, 'w')
  try {
    if (!response.body) throw new Error('the answer has no body')
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (handle) await handle.write(chunk)
      else await write((to as { stream: Stream }).stream, chunk)
      progress.bytes += chunk.byteLength
      const { count, rows } = scanner.push(chunk)
      if (progress.rows === 0 && format === 'json') covered = windowOf(scanner.head(), window)
      progress.rows += count
      for (const row of rows) chart?.add(row)
      last = rows.at(-1) ?? last
      if (timeColumn && last && typeof last[timeColumn] === 'string')
        progress.share = windowShare(covered, last[timeColumn] as string)
      onProgress?.(progress)
    }
    progress.rows += scanner.end().count
    if (!scanner.complete()) throw new Error('the answer ended before the end of the report')
    if (handle && partial && file) {
      await handle.close()
      await rename(partial, file)
    }
    if (timeColumn) progress.share = 1
    onProgress?.(progress)
    return { ...progress, file }
  } catch (error) {
    await handle?.close().catch(() => {})
    if (partial) await rm(partial, { force: true })
    if (error instanceof CliError) throw error
    const why = error instanceof Error ? error.message : String(error)
    throw new CliError(
      'export_incomplete',
      `the export broke off after ${progress.bytes.toLocaleString('en')} bytes (${progress.rows.toLocaleString('en')} rows): ${why}${file ? `; ${file} was not written` : ''}`,
    )
  }
}
