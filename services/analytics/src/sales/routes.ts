import { authGuard, errorResponses } from '@myshop/http'
import { Elysia } from 'elysia'
import type { AnalyticsDeps } from '../deps.ts'
import { orderImportResultSchema, orderImportSchema } from './schemas.ts'
import { importOrders } from './service.ts'

/** Orders of history imported as sales facts, for administrators (`analytics:import`). */
export const salesRoutes = (deps: AnalyticsDeps) =>
  new Elysia({ prefix: '/api/v1/admin/analytics', tags: ['analytics'] })
    .use(authGuard(deps.verifier))
    .post('/orders/import', ({ body }) => importOrders(deps, body.orders), {
      auth: 'analytics:import',
      body: orderImportSchema,
      response: { 200: orderImportResultSchema, ...errorResponses(401, 403, 422) },
      detail: {
        operationId: 'importOrders',
        summary:
          'Record paid orders and their refunds from history as sales facts; idempotent on orderId and refundId, bad orders rejected by index',
      },
    })
