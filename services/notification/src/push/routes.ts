import { authGuard, errorResponses, t } from '@myshop/http'
import { Elysia } from 'elysia'
import {
  endpointInputSchema,
  subscriptionInputSchema,
  subscriptionSchema,
  vapidPublicKeySchema,
} from './schemas.ts'
import { type PushDeps, subscribe, unsubscribe, vapidPublicKey } from './service.ts'

export type { PushDeps } from './service.ts'

/** Web push: the key browsers subscribe with, and each signed-in person's browsers. */
export const pushRoutes = (deps: PushDeps) =>
  new Elysia({ prefix: '/api/v1/push', tags: ['notifications'] })
    .use(authGuard(deps.verifier))
    .get('/vapid-public-key', () => vapidPublicKey(deps), {
      response: { 200: vapidPublicKeySchema },
      detail: {
        operationId: 'getVapidPublicKey',
        summary: 'The VAPID public key browsers subscribe to push with',
      },
    })
    .post(
      '/subscriptions',
      async ({ body, principal, set }) => {
        const subscription = await subscribe(deps, principal.userId, body)
        set.status = 201
        return subscription
      },
      {
        auth: true,
        body: subscriptionInputSchema,
        response: { 201: subscriptionSchema, ...errorResponses(401, 403, 422) },
        detail: {
          operationId: 'subscribeToPush',
          summary:
            "Subscribe this browser to the signed-in person's push notifications (its PushSubscription JSON)",
        },
      },
    )
    .delete(
      '/subscriptions',
      async ({ body, principal, set }) => {
        await unsubscribe(deps, principal.userId, body.endpoint)
        set.status = 204
      },
      {
        auth: true,
        body: endpointInputSchema,
        response: { 204: t.Void(), ...errorResponses(401, 403, 404, 422) },
        detail: {
          operationId: 'unsubscribeFromPush',
          summary: "Stop push notifications to a browser of one's own",
        },
      },
    )
