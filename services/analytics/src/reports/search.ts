import { t } from '@myshop/http'
import type { AnalyticsDeps } from '../deps.ts'
import { searchTermsPage } from '../tracking/service.ts'
import type { Report } from './model.ts'
import { reportSpec } from './routes.ts'

const pageSize = 500

export interface SearchFilters {
  zeroOnly?: boolean | string
  limit?: number | string
}

export interface SearchRow {
  [key: string]: string | number | null
  term: string
  searches: number
  zeroResultSearches: number
  averageResults: number
}

/**
 * The terms shoppers searched for over the window, most searched first (then by term): how often, how often
 * nothing was found, and the average number of results. `zeroOnly` keeps the terms some search of which found
 * nothing; `limit` (default 50) cuts the list.
 */
export const searchReport = (deps: AnalyticsDeps): Report<SearchFilters, SearchRow> => ({
  name: 'search',
  columns: [
    { key: 'term', label: 'Term', kind: 'text' },
    { key: 'searches', label: 'Searches', kind: 'integer' },
    { key: 'zeroResultSearches', label: 'Searches without results', kind: 'integer' },
    { key: 'averageResults', label: 'Average results', kind: 'number' },
  ],
  async *pages(window, filters) {
    const zeroOnly = filters.zeroOnly === true || filters.zeroOnly === 'true'
    let left = Number(filters.limit ?? 50)
    let after: { searches: number; term: string } | null = null
    while (left > 0) {
      const limit = Math.min(left, pageSize)
      const page = await searchTermsPage(deps, window, { zeroOnly, after, limit })
      if (page.length > 0) yield page.map((row) => ({ ...row }))
      if (page.length < limit) return
      left -= page.length
      const last = page[page.length - 1]!
      after = { searches: last.searches, term: last.term }
    }
  },
})

export const searchSpec = reportSpec({
  name: 'search',
  operationId: 'searchReport',
  summary: 'Top search terms over the window, with the searches that found nothing',
  filters: {
    zeroOnly: t.Optional(t.Boolean({ description: 'Only terms some search of which found nothing' })),
    limit: t.Optional(
      t.Integer({ minimum: 1, maximum: 1000, default: 50, description: 'Most terms listed' }),
    ),
  },
  row: t.Object({
    term: t.String(),
    searches: t.Integer({ minimum: 0 }),
    zeroResultSearches: t.Integer({ minimum: 0 }),
    averageResults: t.Number({ minimum: 0 }),
  }),
  report: searchReport,
})
