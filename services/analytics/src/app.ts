import { ping } from '@myshop/db'
import { createHttpApp, type ReadinessCheck } from '@myshop/http'
import type { AnalyticsDeps } from './deps.ts'
import { reportSpecs } from './reports/index.ts'
import { reportRoutes } from './reports/routes.ts'
import { salesRoutes } from './sales/routes.ts'
import { trackingRoutes } from './tracking/routes.ts'

/** The analytics service's HTTP app, built from its dependencies and nothing else. */
export const createApp = (deps: AnalyticsDeps, degradable: Record<string, ReadinessCheck> = {}) =>
  createHttpApp({
    service: 'analytics',
    description: 'Shopper behaviour, sales facts and the reports analysts read from them',
    logger: deps.logger,
    readiness: { database: () => ping(deps.sql) },
    degradable,
  })
    .use(trackingRoutes(deps))
    .use(salesRoutes(deps))
    .use(reportRoutes(deps, reportSpecs))
