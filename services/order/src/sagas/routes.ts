import { authGuard, errorResponses } from '@myshop/http'
import { Elysia } from 'elysia'
import type { OrderDeps } from '../deps.ts'
import { orderParams, orderSchema } from '../orders/schemas.ts'
import { refundInputSchema, sagaListQuery, sagaPageSchema, sagaParams, sagaSchema } from './schemas.ts'
import { cancelOrder, compensateSaga, getSaga, listSagas, refundOrder, retrySaga } from './service.ts'

/** Operators' view of the sagas, and their repairs: retry one that needs attention, or undo one now. */
export const sagaAdminRoutes = (deps: OrderDeps) =>
  new Elysia({ prefix: '/api/v1/admin/sagas', tags: ['sagas'] })
    .use(authGuard(deps.verifier))
    .get('/', ({ query }) => listSagas(deps, query), {
      auth: 'sagas:manage',
      query: sagaListQuery,
      response: { 200: sagaPageSchema, ...errorResponses(401, 403, 422) },
      detail: { operationId: 'listSagas', summary: 'Sagas, newest first, optionally of one status' },
    })
    .get('/:id', ({ params }) => getSaga(deps, params.id), {
      auth: 'sagas:manage',
      params: sagaParams,
      response: { 200: sagaSchema, ...errorResponses(401, 403, 404, 422) },
      detail: {
        operationId: 'getSaga',
        summary: 'A saga with the timeline of its steps: times, attempts, errors',
      },
    })
    .post('/:id/retry', ({ params }) => retrySaga(deps, params.id), {
      auth: 'sagas:manage',
      params: sagaParams,
      response: { 200: sagaSchema, ...errorResponses(401, 403, 404, 409, 422) },
      detail: {
        operationId: 'retrySaga',
        summary: 'Resume a saga that needs attention from the step that failed (409 for any other)',
      },
    })
    .post('/:id/compensate', ({ params, principal }) => compensateSaga(deps, params.id, principal.userId), {
      auth: 'sagas:manage',
      params: sagaParams,
      response: { 200: sagaSchema, ...errorResponses(401, 403, 404, 409, 422) },
      detail: {
        operationId: 'compensateSaga',
        summary:
          'Undo a checkout now: money and stock given back, the order cancelled (409 for a completed one: cancel its order)',
      },
    })

/** Cancelling and refunding an order, each run as a saga. */
export const orderChangeRoutes = (deps: OrderDeps) =>
  new Elysia({ prefix: '/api/v1/orders', tags: ['orders'] })
    .use(authGuard(deps.verifier))
    .post('/:id/cancel', ({ params, principal }) => cancelOrder(deps, params.id, principal), {
      auth: true,
      params: orderParams,
      response: { 200: orderSchema, ...errorResponses(401, 403, 404, 409, 422, 502, 503) },
      detail: {
        operationId: 'cancelOrder',
        summary:
          'Cancel an order before it ships: its payment voided or refunded, its stock given back (own order, or orders:write_all; 409 once fulfilled)',
      },
    })
    .post(
      '/:id/refunds',
      async ({ params, body, principal, set }) => {
        const order = await refundOrder(deps, params.id, body ?? {}, principal)
        set.status = 201
        return order
      },
      {
        auth: 'orders:write_all',
        params: orderParams,
        body: refundInputSchema,
        response: { 201: orderSchema, ...errorResponses(401, 402, 403, 404, 409, 422, 502, 503) },
        detail: {
          operationId: 'refundOrder',
          summary:
            'Give back all or part of what an order was paid (never more than is left), optionally restocking its units',
        },
      },
    )
