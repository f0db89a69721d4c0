import { type ChartPoint, chartPoint, type Figure, type ReportRow } from './model.ts'

/** Bars a top list's chart shows at most: a chart of a thousand bars reads as none. */
export const topBars = 25

/** Gathers a chart's points from rows as they pass, keeping a bounded number however long the export is. */
export type ChartCollector = {
  add: (row: ReportRow) => void
  points: () => ChartPoint[]
}

/**
 * A time series keeps a point per bucket (the window bounds how many); a top list keeps its `topBars` largest
 * (or, for days of cover, smallest) values, as the rows may come in another order.
 */
export const chartCollector = (figure: Figure, source: 'json' | 'csv'): ChartCollector => {
  const kept: ChartPoint[] = []
  const ascending = figure.key === 'daysOfCover'
  const before = (a: ChartPoint, b: ChartPoint) => (ascending ? a.value < b.value : a.value > b.value)
  return {
    add: (row) => {
      const point = chartPoint(figure, row, source)
      if (!point) return
      if (figure.shape === 'series') {
        kept.push(point)
        return
      }
      if (kept.length === topBars && !before(point, kept[topBars - 1] as ChartPoint)) return
      let at = kept.length
      while (at > 0 && before(point, kept[at - 1] as ChartPoint)) at--
      kept.splice(at, 0, point)
      if (kept.length > topBars) kept.pop()
    },
    points: () => [...kept],
  }
}
