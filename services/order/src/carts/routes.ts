import { attestedSession, bearerToken } from '@myshop/auth'
import { AppError } from '@myshop/errors'
import { errorResponses } from '@myshop/http'
import { Elysia } from 'elysia'
import type { OrderDeps } from '../deps.ts'
import { addItemSchema, cartItemParams, cartParams, cartSchema, updateItemSchema } from './schemas.ts'
import { addItem, createCart, getCart, removeItem, updateItem } from './service.ts'

/**
 * The signed-in shopper a request is for, or null for a guest. A token that is sent must be valid (401 otherwise);
 * a service's token stands for no shopper.
 */
const shopperOf = async (deps: OrderDeps, request: Request): Promise<string | null> => {
  const token = bearerToken(request.headers.get('authorization'))
  if (!token) return null
  const result = await deps.verifier.verify(token, { activeSession: attestedSession(request) })
  if (!result.ok)
    throw new AppError('invalid_token', {
      detail: 'The access token is not valid',
      headers: { 'www-authenticate': 'Bearer realm="myshop", error="invalid_token"' },
    })
  return result.principal.kind === 'user' ? result.principal.userId : null
}

const cartErrors = errorResponses(401, 404, 409, 422, 503)

export const cartRoutes = (deps: OrderDeps) =>
  new Elysia({ prefix: '/api/v1/carts', tags: ['carts'] })
    .post(
      '/',
      async ({ request, set }) => {
        const { cart, created } = await createCart(deps, await shopperOf(deps, request))
        set.status = created ? 201 : 200
        return cart
      },
      {
        response: { 200: cartSchema, 201: cartSchema, ...errorResponses(401, 409) },
        detail: {
          operationId: 'createCart',
          summary: 'A new cart (201); a signed-in shopper who has one gets theirs (200)',
        },
      },
    )
    .get('/:id', async ({ params, request }) => getCart(deps, params.id, await shopperOf(deps, request)), {
      params: cartParams,
      response: { 200: cartSchema, ...cartErrors },
      detail: {
        operationId: 'getCart',
        summary: 'A cart; a guest cart read by a signed-in shopper becomes theirs (merged into their cart)',
      },
    })
    .post(
      '/:id/items',
      async ({ params, body, request }) => addItem(deps, params.id, await shopperOf(deps, request), body),
      {
        params: cartParams,
        body: addItemSchema,
        response: { 200: cartSchema, ...cartErrors },
        detail: {
          operationId: 'addCartItem',
          summary: 'Add units of a SKU at the catalog’s price (to its line when there is one)',
        },
      },
    )
    .patch(
      '/:id/items/:sku',
      async ({ params, body, request }) =>
        updateItem(deps, params.id, await shopperOf(deps, request), params.sku, body.quantity),
      {
        params: cartItemParams,
        body: updateItemSchema,
        response: { 200: cartSchema, ...cartErrors },
        detail: {
          operationId: 'updateCartItem',
          summary: 'Set the quantity of a line',
        },
      },
    )
    .delete(
      '/:id/items/:sku',
      async ({ params, request }) => removeItem(deps, params.id, await shopperOf(deps, request), params.sku),
      {
        params: cartItemParams,
        response: { 200: cartSchema, ...cartErrors },
        detail: { operationId: 'removeCartItem', summary: 'Remove a line' },
      },
    )
