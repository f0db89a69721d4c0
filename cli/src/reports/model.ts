import { formatDecimalPrice, isCurrency } from '@myshop/money'

/** The reports MyShop answers at `/api/v1/reports/<name>`. */
export const reportNames = ['sales', 'products', 'funnel', 'cohorts', 'search', 'inventory'] as const
export type ReportName = (typeof reportNames)[number]

export const groupings = ['hour', 'day', 'week', 'month'] as const
export type Grouping = (typeof groupings)[number]

export const formats = ['table', 'csv', 'json'] as const
export type Format = (typeof formats)[number]

/** A column as a report document describes it (`columns` of the JSON answer). */
export type ReportColumn = {
  key: string
  label: string
  /** `ratio` is a fraction 0..1 shown as a percentage; `number` a quantity that is not (a rate, an average). */
  kind: 'text' | 'integer' | 'number' | 'money' | 'ratio' | 'time'
}

export type Cell = string | number | boolean | null
export type ReportRow = Record<string, Cell>

/** A report answered as JSON, read whole (for a table in the terminal). */
export type ReportDocument = {
  report: string
  from: string
  to: string
  groupBy: string
  currency: string | null
  columns: ReportColumn[]
  rows: ReportRow[]
}

/** The figure a report's charts show: per bucket for a time series, per item for a top list. */
export type Figure = {
  /** The column holding the figure. */
  key: string
  label: string
  kind: 'number' | 'money' | 'ratio'
  /** Time series: the time column, rows ordered by it. Top list: the column naming each bar. */
  by: string
  shape: 'series' | 'top'
  /** Rows are split into one series per value of this column (a currency, a cohort), each its own colour. */
  series?: string
}

/** The charts each report draws; none for a report whose rows are not one figure against one axis. */
export const figures: Record<ReportName, Figure> = {
  sales: {
    key: 'revenue',
    label: 'Revenue',
    kind: 'money',
    by: 'bucket',
    shape: 'series',
    series: 'currency',
  },
  funnel: { key: 'conversion', label: 'Conversion', kind: 'ratio', by: 'bucket', shape: 'series' },
  cohorts: {
    key: 'retention',
    label: 'Retention',
    kind: 'ratio',
    by: 'monthsSince',
    shape: 'series',
    series: 'cohort',
  },
  products: { key: 'revenue', label: 'Revenue', kind: 'money', by: 'name', shape: 'top', series: 'currency' },
  search: { key: 'searches', label: 'Searches', kind: 'number', by: 'term', shape: 'top' },
  inventory: {
    key: 'daysOfCover',
    label: 'Days of cover',
    kind: 'number',
    by: 'sku',
    shape: 'top',
    series: 'low',
  },
}

/** The time column rows are ordered by, which tells how far an export has come; none for a report without one. */
export const timeColumn: Record<ReportName, string | null> = {
  sales: 'bucket',
  funnel: 'bucket',
  cohorts: 'cohort',
  products: null,
  search: null,
  inventory: null,
}

/** A report's window as MyShop reads it: `from` inclusive, `to` exclusive. */
export type Window = { from: Date; to: Date }

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/
const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/

/** Why `value` is not a date (2026-09-01) or an instant with its offset (2026-09-01T09:00:00Z), or null. */
export const dateProblem = (value: string): string | null => {
  const day = dateOnly.exec(value)
  if (day) {
    const at = new Date(`${value}T00:00:00Z`)
    // Date() rolls 2026-02-30 over into March: a real day reads back as itself.
    return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value
      ? `${value} is not a day of the calendar`
      : null
  }
  if (instant.test(value) && !Number.isNaN(Date.parse(value))) return null
  return `expected a date (2026-09-01) or a time with its offset (2026-09-01T09:00:00Z), not "${value}"`
}

/** A date is its whole day in UTC, so `to` as a date includes its day; an instant is itself (`to` excluded). */
export const toWindow = (from: string, to: string): Window => ({
  from: new Date(dateOnly.test(from) ? `${from}T00:00:00Z` : from),
  to: dateOnly.test(to) ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) : new Date(to),
})

/** The longest window MyShop answers for each grouping (one request reads a bounded number of buckets). */
export const maxWindowDays: Record<Grouping, number> = {
  hour: 93,
  day: 3 * 366,
  week: 10 * 366,
  month: 30 * 366,
}

/** Why a window cannot be asked for (empty, or too long for its grouping), or null. */
export const windowProblem = (window: Window, groupBy: Grouping | undefined): string | null => {
  if (window.to <= window.from) return '--to must be after --from'
  if (groupBy && window.to.getTime() - window.from.getTime() > maxWindowDays[groupBy] * 86_400_000)
    return `a report grouped by ${groupBy} covers at most ${maxWindowDays[groupBy]} days: shorten the window or group by a longer period`
  return null
}

/** Why `value` is not a currency MyShop prices in, or null. */
export const currencyProblem = (value: string): string | null =>
  /^[A-Z]{3}$/.test(value) && isCurrency(value)
    ? null
    : `expected an ISO 4217 currency such as EUR, not "${value}"`

/** How far through the window a bucket is, 0..1: the progress of an export whose rows come ordered by time. */
export const windowShare = (window: Window, bucket: string): number | null => {
  const at = Date.parse(bucket)
  if (Number.isNaN(at)) return null
  const share = (at - window.from.getTime()) / (window.to.getTime() - window.from.getTime())
  return Math.min(1, Math.max(0, share))
}

/** A signed amount in minor units as a decimal of its currency: -1250 EUR is -12.50. */
export const decimal = (amount: number, currency: string): string =>
  amount < 0 ? `-${formatDecimalPrice(-amount, currency)}` : formatDecimalPrice(amount, currency)

const pad = (n: number) => String(n).padStart(2, '0')

/** A bucket as a person reads it at its grouping: `2026-09-01 13:00`, `2026-09-01`, `2026-09`. */
export const bucketLabel = (iso: string, groupBy: string): string => {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  const day = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`
  if (groupBy === 'hour') return `${day} ${pad(at.getUTCHours())}:00`
  if (groupBy === 'month') return day.slice(0, 7)
  return day
}

/** A ratio (0..1) as a percentage with one decimal: 0.1234 is 12.3%. */
export const percent = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`

/**
 * One cell as the table shows it: money in its row's currency, ratios as percentages, other numbers (rates,
 * averages) with two decimals, buckets at their grouping.
 */
export const cellText = (column: ReportColumn, row: ReportRow, groupBy: string): string => {
  const value = row[column.key]
  if (value === null || value === undefined) return '-'
  if (column.kind === 'money' && typeof value === 'number')
    return typeof row.currency === 'string' ? decimal(value, row.currency) : String(value)
  if (column.kind === 'ratio' && typeof value === 'number') return percent(value)
  if (column.kind === 'number' && typeof value === 'number') return value.toFixed(2)
  if (column.kind === 'time' && typeof value === 'string')
    return column.key === 'cohort' ? value.slice(0, 7) : bucketLabel(value, groupBy)
  return String(value)
}

/** One point of a chart: where on its axis, which series, and the figure (money in major units). */
export type ChartPoint = { x: string; series: string | null; value: number }

// A CSV text cell starting with a formula character comes prefixed with ' so a spreadsheet keeps it text.
const plain = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value)

/**
 * A row's point on its report's chart, or null when the row has no figure (an item that never sold). `source`
 * says how the row was read: JSON holds money in minor units, CSV as decimals.
 */
export const chartPoint = (figure: Figure, row: ReportRow, source: 'json' | 'csv'): ChartPoint | null => {
  const raw = row[figure.key]
  const x = row[figure.by]
  if (raw === null || raw === undefined || raw === '' || x === null || x === undefined) return null
  let value = Number(raw)
  if (!Number.isFinite(value)) return null
  if (figure.kind === 'money' && source === 'json' && typeof row.currency === 'string')
    value = Number(decimal(value, row.currency))
  const series = figure.series === undefined ? null : String(row[figure.series] ?? '')
  return { x: plain(String(x)), series: series === null ? null : plain(series), value }
}
