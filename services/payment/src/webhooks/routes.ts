import { AppError } from '@myshop/errors'
import { errorResponses, eventContext, t } from '@myshop/http'
import { Elysia } from 'elysia'
import type { PaymentDeps } from '../deps.ts'
import type { ProviderName } from '../payments/provider.ts'
import { receiveWebhook } from './service.ts'

/** A provider's event is a few kilobytes; Stripe caps its payloads far below this. Anything larger is not one. */
const maxWebhookBytes = 256 * 1024

export const webhookReceiptSchema = t.Object({
  received: t.Literal(true),
  duplicate: t.Boolean({ description: 'Received before: acknowledged again, nothing done' }),
  paymentId: t.Union([t.String(), t.Null()]),
  status: t.Union([t.String(), t.Null()]),
})

const hooks: { path: string; provider: ProviderName; operationId: string; summary: string }[] = [
  {
    path: '/api/v1/webhooks/test-provider',
    provider: 'test',
    operationId: 'testProviderCallback',
    summary:
      "The test provider's signed callback (HMAC-SHA256 in test-provider-signature); a forged or stale one is 400",
  },
  {
    path: '/api/v1/webhooks/stripe',
    provider: 'stripe',
    operationId: 'stripeWebhook',
    summary:
      "Stripe's events, verified against STRIPE_WEBHOOK_SECRET over the raw body (Stripe-Signature, with its age); a bad signature is 400 and nothing is recorded; a repeat is acknowledged",
  },
  {
    path: '/api/v1/webhooks/paypal',
    provider: 'paypal',
    operationId: 'paypalWebhook',
    summary:
      "PayPal's events, verified with PayPal's signature verification for PAYPAL_WEBHOOK_ID; a bad signature is 400 and nothing is recorded; a repeat is acknowledged",
  },
]

/**
 * Where providers send their events. Public, as a provider's servers hold no token: each is trusted for its
 * signature over the exact bytes sent, so the body is read raw rather than parsed.
 */
export const webhookRoutes = (deps: PaymentDeps) =>
  hooks.reduce(
    (app, hook) =>
      app.post(
        hook.path,
        async ({ request }) => {
          const length = Number(request.headers.get('content-length') ?? 0)
          if (length > maxWebhookBytes) throw new AppError('payload_too_large')
          const raw = await request.text()
          if (raw.length > maxWebhookBytes) throw new AppError('payload_too_large')
          return receiveWebhook(deps, hook.provider, raw, request.headers, eventContext(request))
        },
        {
          parse: 'none',
          response: { 200: webhookReceiptSchema, ...errorResponses(400, 404, 409, 413) },
          detail: { operationId: hook.operationId, summary: hook.summary },
        },
      ),
    new Elysia({ tags: ['webhooks'] }),
  )
