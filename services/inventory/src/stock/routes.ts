import { bearerToken } from '@myshop/auth'
import { authGuard, errorResponses, eventContext } from '@myshop/http'
import { Elysia } from 'elysia'
import type { InventoryDeps } from '../deps.ts'
import {
  adjustmentInputSchema,
  adjustmentSchema,
  lowPageSchema,
  lowQuerySchema,
  skuParams,
  stockSchema,
  thresholdInputSchema,
} from './schemas.ts'
import { adjustStock, getStock, listLow, setThreshold } from './service.ts'

/** Whether the request carries a valid token allowed to read stock per location (anyone may read the rest). */
const canReadDetail = async (deps: InventoryDeps, request: Request) => {
  const token = bearerToken(request.headers.get('authorization'))
  if (!token) return false
  const result = await deps.verifier.verify(token)
  return result.ok && result.principal.permissions.has('inventory:read')
}

export const stockRoutes = (deps: InventoryDeps) =>
  new Elysia({ prefix: '/api/v1/inventory', tags: ['inventory'] })
    .use(authGuard(deps.verifier))
    .get('/low', ({ query }) => listLow(deps, { cursor: query.cursor, limit: query.limit ?? 50 }), {
      auth: 'inventory:read',
      query: lowQuerySchema,
      response: { 200: lowPageSchema, ...errorResponses(401, 403, 422) },
      detail: { operationId: 'listLowStock', summary: 'SKUs at or below their low-stock threshold, by SKU' },
    })
    .get(
      '/:sku',
      async ({ params, request }) => getStock(deps, params.sku, await canReadDetail(deps, request)),
      {
        params: skuParams,
        response: { 200: stockSchema, ...errorResponses(404, 422) },
        detail: {
          operationId: 'getStock',
          summary:
            'Available stock of a SKU; per location and with its threshold for holders of inventory:read',
        },
      },
    )
    .post(
      '/:sku/adjustments',
      async ({ params, body, principal, request, set }) => {
        const adjustment = await adjustStock(deps, params.sku, body, principal.userId, eventContext(request))
        set.status = 201
        return adjustment
      },
      {
        auth: 'inventory:write',
        params: skuParams,
        body: adjustmentInputSchema,
        response: { 201: adjustmentSchema, ...errorResponses(401, 403, 404, 409, 422) },
        detail: {
          operationId: 'adjustStock',
          summary: 'Count stock in or out at a location (409 insufficient_stock below what is available)',
        },
      },
    )
    .put(
      '/:sku/threshold',
      ({ params, body, request }) => setThreshold(deps, params.sku, body.threshold, eventContext(request)),
      {
        auth: 'inventory:write',
        params: skuParams,
        body: thresholdInputSchema,
        response: { 200: stockSchema, ...errorResponses(401, 403, 404, 422) },
        detail: { operationId: 'setLowStockThreshold', summary: "Set or clear a SKU's low-stock threshold" },
      },
    )
