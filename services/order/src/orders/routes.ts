import { authGuard, errorResponses, eventContext } from '@myshop/http'
import { Elysia } from 'elysia'
import type { OrderDeps } from '../deps.ts'
import {
  fulfillmentInputSchema,
  orderPageSchema,
  orderParams,
  orderSchema,
  ordersQuerySchema,
  ownOrdersQuerySchema,
} from './schemas.ts'
import { deliverOrder, fulfilOrder, getOrderFor, listOrders } from './service.ts'

export const orderRoutes = (deps: OrderDeps) =>
  new Elysia({ prefix: '/api/v1', tags: ['orders'] })
    .use(authGuard(deps.verifier))
    .get(
      '/orders',
      ({ query, principal }) =>
        listOrders(
          deps,
          { userId: principal.userId, status: query.status },
          { cursor: query.cursor, limit: query.limit ?? 20 },
        ),
      {
        auth: 'orders:read_own',
        query: ownOrdersQuerySchema,
        response: { 200: orderPageSchema, ...errorResponses(401, 403, 422) },
        detail: { operationId: 'listOwnOrders', summary: "The signed-in customer's orders, newest first" },
      },
    )
    .get(
      '/admin/orders',
      ({ query }) =>
        listOrders(
          deps,
          {
            status: query.status,
            since: query.since === undefined ? undefined : new Date(query.since),
            email: query.email,
            disputed: query.disputed,
          },
          { cursor: query.cursor, limit: query.limit ?? 20 },
        ),
      {
        auth: 'orders:read_all',
        query: ordersQuerySchema,
        response: { 200: orderPageSchema, ...errorResponses(401, 403, 422) },
        detail: {
          operationId: 'listOrders',
          summary:
            'Every order, newest first, by status, creation time, email or whether its payment is disputed',
        },
      },
    )
    .get('/orders/:id', ({ params, principal }) => getOrderFor(deps, principal, params.id), {
      auth: true,
      params: orderParams,
      response: { 200: orderSchema, ...errorResponses(401, 403, 404, 422) },
      detail: {
        operationId: 'getOrder',
        summary: "An order with its history: one's own, or any for holders of orders:read_all",
      },
    })
    .post(
      '/orders/:id/fulfillments',
      async ({ params, body, principal, request, set }) => {
        const order = await fulfilOrder(deps, params.id, body, principal.userId, eventContext(request))
        set.status = 201
        return order
      },
      {
        auth: 'orders:write_all',
        params: orderParams,
        body: fulfillmentInputSchema,
        response: { 201: orderSchema, ...errorResponses(401, 403, 404, 409, 422) },
        detail: {
          operationId: 'fulfilOrder',
          summary: 'Record a paid order shipped, with its tracking number (409 invalid_transition otherwise)',
        },
      },
    )
    .post(
      '/orders/:id/deliveries',
      ({ params, principal, request }) =>
        deliverOrder(deps, params.id, principal.userId, eventContext(request)),
      {
        auth: 'orders:write_all',
        params: orderParams,
        response: { 200: orderSchema, ...errorResponses(401, 403, 404, 409, 422) },
        detail: {
          operationId: 'deliverOrder',
          summary: 'Record a shipped order delivered (409 invalid_transition otherwise)',
        },
      },
    )
