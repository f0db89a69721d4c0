import { formatDecimalPrice } from '@myshop/money'

// The report routes of the analytics service as the fake gateway answers them: the same query rules, columns,
// streamed JSON and CSV bodies and problems, over rows a test supplies (the figures themselves are the service's
// concern and are tested there).

export type FakeReportRow = Record<string, string | number | null>

/** A report's rows in the order the service answers them: a list, or a generator made afresh for each request. */
export type FakeReportRows = FakeReportRow[] | (() => Iterable<FakeReportRow>)

type Kind = 'text' | 'integer' | 'number' | 'money' | 'ratio' | 'time'
const col = (key: string, label: string, kind: Kind) => ({ key, label, kind })

/** Each report's columns, as the contract lists them. */
export const reportColumns: Record<string, { key: string; label: string; kind: Kind }[]> = {
  sales: [
    col('bucket', 'Period', 'time'),
    col('currency', 'Currency', 'text'),
    col('orders', 'Orders', 'integer'),
    col('units', 'Units', 'integer'),
    col('revenue', 'Revenue', 'money'),
    col('refunds', 'Refunds', 'money'),
    col('net', 'Net', 'money'),
    col('averageOrderValue', 'Average order value', 'money'),
  ],
  products: [
    col('productId', 'Product', 'text'),
    col('name', 'Name', 'text'),
    col('category', 'Category', 'text'),
    col('brand', 'Brand', 'text'),
    col('currency', 'Currency', 'text'),
    col('units', 'Units', 'integer'),
    col('revenue', 'Revenue', 'money'),
    col('refunds', 'Refunds', 'money'),
    col('net', 'Net', 'money'),
  ],
  funnel: [
    col('bucket', 'Period', 'time'),
    col('sessions', 'Sessions', 'integer'),
    col('viewed', 'Viewed', 'integer'),
    col('carted', 'Carted', 'integer'),
    col('checkedOut', 'Checked out', 'integer'),
    col('purchased', 'Purchased', 'integer'),
    col('viewToCart', 'View to cart', 'ratio'),
    col('cartToCheckout', 'Cart to checkout', 'ratio'),
    col('checkoutToPurchase', 'Checkout to purchase', 'ratio'),
    col('conversion', 'Conversion', 'ratio'),
  ],
  cohorts: [
    col('cohort', 'Cohort', 'time'),
    col('monthsSince', 'Months since', 'integer'),
    col('customers', 'Customers', 'integer'),
    col('active', 'Active', 'integer'),
    col('retention', 'Retention', 'ratio'),
  ],
  search: [
    col('term', 'Term', 'text'),
    col('searches', 'Searches', 'integer'),
    col('zeroResultSearches', 'Zero-result searches', 'integer'),
    col('averageResults', 'Average results', 'number'),
  ],
  inventory: [
    col('sku', 'SKU', 'text'),
    col('productId', 'Product', 'text'),
    col('name', 'Name', 'text'),
    col('available', 'Available', 'integer'),
    col('unitsSold', 'Units sold', 'integer'),
    col('dailyRate', 'Daily rate', 'number'),
    col('daysOfCover', 'Days of cover', 'number'),
    col('low', 'Low', 'text'),
  ],
}

const timeKey: Record<string, string | undefined> = { sales: 'bucket', funnel: 'bucket', cohorts: 'cohort' }

const dateOnly = /^\d{4}-\d{2}-\d{2}$/
const dateOrInstant = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/

const signed = (amount: number, currency: string) =>
  amount < 0 ? `-${formatDecimalPrice(-amount, currency)}` : formatDecimalPrice(amount, currency)
const quoted = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)
const inert = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

const csvLine = (name: string, row: FakeReportRow) =>
  `${(reportColumns[name] ?? [])
    .map(({ key, kind }) => {
      const value = row[key]
      if (value === null || value === undefined) return ''
      if (kind === 'money' && typeof value === 'number') return signed(value, String(row.currency ?? ''))
      return quoted(kind === 'text' ? inert(String(value)) : String(value))
    })
    .join(',')}\r\n`

export type FakeReports = {
  /** The rows each report answers (before the window, currency and filters narrow them). */
  rows: Map<string, FakeReportRows>
  /** Bodies of `name` end in an error after `rows` rows, as when a page cannot be read mid-export. */
  breakAfter: Map<string, number>
}

type Problem = (
  status: number,
  code: string,
  title: string,
  detail?: string,
  errors?: { path: string; message: string }[],
) => Response

/** `GET /api/v1/reports/<name>` for a caller already known to hold reports:read. */
export const answerReport = (
  reports: FakeReports,
  name: string,
  url: URL,
  accept: string | null,
  problem: Problem,
) => {
  const columns = reportColumns[name]
  if (!columns) return problem(404, 'not_found', 'Not found', `GET ${url.pathname} is not a route`)
  const q = Object.fromEntries(url.searchParams)
  const errors: { path: string; message: string }[] = []
  const check = (key: string, ok: (v: string) => boolean, message: string) => {
    if (q[key] !== undefined && !ok(q[key] as string)) errors.push({ path: `/${key}`, message })
  }
  if (!q.from) errors.push({ path: '/from', message: 'is required' })
  if (!q.to) errors.push({ path: '/to', message: 'is required' })
  check('from', (v) => dateOrInstant.test(v), 'must be a date or an instant')
  check('to', (v) => dateOrInstant.test(v), 'must be a date or an instant')
  check('groupBy', (v) => ['hour', 'day', 'week', 'month'].includes(v), 'must be hour, day, week or month')
  check('currency', (v) => /^[A-Z]{3}$/.test(v), 'must be a currency code')
  check('format', (v) => v === 'json' || v === 'csv', 'must be json or csv')
  check('limit', (v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 1000, 'must be 1..1000')
  check('days', (v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 365, 'must be 1..365')
  check('sortBy', (v) => v === 'revenue' || v === 'units', 'must be revenue or units')
  if (errors.length) return problem(422, 'validation_failed', 'Invalid request', undefined, errors)
  const from = new Date(dateOnly.test(q.from as string) ? `${q.from}T00:00:00Z` : (q.from as string))
  const to = dateOnly.test(q.to as string)
    ? new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000)
    : new Date(q.to as string)
  if (!(to > from)) return problem(422, 'validation_failed', 'Validation failed', '`to` must be after `from`')

  const source = reports.rows.get(name) ?? []
  const time = timeKey[name]
  const limit = q.limit ? Number(q.limit) : name === 'products' || name === 'search' ? 50 : Infinity
  function* selected() {
    let n = 0
    for (const row of typeof source === 'function' ? source() : source) {
      if (time) {
        const at = Date.parse(String(row[time]))
        if (at < from.getTime() || at >= to.getTime()) continue
      }
      if (q.currency && 'currency' in row && row.currency !== q.currency) continue
      if (q.zeroOnly === 'true' && row.zeroResultSearches === 0) continue
      if (q.lowOnly === 'true' && row.low !== 'true') continue
      if (n++ >= limit) return
      yield row
    }
  }
  const csv = q.format === 'csv' || (q.format === undefined && (accept ?? '').startsWith('text/csv'))
  const head = csv
    ? `${columns.map((c) => c.key).join(',')}\r\n`
    : `${JSON.stringify({
        report: name,
        from: from.toISOString(),
        to: to.toISOString(),
        groupBy: q.groupBy ?? 'day',
        currency: q.currency ?? null,
        columns,
      }).slice(0, -1)},"rows":[`
  const rows = selected()
  const breakAfter = reports.breakAfter.get(name)
  const encoder = new TextEncoder()
  let sent = 0
  // A page at a time as the client reads, like the service's keyset pages, so a long export is never held whole.
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(encoder.encode(head)),
    pull: (controller) => {
      let page = ''
      for (let i = 0; i < 1000; i++) {
        if (breakAfter !== undefined && sent >= breakAfter) {
          if (page) controller.enqueue(encoder.encode(page))
          controller.error(new Error('a page of the report could not be read'))
          return
        }
        const next = rows.next()
        if (next.done) {
          controller.enqueue(encoder.encode(`${page}${csv ? '' : ']}'}`))
          controller.close()
          return
        }
        page += csv ? csvLine(name, next.value) : `${sent === 0 ? '' : ','}${JSON.stringify(next.value)}`
        sent++
      }
      controller.enqueue(encoder.encode(page))
    },
  })
  return new Response(body, {
    headers: { 'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8' },
  })
}
