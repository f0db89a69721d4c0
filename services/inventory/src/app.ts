import { ping } from '@myshop/db'
import { createHttpApp, type ReadinessCheck } from '@myshop/http'
import { auditRoutes } from './audit/routes.ts'
import type { InventoryDeps } from './deps.ts'
import { reservationRoutes } from './reservations/routes.ts'
import { stockRoutes } from './stock/routes.ts'

/** The inventory service's HTTP app, built from its dependencies and nothing else. */
export const createApp = (deps: InventoryDeps, degradable: Record<string, ReadinessCheck> = {}) =>
  createHttpApp({
    service: 'inventory',
    description:
      'Stock levels per SKU and location, the adjustments ledger, reservations, and their audit trail',
    logger: deps.logger,
    readiness: { database: () => ping(deps.sql) },
    degradable,
  })
    .use(stockRoutes(deps))
    .use(reservationRoutes(deps))
    .use(auditRoutes(deps))
