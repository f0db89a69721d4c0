import { AppError } from '@myshop/errors'
import { errorResponses, t } from '@myshop/http'
import { Elysia } from 'elysia'
import type { NotificationDeps } from '../deps.ts'
import { receiveSendgrid, receiveTwilio } from './service.ts'

/** SendGrid batches up to a few thousand events in one post; anything far larger is not one. */
const maxCallbackBytes = 1024 * 1024

const receiptSchema = t.Object({
  received: t.Integer({ description: 'Reports in the callback' }),
  applied: t.Integer({ description: 'Reports that moved a delivery on' }),
})

const rawBody = async (request: Request) => {
  if (Number(request.headers.get('content-length') ?? 0) > maxCallbackBytes)
    throw new AppError('payload_too_large')
  const raw = await request.text()
  if (raw.length > maxCallbackBytes) throw new AppError('payload_too_large')
  return raw
}

/**
 * Where email and SMS providers report what became of a message. Public, as a provider's servers hold no token:
 * each is trusted for its signature over the bytes sent, so the body is read raw.
 */
export const webhookRoutes = (deps: NotificationDeps) =>
  new Elysia({ tags: ['notifications'] })
    .post(
      '/api/v1/webhooks/sendgrid',
      async ({ request }) => receiveSendgrid(deps, await rawBody(request), request.headers),
      {
        parse: 'none',
        response: { 200: receiptSchema, ...errorResponses(400, 404, 413) },
        detail: {
          operationId: 'sendgridEvents',
          summary:
            "SendGrid's signed Event Webhook (delivered, bounce, dropped); a bad signature is 400 and nothing is recorded",
        },
      },
    )
    .post(
      '/api/v1/webhooks/twilio',
      async ({ request }) =>
        receiveTwilio(deps, await rawBody(request), new URL(request.url).search, request.headers),
      {
        parse: 'none',
        response: { 200: receiptSchema, ...errorResponses(400, 404, 413) },
        detail: {
          operationId: 'twilioStatus',
          summary:
            "Twilio's status callback, verified by X-Twilio-Signature; a bad signature is 400 and nothing is recorded",
        },
      },
    )
