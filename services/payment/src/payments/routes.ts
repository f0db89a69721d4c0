import { AppError } from '@myshop/errors'
import { authGuard, errorResponses, eventContext, t } from '@myshop/http'
import { isCurrency } from '@myshop/money'
import { Elysia } from 'elysia'
import type { PaymentDeps } from '../deps.ts'
import { page } from '../pages.ts'
import {
  authorizeInputSchema,
  idempotencyHeaders,
  paymentParams,
  paymentSchema,
  providersSchema,
  refundInputSchema,
  returnQuerySchema,
} from './schemas.ts'
import {
  authorize,
  capture,
  getPayment,
  offeredProviders,
  refund,
  resolvePayment,
  shopperReturned,
  voidPayment,
} from './service.ts'

/**
 * What anyone may ask without a token: which providers checkout offers (with what a storefront's browser needs to
 * use them), and where a provider sends the shopper back after they approved or cancelled.
 */
export const publicPaymentRoutes = (deps: PaymentDeps) =>
  new Elysia({ prefix: '/api/v1/payments', tags: ['payments'] })
    .get('/providers', () => offeredProviders(deps), {
      response: { 200: providersSchema },
      detail: {
        operationId: 'listPaymentProviders',
        summary: "The providers checkout offers, with Stripe's publishable key and PayPal's client id",
      },
    })
    .get(
      '/:id/return',
      async ({ params, query, request, redirect }) => {
        const back = await shopperReturned(deps, params.id, query.cancelled === 'true', eventContext(request))
        if (back.redirectTo) return redirect(back.redirectTo, 303)
        return page(back.title, [back.line])
      },
      {
        params: paymentParams,
        query: returnQuerySchema,
        response: {
          200: t.String({ description: 'An HTML page saying where the payment stands' }),
          303: t.Void({
            description: 'To the storefront (PAYMENT_RETURN_URL), with payment, reference and status',
          }),
          ...errorResponses(404, 422),
        },
        detail: {
          operationId: 'paymentReturn',
          summary:
            'Where a provider sends the shopper back: the provider is asked where the payment stands and it is brought up to date',
        },
      },
    )

export const paymentRoutes = (deps: PaymentDeps) =>
  new Elysia({ prefix: '/api/v1/payments', tags: ['payments'] })
    .use(authGuard(deps.verifier))
    .post(
      '/',
      async ({ body, headers, principal, request, set }) => {
        if (!isCurrency(body.currency))
          throw new AppError('validation_failed', {
            detail: `${body.currency} is not a currency`,
            errors: [{ path: '/currency', message: 'must be an ISO 4217 currency code in circulation' }],
          })
        const { payment, replayed } = await authorize(
          deps,
          body,
          headers['idempotency-key'],
          principal.userId,
          eventContext(request),
        )
        set.status = 201
        set.headers.location = `/api/v1/payments/${payment.id}`
        if (replayed) set.headers['idempotent-replayed'] = 'true'
        return payment
      },
      {
        auth: 'payment:authorize',
        headers: idempotencyHeaders,
        body: authorizeInputSchema,
        response: { 201: paymentSchema, ...errorResponses(401, 402, 403, 409, 422, 504) },
        detail: {
          operationId: 'authorizePayment',
          summary:
            'Hold an amount on a card (status authorized, or requires_action with the URL the customer approves at; declined is 402 payment_declined); the same Idempotency-Key answers the same payment',
        },
      },
    )
    .get('/:id', ({ params }) => getPayment(deps, params.id), {
      auth: 'payment:authorize',
      params: paymentParams,
      response: { 200: paymentSchema, ...errorResponses(401, 403, 404, 422) },
      detail: { operationId: 'getPayment', summary: 'One payment with its ledger of provider calls' },
    })
    .post(
      '/:id/resolve',
      ({ params, principal, request }) =>
        resolvePayment(deps, params.id, principal.userId, eventContext(request)),
      {
        auth: 'payment:authorize',
        params: paymentParams,
        response: { 200: paymentSchema, ...errorResponses(401, 403, 404, 409, 422, 504) },
        detail: {
          operationId: 'resolvePayment',
          summary:
            'Ask the provider where a payment awaiting the customer stands, and bring it up to date; any other payment is answered as it is',
        },
      },
    )
    .post(
      '/:id/capture',
      ({ params, principal, request }) => capture(deps, params.id, principal.userId, eventContext(request)),
      {
        auth: 'payment:authorize',
        params: paymentParams,
        response: { 200: paymentSchema, ...errorResponses(401, 402, 403, 404, 409, 422, 504) },
        detail: {
          operationId: 'capturePayment',
          summary: 'Take the authorized amount; again changes nothing',
        },
      },
    )
    .post(
      '/:id/void',
      ({ params, principal, request }) =>
        voidPayment(deps, params.id, principal.userId, eventContext(request)),
      {
        auth: 'payment:authorize',
        params: paymentParams,
        response: { 200: paymentSchema, ...errorResponses(401, 402, 403, 404, 409, 422, 504) },
        detail: {
          operationId: 'voidPayment',
          summary: 'Release the hold before capture, or give up a check the customer has not finished',
        },
      },
    )
    .post(
      '/:id/refunds',
      async ({ params, body, headers, principal, request, set }) => {
        const { payment, replayed } = await refund(
          deps,
          params.id,
          body?.amount,
          headers['idempotency-key'],
          principal.userId,
          eventContext(request),
        )
        set.status = 201
        if (replayed) set.headers['idempotent-replayed'] = 'true'
        return payment
      },
      {
        auth: 'payment:refund',
        params: paymentParams,
        headers: idempotencyHeaders,
        body: refundInputSchema,
        response: { 201: paymentSchema, ...errorResponses(401, 402, 403, 404, 409, 422, 504) },
        detail: {
          operationId: 'refundPayment',
          summary:
            'Give back all or part of a captured payment, never more than captured (409); the same Idempotency-Key answers the same refund',
        },
      },
    )
