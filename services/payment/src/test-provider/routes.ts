import { AppError } from '@myshop/errors'
import { errorResponses, eventContext, t } from '@myshop/http'
import { Elysia } from 'elysia'
import type { PaymentDeps } from '../deps.ts'
import { callbackReceiptSchema } from '../payments/schemas.ts'
import { receiveCallback } from '../payments/service.ts'

/** A callback is a few hundred bytes; anything much larger is not one. */
const maxCallbackBytes = 16 * 1024

const page = (title: string, body: string) =>
  new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
      `<body><h1>${title}</h1>${body}</body></html>`,
    { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } },
  )

/**
 * The test provider's own pages and callback: where a customer approves or fails a 3-D Secure check, and where
 * the provider's signed callback about it arrives. Both are public, as a processor's are: the check page is
 * opened by the customer, and a callback is trusted for its signature, not its sender.
 */
export const testProviderRoutes = (deps: PaymentDeps) =>
  new Elysia({ tags: ['test provider'] })
    .get(
      '/api/v1/payments/test-provider/3ds/:chargeId',
      async ({ params, query, request }) => {
        const pending = await deps.testProvider.pendingAction(params.chargeId)
        if (!pending) throw new AppError('not_found', { detail: 'No check awaits the customer here' })
        if (!query.outcome)
          return page(
            'Test provider: confirm the payment',
            `<p>${pending.amount} ${pending.currency} (minor units)</p>` +
              `<p><a href="?outcome=approve">Approve</a> <a href="?outcome=fail">Fail</a></p>`,
          )
        const callback = await deps.testProvider.completeAction(params.chargeId, query.outcome)
        if (!callback) throw new AppError('not_found', { detail: 'No check awaits the customer here' })
        // The provider tells the shop through its signed callback, the same way its own servers would.
        await receiveCallback(
          deps,
          'test',
          callback.body,
          new Headers(callback.headers),
          eventContext(request),
        )
        return page(
          query.outcome === 'approve' ? 'Payment approved' : 'Payment failed',
          '<p>You can close this page.</p>',
        )
      },
      {
        params: t.Object({ chargeId: t.String({ pattern: '^tpc_[0-9A-HJKMNP-TV-Z]{26}$' }) }),
        query: t.Object({ outcome: t.Optional(t.Union([t.Literal('approve'), t.Literal('fail')])) }),
        response: { 200: t.String({ description: 'An HTML page' }), ...errorResponses(404, 422) },
        detail: {
          operationId: 'testProviderCheck',
          summary:
            "The test provider's 3-D Secure page: without outcome, asks the customer; with it, decides the check and sends the callback",
        },
      },
    )
    .post(
      '/api/v1/webhooks/test-provider',
      async ({ request }) => {
        const length = Number(request.headers.get('content-length') ?? 0)
        if (length > maxCallbackBytes) throw new AppError('payload_too_large')
        const raw = await request.text()
        if (raw.length > maxCallbackBytes) throw new AppError('payload_too_large')
        return receiveCallback(deps, 'test', raw, request.headers, eventContext(request))
      },
      {
        // The signature is over the raw bytes, so the body is read as sent rather than parsed.
        parse: 'none',
        response: { 200: callbackReceiptSchema, ...errorResponses(400, 409, 413) },
        detail: {
          operationId: 'testProviderCallback',
          summary:
            "The test provider's signed callback (HMAC-SHA256 in test-provider-signature); a forged, stale or replayed one is refused",
        },
      },
    )
