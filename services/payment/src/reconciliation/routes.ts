import { authGuard, errorResponses } from '@myshop/http'
import { Elysia } from 'elysia'
import type { PaymentDeps } from '../deps.ts'
import { paymentParams } from '../payments/schemas.ts'
import { providerViewSchema, reconciliationQuery, reconciliationSchema } from './schemas.ts'
import { providerView, reconcile } from './service.ts'

/** What operators compare the ledger with the providers' records through. */
export const reconciliationRoutes = (deps: PaymentDeps) =>
  new Elysia({ prefix: '/api/v1/admin/payments', tags: ['payments'] })
    .use(authGuard(deps.verifier))
    .get('/reconciliation', ({ query }) => reconcile(deps, query.provider, new Date(query.since)), {
      auth: 'payments:reconcile',
      query: reconciliationQuery,
      response: { 200: reconciliationSchema, ...errorResponses(401, 403, 422, 502) },
      detail: {
        operationId: 'reconcilePayments',
        summary:
          "Compare the ledger's payments through a provider since a time with the provider's own records: every missing capture, amount mismatch and one-sided refund",
      },
    })
    .get('/:id/provider', ({ params }) => providerView(deps, params.id), {
      auth: 'payments:reconcile',
      params: paymentParams,
      response: { 200: providerViewSchema, ...errorResponses(401, 403, 404, 422, 502, 503) },
      detail: {
        operationId: 'getPaymentAtProvider',
        summary: "One payment beside the provider's record of it, with the differences",
      },
    })
