import { AppError } from '@myshop/errors'
import { errorResponses, eventContext, t } from '@myshop/http'
import { Elysia } from 'elysia'
import type { PaymentDeps } from '../deps.ts'
import { page } from '../pages.ts'
import { receiveWebhook } from '../webhooks/service.ts'

/**
 * The test provider's own page, where a customer approves or fails a 3-D Secure check. Public, as a processor's is:
 * the customer opens it. The provider then sends its signed callback, as its own servers would.
 */
export const testProviderRoutes = (deps: PaymentDeps) =>
  new Elysia({ tags: ['test provider'] }).get(
    '/api/v1/payments/test-provider/3ds/:chargeId',
    async ({ params, query, request }) => {
      const pending = await deps.testProvider.pendingAction(params.chargeId)
      if (!pending) throw new AppError('not_found', { detail: 'No check awaits the customer here' })
      if (!query.outcome)
        return page(
          'Test provider: confirm the payment',
          [`${pending.amount} ${pending.currency} (minor units)`],
          [
            { href: '?outcome=approve', label: 'Approve' },
            { href: '?outcome=fail', label: 'Fail' },
          ],
        )
      const callback = await deps.testProvider.completeAction(params.chargeId, query.outcome)
      if (!callback) throw new AppError('not_found', { detail: 'No check awaits the customer here' })
      // The provider tells the shop through its signed callback, the same way its own servers would.
      await receiveWebhook(deps, 'test', callback.body, new Headers(callback.headers), eventContext(request))
      return page(query.outcome === 'approve' ? 'Payment approved' : 'Payment failed', [
        'You can close this page.',
      ])
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
