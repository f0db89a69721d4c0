import type { Logger } from '@myshop/logger'
import { type Column, csvHeader, csvLine, type Report, type ReportRow, type ReportWindow } from './model.ts'

export type ReportFormat = 'json' | 'csv'

/** CSV when the query says `format=csv` or the client accepts `text/csv` and not JSON first; else JSON. */
export const reportFormat = (format: ReportFormat | undefined, accept: string | null): ReportFormat => {
  if (format) return format
  const wanted = (accept ?? '').split(',').map((part) => part.split(';')[0]!.trim().toLowerCase())
  const csv = wanted.indexOf('text/csv')
  const json = wanted.indexOf('application/json')
  return csv !== -1 && (json === -1 || csv < json) ? 'csv' : 'json'
}

const day = (date: Date) => date.toISOString().slice(0, 10)

/** `sales-2026-09-01-2026-11-30.csv`: the report and the days it covers (`to` is the last day included). */
export const exportFileName = (name: string, window: ReportWindow) =>
  `${name}-${day(window.from)}-${day(new Date(window.to.getTime() - 1))}.csv`

const jsonHead = (name: string, window: ReportWindow, columns: readonly Column[]) =>
  `${JSON.stringify({
    report: name,
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    groupBy: window.groupBy,
    currency: window.currency,
    columns,
  }).slice(0, -1)},"rows":[`

/**
 * A report as a streamed response. The first page is read before answering, so a failure to read it is an error
 * status, not a cut body; later pages are read as the client takes them (back pressure), one query each. A failure
 * after the headers went out ends the body early, which the client sees as an incomplete transfer.
 */
export const reportResponse = async <F, R extends ReportRow>(
  report: Report<F, R>,
  window: ReportWindow,
  filters: F,
  format: ReportFormat,
  logger: Logger,
): Promise<Response> => {
  const pages = report.pages(window, filters)[Symbol.asyncIterator]()
  const first = await pages.next()
  const encoder = new TextEncoder()
  let rowsWritten = 0
  const encode = (rows: R[]) =>
    encoder.encode(
      format === 'csv'
        ? rows.map((row) => csvLine(report.columns, row)).join('')
        : rows.map((row) => `${rowsWritten++ === 0 ? '' : ','}${JSON.stringify(row)}`).join(''),
    )
  const head = format === 'csv' ? csvHeader(report.columns) : jsonHead(report.name, window, report.columns)
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(head))
      if (first.done) {
        if (format === 'json') controller.enqueue(encoder.encode(']}'))
        controller.close()
      } else controller.enqueue(encode(first.value))
    },
    async pull(controller) {
      try {
        const next = await pages.next()
        if (next.done) {
          if (format === 'json') controller.enqueue(encoder.encode(']}'))
          controller.close()
        } else controller.enqueue(encode(next.value))
      } catch (error) {
        logger.error({ err: error, report: report.name }, 'report ended early: a page could not be read')
        controller.error(error)
      }
    },
    async cancel() {
      await pages.return?.()
    },
  })
  return new Response(stream, {
    headers:
      format === 'csv'
        ? {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="${exportFileName(report.name, window)}"`,
          }
        : { 'content-type': 'application/json; charset=utf-8' },
  })
}
