import { t } from '@myshop/http'
import type { AnalyticsDeps } from '../deps.ts'
import { cohortActivity } from '../sales/service.ts'
import type { Column, Report } from './model.ts'
import { reportSpec } from './routes.ts'

const columns: readonly Column[] = [
  { key: 'cohort', label: 'First purchase month', kind: 'time' },
  { key: 'monthsSince', label: 'Months since', kind: 'integer' },
  { key: 'customers', label: 'Customers', kind: 'integer' },
  { key: 'active', label: 'Active', kind: 'integer' },
  { key: 'retention', label: 'Retention', kind: 'ratio' },
]

type CohortRow = { cohort: string; monthsSince: number; customers: number; active: number; retention: number }

const monthsBetween = (from: Date, to: Date) =>
  (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth()

/**
 * Signed-in customers by the month of their first purchase (cohorts starting in the window), and how many of each
 * cohort bought in each later month up to the window's end. Always monthly; guests and currencies are not told apart.
 */
export const cohortsReport = (deps: AnalyticsDeps): Report<Record<string, never>, CohortRow> => ({
  name: 'cohorts',
  columns,
  async *pages(window) {
    for await (const rows of cohortActivity(deps, window))
      yield rows.map((r) => ({
        cohort: r.cohort.toISOString(),
        monthsSince: monthsBetween(r.cohort, r.month),
        customers: r.size,
        active: r.active,
        retention: Math.round((r.active / r.size) * 10_000) / 10_000,
      }))
  },
})

export const cohortsSpec = reportSpec({
  name: 'cohorts',
  operationId: 'cohortsReport',
  summary: 'Retention of customers by the month of their first purchase (groupBy is ignored: always monthly)',
  filters: {},
  groupBy: 'month',
  row: t.Object({
    cohort: t.String({ format: 'date-time' }),
    monthsSince: t.Integer(),
    customers: t.Integer(),
    active: t.Integer(),
    retention: t.Number({ description: 'active / customers, to 4 decimals' }),
  }),
  report: cohortsReport,
})
