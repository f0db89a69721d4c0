import { stat, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { type Command, InvalidArgumentError } from 'commander'
import { ApiError } from '../api-client.ts'
import type { ActionEnv, CommandContext } from '../command.ts'
import { CliError, exitCodes } from '../errors.ts'
import { chartCollector } from '../reports/chart-data.ts'
import { streamExport } from '../reports/export.ts'
import {
  currencyProblem,
  dateProblem,
  type Figure,
  type Format,
  figures,
  formats,
  type Grouping,
  groupings,
  type ReportDocument,
  type ReportName,
  reportNames,
  timeColumn,
  toWindow,
  windowProblem,
} from '../reports/model.ts'
import { progressOn, size } from '../reports/progress.tsx'
import { renderChartSvg } from '../reports/svg.ts'
import { ReportView } from '../reports/view.tsx'

const usage = (message: string) => new CliError('usage_error', message, exitCodes.usage)

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string): T => {
    if (!(values as readonly string[]).includes(value))
      throw new InvalidArgumentError(`expected one of ${values.join(', ')}`)
    return value as T
  }

const date = (value: string): string => {
  const problem = dateProblem(value)
  if (problem) throw new InvalidArgumentError(problem)
  return value
}

const currency = (value: string): string => {
  const problem = currencyProblem(value)
  if (problem) throw new InvalidArgumentError(problem)
  return value
}

const between = (min: number, max: number) => (value: string) => {
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new InvalidArgumentError(`expected a whole number ${min}..${max}`)
  return value
}

const text = (max: number) => (value: string) => {
  if (!value.trim() || value.length > max) throw new InvalidArgumentError(`expected 1..${max} characters`)
  return value
}

const svgFile = (value: string) => {
  if (!/\.svg$/i.test(value)) throw new InvalidArgumentError('expected a file name ending in .svg')
  return value
}

type ReportOptions = {
  from: string
  to: string
  groupBy?: Grouping
  currency?: string
  format?: Format
  out?: string
  chart?: string
  product?: string
  category?: string
  brand?: string
  limit?: string
  sortBy?: string
  zeroOnly?: boolean
  days?: string
  lowOnly?: boolean
}

type Filter = {
  flag: string
  description: string
  param: keyof ReportOptions
  query: string
  parse?: (v: string) => string
}

const filters: Record<string, Filter> = {
  product: {
    flag: '--product <id>',
    description: 'only this product',
    param: 'product',
    query: 'productId',
    parse: text(64),
  },
  category: {
    flag: '--category <name>',
    description: 'only products in this category',
    param: 'category',
    query: 'category',
    parse: text(200),
  },
  brand: {
    flag: '--brand <name>',
    description: 'only products of this brand',
    param: 'brand',
    query: 'brand',
    parse: text(200),
  },
  limit: {
    flag: '--limit <n>',
    description: 'how many rows (1..1000, default 50)',
    param: 'limit',
    query: 'limit',
    parse: between(1, 1000),
  },
  sortBy: {
    flag: '--sort-by <figure>',
    description: 'rank by revenue or units (default revenue)',
    param: 'sortBy',
    query: 'sortBy',
    parse: oneOf(['revenue', 'units']),
  },
  zeroOnly: {
    flag: '--zero-only',
    description: 'only terms whose searches found nothing',
    param: 'zeroOnly',
    query: 'zeroOnly',
  },
  days: {
    flag: '--days <n>',
    description: 'the days of sales the daily rate is taken over (1..365, default 30)',
    param: 'days',
    query: 'days',
    parse: between(1, 365),
  },
  lowOnly: { flag: '--low-only', description: 'only SKUs low on stock', param: 'lowOnly', query: 'lowOnly' },
}

const reports: Record<ReportName, { description: string; filters: (keyof typeof filters)[] }> = {
  sales: {
    description: 'orders, units, revenue, refunds, net and average order value per period',
    filters: ['product', 'category', 'brand'],
  },
  products: {
    description: 'top products by revenue or units over the window',
    filters: ['category', 'brand', 'limit', 'sortBy'],
  },
  funnel: {
    description: 'sessions through view, cart, checkout and purchase, with conversion per period',
    filters: [],
  },
  cohorts: { description: 'retention of customers by the month of their first purchase', filters: [] },
  search: { description: 'top search terms and terms with no results', filters: ['zeroOnly', 'limit'] },
  inventory: {
    description: 'stock, recent sales rate and days of cover per SKU',
    filters: ['days', 'lowOnly'],
  },
}

// The reports drawn under their table in the terminal: time series as bars and a sparkline, top lists as bars.
const terminalCharts: ReadonlySet<ReportName> = new Set(['sales', 'funnel', 'products', 'search'])

const exists = async (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

/**
 * The format a run writes: --format, else the --out file's extension, else JSON under --json, else a table on a
 * terminal and CSV into a pipe. With --out, --json is the summary printed of what was written.
 */
const chosenFormat = (opts: ReportOptions & { json?: boolean }, terminal: boolean): Format => {
  if (opts.json && !opts.out && opts.format && opts.format !== 'json')
    throw usage(`--json and --format ${opts.format} disagree: give one`)
  if (opts.format) return opts.format
  if (opts.out) return /\.json$/i.test(opts.out) ? 'json' : 'csv'
  if (opts.json) return 'json'
  return terminal ? 'table' : 'csv'
}

/** Every check that needs no request: the window, the format against --out, and the folders files go to. */
const plan = async (name: ReportName, opts: ReportOptions & { json?: boolean }, terminal: boolean) => {
  const window = toWindow(opts.from, opts.to)
  const problem = windowProblem(window, opts.groupBy ?? (timeColumn[name] === 'bucket' ? 'day' : undefined))
  if (problem) throw usage(problem)
  const format = chosenFormat(opts, terminal)
  if (format === 'table' && opts.out)
    throw usage('--out writes csv or json: add --format csv or --format json')
  const out = opts.out ? resolve(opts.out) : undefined
  const chart = opts.chart ? resolve(opts.chart) : undefined
  if (out && out === chart) throw usage('--out and --chart must be different files')
  for (const file of [out, chart])
    if (file && !(await exists(dirname(file)))) throw usage(`cannot write ${file}: its folder does not exist`)
  const query: Record<string, string | undefined> = {
    from: opts.from,
    to: opts.to,
    groupBy: opts.groupBy,
    currency: opts.currency,
  }
  for (const key of reports[name].filters) {
    const filter = filters[key] as Filter
    const value = opts[filter.param]
    if (value !== undefined) query[filter.query] = value === true ? 'true' : String(value)
  }
  return { window, format, out, chart, query }
}

/** A refusal explained for the person reading it: reports are for analysts and administrators. */
const explained = (error: unknown): unknown => {
  if (!(error instanceof ApiError)) return error
  if (error.status === 403)
    return new CliError(
      'forbidden',
      `reports need the analyst or admin role (permission reports:read), which this account does not have: ask an administrator to run \`myshop users grant <you> analyst\` (${error.requestId ? `request id ${error.requestId}` : error.code})`,
    )
  if (error.status === 401)
    return new CliError('not_signed_in', 'MyShop did not accept this session: run `myshop login` again')
  return error
}

const writeChart = async (
  name: ReportName,
  figure: Figure,
  file: string,
  points: ReturnType<ReturnType<typeof chartCollector>['points']>,
  opts: ReportOptions,
) => {
  const svg = await renderChartSvg({
    report: name,
    figure,
    points,
    from: opts.from,
    to: opts.to,
    groupBy: opts.groupBy ?? (name === 'cohorts' ? 'month' : 'day'),
    currency: opts.currency ?? null,
  })
  await writeFile(file, svg)
}

const run = async (name: ReportName, { opts, api, out, deps }: ActionEnv<ReportOptions>) => {
  const { window, format, out: file, chart, query } = await plan(name, opts, Boolean(deps.stdout.isTTY))
  const figure = figures[name]
  const open = (as: 'csv' | 'json') =>
    api.report(name, query, as).catch((error) => Promise.reject(explained(error)))

  if (format === 'table') {
    const document = await out.during(`Loading the ${name} report`, async () => {
      const response = await open('json')
      return (await response.json()) as ReportDocument
    })
    out.print(
      <ReportView
        document={document}
        figure={terminalCharts.has(name) ? figure : null}
        color={out.color}
        width={out.width}
      />,
    )
    if (chart) {
      const collector = chartCollector(figure, 'json')
      for (const row of document.rows) collector.add(row)
      await writeChart(name, figure, chart, collector.points(), opts)
      out.note(`Chart written to ${chart}`)
    }
    return undefined
  }

  const response = await open(format)
  const collector = chart ? chartCollector(figure, format) : undefined
  // Progress goes to stderr, and only for a file: on stdout the rows themselves are what the reader watches.
  const bar = file ? progressOn(deps.stderr, `Exporting ${name}`) : undefined
  let result: Awaited<ReturnType<typeof streamExport>>
  try {
    result = await streamExport({
      response,
      format,
      window,
      timeColumn: timeColumn[name],
      to: file ? { file } : { stream: deps.stdout },
      onProgress: bar?.update,
      chart: collector,
    })
  } finally {
    bar?.done()
  }
  if (chart && collector) await writeChart(name, figure, chart, collector.points(), opts)
  if (file) {
    const summary = {
      report: name,
      file,
      format,
      rows: result.rows,
      bytes: result.bytes,
      chart: chart ?? null,
    }
    if (opts.json) out.printJson(summary)
    else out.note(`Wrote ${result.rows.toLocaleString('en')} rows (${size(result.bytes)}) to ${file}`)
  }
  if (chart && !opts.json) out.note(`Chart written to ${chart}`)
  return undefined
}

/** reports <name>: the analyst's figures as a table with charts, or streamed to CSV or JSON, and as an SVG chart. */
export const registerReports = (program: Command, { action }: CommandContext): void => {
  const group = program
    .command('reports')
    .description(
      'sales, products, funnel, cohorts, search and inventory reports: tables, charts, exports (analyst, admin)',
    )

  for (const name of reportNames) {
    const command = group
      .command(name)
      .description(reports[name].description)
      .requiredOption(
        '--from <date>',
        'first day (2026-09-01) or instant (2026-09-01T09:00:00Z) of the window',
        date,
      )
      .requiredOption('--to <date>', 'last day included (2026-11-30), or an instant excluded', date)
      .option(
        '--group-by <period>',
        `bucket the rows by ${groupings.join(', ')} (UTC; default day)`,
        oneOf(groupings),
      )
      .option('--currency <code>', 'only figures in this currency (EUR)', currency)
      .option(
        '--format <format>',
        `${formats.join(', ')} (default: table on a terminal, else csv; --out FILE.json means json)`,
        oneOf(formats),
      )
      .option('--out <file>', 'stream the csv or json export to this file (written whole, or not at all)')
      .option('--chart <file.svg>', 'also draw the report as an SVG chart to open in a browser', svgFile)
    for (const key of reports[name].filters) {
      const filter = filters[key] as Filter
      if (filter.parse) command.option(filter.flag, filter.description, filter.parse)
      else command.option(filter.flag, filter.description)
    }
    action<ReportOptions>(command, (env) => run(name, env))
  }
}
