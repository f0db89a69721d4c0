import { AppError } from '@myshop/errors'
import { authGuard, errorResponses } from '@myshop/http'
import type { Static, TObject, TProperties } from '@sinclair/typebox'
import { Elysia } from 'elysia'
import type { AnalyticsDeps } from '../deps.ts'
import { reportFormat, reportResponse } from './format.ts'
import type { Grouping, Report, ReportName, ReportRow } from './model.ts'
import { reportWindow } from './model.ts'
import { reportQuery, reportSchema } from './schemas.ts'

/** One report's route: its filters and row as the API documents them, and the report itself. */
export interface ReportSpec<F extends TProperties = TProperties> {
  name: ReportName
  operationId: string
  summary: string
  filters: F
  row: TObject
  /** The bucket when the query names none. */
  groupBy?: Grouping
  report: (deps: AnalyticsDeps) => Report<Partial<Static<TObject<F>>>, ReportRow>
}

export const reportSpec = <F extends TProperties>(spec: ReportSpec<F>): ReportSpec =>
  spec as unknown as ReportSpec

/**
 * `GET /api/v1/reports/<name>` for each report, for analysts and administrators (`reports:read`): JSON or CSV,
 * streamed page by page.
 */
export const reportRoutes = (deps: AnalyticsDeps, specs: readonly ReportSpec[]) => {
  let app = new Elysia({ prefix: '/api/v1/reports', tags: ['reports'] }).use(authGuard(deps.verifier))
  for (const spec of specs) {
    const report = spec.report(deps)
    app = app.get(
      `/${spec.name}`,
      async ({ query, request }) => {
        const { format, from, to, groupBy, currency, ...filters } = query as Record<
          string,
          string | undefined
        > & {
          from: string
          to: string
          groupBy?: Grouping
          format?: 'json' | 'csv'
        }
        const window = reportWindow({ from, to, groupBy, currency }, spec.groupBy)
        if ('problem' in window) throw new AppError('validation_failed', { detail: window.problem })
        return reportResponse(
          report,
          window,
          filters,
          reportFormat(format, request.headers.get('accept')),
          deps.logger,
        )
      },
      {
        auth: 'reports:read',
        query: reportQuery(spec.filters),
        response: { 200: reportSchema(spec.row), ...errorResponses(401, 403, 422) },
        detail: { operationId: spec.operationId, summary: spec.summary },
      },
    ) as unknown as typeof app
  }
  return app
}
