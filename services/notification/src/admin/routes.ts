import { authGuard, errorResponses } from '@myshop/http'
import { Elysia } from 'elysia'
import { getDelivery, listDeliveries, retryAllFailed, retryDelivery } from '../deliveries/service.ts'
import type { NotificationDeps } from '../deps.ts'
import {
  deliveryDetailSchema,
  deliveryListQuery,
  deliveryListSchema,
  deliveryParams,
  previewParams,
  previewQuery,
  previewSchema,
  retriedSchema,
  testMessageBody,
} from './schemas.ts'
import { deliveryDetail, deliveryView, previewTemplate, sendTestMessage } from './service.ts'

/** Operators' view of deliveries: list and read them, send failed ones again, and send a test message. */
export const adminRoutes = (deps: NotificationDeps) =>
  new Elysia({ prefix: '/api/v1/admin/notifications', tags: ['notifications'] })
    .use(authGuard(deps.verifier))
    .get(
      '/',
      async ({ query }) => {
        const page = await listDeliveries(deps, {
          status: query.status,
          to: query.to,
          before: query.cursor,
          limit: query.limit ?? 50,
        })
        return { items: page.items.map((d) => deliveryView(d)), nextCursor: page.nextCursor }
      },
      {
        auth: 'notifications:send',
        query: deliveryListQuery,
        response: { 200: deliveryListSchema, ...errorResponses(401, 403, 422) },
        detail: {
          operationId: 'listDeliveries',
          summary: 'Deliveries, newest first, by status or recipient',
        },
      },
    )
    .post('/retry-failed', async () => ({ retried: await retryAllFailed(deps) }), {
      auth: 'notifications:send',
      response: { 200: retriedSchema, ...errorResponses(401, 403) },
      detail: { operationId: 'retryFailedDeliveries', summary: 'Send every failed delivery again' },
    })
    .post(
      '/test',
      async ({ body, principal, set }) => {
        const delivery = await sendTestMessage(deps, body, principal.userId)
        set.status = 202
        set.headers.location = `/api/v1/admin/notifications/${delivery.id}`
        return deliveryDetail(delivery)
      },
      {
        auth: 'notifications:send',
        body: testMessageBody,
        response: { 202: deliveryDetailSchema, ...errorResponses(401, 403, 422) },
        detail: {
          operationId: 'sendTestNotification',
          summary: 'Send the test message to an address or number through the whole pipeline',
        },
      },
    )
    .get(
      '/templates/:name/preview',
      ({ params, query }) => previewTemplate(params.name, query.locale ?? 'en'),
      {
        auth: 'notifications:send',
        params: previewParams,
        query: previewQuery,
        response: { 200: previewSchema, ...errorResponses(401, 403, 404, 422) },
        detail: {
          operationId: 'previewNotificationTemplate',
          summary: "A template's email rendered with its sample data",
        },
      },
    )
    .get('/:id', async ({ params }) => deliveryDetail(await getDelivery(deps, params.id)), {
      auth: 'notifications:send',
      params: deliveryParams,
      response: { 200: deliveryDetailSchema, ...errorResponses(401, 403, 404, 422) },
      detail: { operationId: 'getDelivery', summary: 'One delivery with its rendered message' },
    })
    .post('/:id/retry', async ({ params }) => deliveryDetail(await retryDelivery(deps, params.id)), {
      auth: 'notifications:send',
      params: deliveryParams,
      response: { 200: deliveryDetailSchema, ...errorResponses(401, 403, 404, 409, 422) },
      detail: {
        operationId: 'retryDelivery',
        summary: 'Send a failed delivery again (409 for any other status)',
      },
    })
