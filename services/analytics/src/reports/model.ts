import { formatDecimalPrice } from '@myshop/money'

/** How a report's rows are bucketed in time. Weeks start on Monday; every bucket is in UTC. */
export const groupings = ['hour', 'day', 'week', 'month'] as const
export type Grouping = (typeof groupings)[number]

/** The reports the service answers, each at `/api/v1/reports/<name>`. */
export const reportNames = ['sales', 'products', 'funnel', 'cohorts', 'search', 'inventory'] as const
export type ReportName = (typeof reportNames)[number]

/** The time a report covers: from `from` (inclusive) to `to` (exclusive), bucketed by `groupBy`. */
export interface ReportWindow {
  from: Date
  to: Date
  groupBy: Grouping
  /** Only figures in this currency; null for every currency (each row then says its own). */
  currency: string | null
}

/**
 * How a column is written: `money` is an integer in minor units in JSON and a decimal in the row's `currency`
 * in CSV; `ratio` is a fraction 0..1 (read as a percentage); `number` a quantity that is neither (a rate per day,
 * days of cover, an average count); `time` an ISO 8601 instant.
 */
export type ColumnKind = 'text' | 'integer' | 'number' | 'money' | 'ratio' | 'time'

export interface Column {
  key: string
  label: string
  kind: ColumnKind
}

export type Cell = string | number | null
export type ReportRow = Record<string, Cell>

/**
 * One report: its columns, and its rows in order as pages. Each page is read by a query of its own (keyset
 * pagination), so a long export holds neither the whole answer in memory nor a database connection between pages.
 */
export interface Report<Filters, Row extends ReportRow = ReportRow> {
  name: ReportName
  columns: readonly Column[]
  pages: (window: ReportWindow, filters: Filters) => AsyncIterable<Row[]>
}

/** The longest window each grouping may cover: one request answers a bounded number of buckets. */
export const maxWindowMs: Record<Grouping, number> = {
  hour: 93 * 86_400_000,
  day: 3 * 366 * 86_400_000,
  week: 10 * 366 * 86_400_000,
  month: 30 * 366 * 86_400_000,
}

const dateOnly = /^\d{4}-\d{2}-\d{2}$/

/**
 * A report's window from its query: a date is a whole day in UTC (`to` includes its day), a date-time is an
 * instant (`to` excludes it). Answers a problem to report as a 422 when the window is empty or too long.
 */
export const reportWindow = (
  query: { from: string; to: string; groupBy?: Grouping | undefined; currency?: string | undefined },
  fallback: Grouping = 'day',
): ReportWindow | { problem: string } => {
  const from = new Date(dateOnly.test(query.from) ? `${query.from}T00:00:00Z` : query.from)
  const to = dateOnly.test(query.to)
    ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)
    : new Date(query.to)
  if (Number.isNaN(from.getTime())) return { problem: '`from` is not a date' }
  if (Number.isNaN(to.getTime())) return { problem: '`to` is not a date' }
  if (to <= from) return { problem: '`to` must be after `from`' }
  const groupBy = query.groupBy ?? fallback
  if (to.getTime() - from.getTime() > maxWindowMs[groupBy])
    return {
      problem: `a report grouped by ${groupBy} covers at most ${maxWindowMs[groupBy] / 86_400_000} days`,
    }
  return { from, to, groupBy, currency: query.currency ?? null }
}

/** A signed amount in minor units as a decimal in its currency: `-1250` EUR is `-12.50`. */
export const decimal = (amount: number, currency: string): string =>
  amount < 0 ? `-${formatDecimalPrice(-amount, currency)}` : formatDecimalPrice(amount, currency)

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)

/**
 * A spreadsheet must not run what it reads: a text cell starting with `=`, `+`, `-`, `@`, tab or carriage
 * return is prefixed with `'` so it stays text.
 */
const inert = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

/** One CSV line (RFC 4180, CRLF) of a row, by the report's columns. */
export const csvLine = (columns: readonly Column[], row: ReportRow): string =>
  `${columns
    .map(({ key, kind }) => {
      const value = row[key]
      if (value === null || value === undefined) return ''
      if (kind === 'money' && typeof value === 'number') return decimal(value, String(row.currency ?? ''))
      if (kind === 'text') return csvCell(inert(String(value)))
      return csvCell(String(value))
    })
    .join(',')}\r\n`

/** The CSV header line: the columns' keys, which are stable, rather than their labels. */
export const csvHeader = (columns: readonly Column[]): string =>
  `${columns.map(({ key }) => csvCell(key)).join(',')}\r\n`
