import { attestedSession, bearerToken, type Principal } from '@myshop/auth'
import { AppError } from '@myshop/errors'
import { errorResponses, eventContext } from '@myshop/http'
import { Elysia } from 'elysia'
import type { OrderDeps } from '../deps.ts'
import {
  checkoutConflictSchema,
  checkoutHeaders,
  checkoutInputSchema,
  checkoutResultSchema,
} from './schemas.ts'
import { checkout } from './service.ts'

/**
 * The signed-in shopper checking out, or null for a guest. A token that is sent must be valid (401), and be a
 * person's: a service does not shop (403).
 */
const shopper = async (deps: OrderDeps, request: Request): Promise<Principal | null> => {
  const token = bearerToken(request.headers.get('authorization'))
  if (!token) return null
  const result = await deps.verifier.verify(token, { activeSession: attestedSession(request) })
  if (!result.ok)
    throw new AppError('invalid_token', {
      detail: 'The access token is not valid',
      headers: { 'www-authenticate': 'Bearer realm="myshop", error="invalid_token"' },
    })
  if (result.principal.kind !== 'user')
    throw new AppError('forbidden', { detail: 'Checkout acts for a shopper, not for a service' })
  return result.principal
}

export const checkoutRoutes = (deps: OrderDeps) =>
  new Elysia({ prefix: '/api/v1/checkout', tags: ['checkout'] }).post(
    '/',
    async ({ body, headers, request, set }) => {
      const answer = await checkout(
        deps,
        body,
        headers['idempotency-key'],
        await shopper(deps, request),
        eventContext(request),
      )
      set.status = answer.status
      set.headers.location = `/api/v1/orders/${answer.order.id}`
      return answer.order
    },
    {
      headers: checkoutHeaders,
      body: checkoutInputSchema,
      response: {
        201: checkoutResultSchema,
        202: checkoutResultSchema,
        409: checkoutConflictSchema,
        ...errorResponses(401, 402, 403, 404, 422, 503),
      },
      detail: {
        operationId: 'checkout',
        summary:
          'Buy a cart: 201 with the paid order; 202 with nextAction when the customer must approve the payment; 409 insufficient_stock (shortages), cart_changed (cart) or still running; 402 payment_declined; 422 provider_unavailable; the same Idempotency-Key and body answer the same',
      },
    },
  )
