import { bucketLabel, type ChartPoint, type Figure, type ReportName } from './model.ts'

export type SvgChartInput = {
  report: ReportName
  figure: Figure
  points: ChartPoint[]
  /** The window as the user asked for it (dates or instants), for the title. */
  from: string
  to: string
  groupBy: string
  currency: string | null
}

const titles: Record<ReportName, string> = {
  sales: 'Sales',
  products: 'Top products',
  funnel: 'Funnel',
  cohorts: 'Cohort retention',
  search: 'Top search terms',
  inventory: 'Inventory: least cover',
}

// What the colour (and legend) of each chart stands for when its rows come in several series.
const seriesTitles: Partial<Record<string, string>> = {
  currency: 'Currency',
  cohort: 'Cohort',
  low: 'Low stock',
}

const xTitles: Partial<Record<string, string>> = {
  bucket: 'Period',
  monthsSince: 'Months since first purchase',
  name: 'Product',
  term: 'Search term',
  sku: 'SKU',
}

/** The Vega-Lite specification of a report's chart: bars or a line per bucket, or horizontal bars for a top list. */
export const chartSpec = ({ report, figure, points, from, to, groupBy, currency }: SvgChartInput) => {
  const currencies = figure.series === 'currency' ? [...new Set(points.map((p) => p.series))] : []
  const unit =
    figure.kind === 'money' && (currency ?? (currencies.length === 1 ? currencies[0] : null))
      ? ` (${currency ?? currencies[0]})`
      : ''
  const valueTitle = `${figure.label}${unit}`
  const values = points.map((p) => ({
    x: figure.by === 'bucket' ? bucketLabel(p.x, groupBy) : figure.by === 'monthsSince' ? Number(p.x) : p.x,
    series: figure.series === 'cohort' && p.series ? p.series.slice(0, 7) : (p.series ?? figure.label),
    value: p.value,
  }))
  const legendTitle = figure.series ? (seriesTitles[figure.series] ?? figure.series) : ''
  const color = { field: 'series', type: 'nominal', title: legendTitle }
  const format = figure.kind === 'ratio' ? '.0%' : figure.kind === 'money' ? ',.2f' : ',~r'
  const title = {
    text: `${titles[report]}, ${from} to ${to}${currency ? `, ${currency}` : ''}`,
    subtitle:
      figure.shape === 'series'
        ? `${valueTitle} by ${figure.by === 'bucket' ? groupBy : 'month since first purchase'}`
        : `${valueTitle}, top ${values.length}`,
  }
  const base = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title, data: { values } }
  if (figure.shape === 'top')
    return {
      ...base,
      width: 640,
      height: { step: 22 },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'x', type: 'nominal', sort: null, title: xTitles[figure.by] ?? figure.by },
        x: { field: 'value', type: 'quantitative', title: valueTitle, axis: { format } },
        color,
      },
    }
  const line = figure.kind === 'ratio'
  return {
    ...base,
    width: Math.max(480, Math.min(1600, values.length * 24)),
    height: 320,
    mark: line ? { type: 'line', point: true, tooltip: true } : { type: 'bar', tooltip: true },
    encoding: {
      x: {
        field: 'x',
        type: 'ordinal',
        sort: null,
        title: xTitles[figure.by] ?? figure.by,
        axis: { labelAngle: -45, labelOverlap: true },
      },
      y: { field: 'value', type: 'quantitative', title: valueTitle, axis: { format } },
      color,
      ...(!line && currencies.length > 1 && { xOffset: { field: 'series' } }),
    },
  }
}

/**
 * The chart as a standalone SVG document. Vega renders it without a browser or a canvas (its `none` renderer
 * lays the scene out and serialises it); both libraries load only when a chart is asked for.
 */
export const renderChartSvg = async (input: SvgChartInput): Promise<string> => {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')])
  const { spec } = vegaLite.compile(chartSpec(input) as Parameters<typeof vegaLite.compile>[0])
  const view = new vega.View(vega.parse(spec), { renderer: 'none' })
  try {
    return await view.toSVG()
  } finally {
    view.finalize()
  }
}
