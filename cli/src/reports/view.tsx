import { BarChart, Sparkline } from '@pppp606/ink-chart'
import { Box, Text } from 'ink'
import { type Column, Table } from '../output.tsx'
import { chartCollector } from './chart-data.ts'
import {
  bucketLabel,
  type ChartPoint,
  cellText,
  type Figure,
  percent,
  type ReportDocument,
  type ReportRow,
} from './model.ts'

export type ReportViewProps = {
  document: ReportDocument
  /** The figure charted under the table; none draws no chart. */
  figure: Figure | null
  color: boolean
  /** The terminal's width; undefined when piped (the table is then never cut, the charts are 80 wide). */
  width: number | undefined
}

// Labels longer than this are cut so the bars keep most of the width.
const labelWidth = 24

const day = (iso: string) => iso.slice(0, 10)

/**
 * `sales, 2026-09-01 to 2026-11-30, by week, EUR`: what the table covers (`to` is the last day included; the
 * grouping only for a report bucketed by time).
 */
export const reportHeading = (document: ReportDocument): string => {
  const last = new Date(Date.parse(document.to) - 1).toISOString()
  const bucketed = document.columns.some((column) => column.key === 'bucket')
  return [
    `${document.report}, ${day(document.from)} to ${day(last)}`,
    ...(bucketed ? [`by ${document.groupBy}`] : []),
    ...(document.currency ? [document.currency] : []),
  ].join(', ')
}

const figureText = (figure: Figure, value: number, series: string | null) =>
  figure.kind === 'ratio'
    ? percent(value)
    : figure.kind === 'money'
      ? `${value.toFixed(2)}${series ? ` ${series}` : ''}`
      : value.toLocaleString('en')

const cut = (text: string) => (text.length > labelWidth ? `${text.slice(0, labelWidth - 1)}…` : text)

/** One group of bars per series (per currency for money, as amounts in two currencies are never added). */
const bySeries = (points: ChartPoint[]) => {
  const groups = new Map<string | null, ChartPoint[]>()
  for (const point of points) groups.set(point.series, [...(groups.get(point.series) ?? []), point])
  return [...groups.entries()]
}

const Charts = ({
  figure,
  rows,
  groupBy,
  width,
}: {
  figure: Figure
  rows: ReportRow[]
  groupBy: string
  width: number
}) => {
  const collector = chartCollector(figure, 'json')
  for (const row of rows) collector.add(row)
  const groups = bySeries(collector.points())
  if (groups.length === 0) return null
  return (
    <Box flexDirection="column" marginTop={1}>
      {groups.map(([series, points]) => (
        <Box key={series ?? figure.key} flexDirection="column" marginBottom={1}>
          <Text bold>
            {figure.label}
            {series ? ` (${series})` : ''}
            {figure.shape === 'series' ? ` by ${groupBy}` : `, top ${points.length}`}
          </Text>
          <BarChart
            data={points.map((p) => ({
              label: cut(figure.by === 'bucket' ? bucketLabel(p.x, groupBy) : p.x),
              value: p.value,
            }))}
            showValue="right"
            width={width}
            format={(value) => figureText(figure, value, series)}
          />
          {figure.shape === 'series' ? (
            <Box gap={1}>
              <Text dimColor>trend</Text>
              <Sparkline data={points.map((p) => p.value)} width={Math.min(points.length, width - 6)} />
            </Box>
          ) : null}
        </Box>
      ))}
    </Box>
  )
}

/**
 * A report as the terminal shows it: a heading, the rows in a table fitted to the width with money as decimals of
 * each row's currency, and under it the figure's bars (with a sparkline for a time series).
 */
export const ReportView = ({ document, figure, color, width }: ReportViewProps) => {
  const columns: Column<ReportRow>[] = document.columns.map((column) => ({
    header: column.label,
    value: (row) => cellText(column, row, document.groupBy),
  }))
  return (
    <Box flexDirection="column">
      <Text bold={color}>{reportHeading(document)}</Text>
      <Table columns={columns} rows={document.rows} color={color} width={width} />
      {figure && document.rows.length ? (
        <Charts figure={figure} rows={document.rows} groupBy={document.groupBy} width={width ?? 80} />
      ) : null}
    </Box>
  )
}
