import { authGuard, errorResponses } from '@myshop/http'
import { Elysia } from 'elysia'
import type { OrderDeps } from '../deps.ts'
import {
  newShippingOptionSchema,
  offeredListSchema,
  offeredQuerySchema,
  shippingIdParams,
  shippingOptionChangesSchema,
  shippingOptionListSchema,
  shippingOptionSchema,
} from './schemas.ts'
import {
  createShippingOption,
  deactivateShippingOption,
  getShippingOption,
  listOffered,
  listShippingOptions,
  updateShippingOption,
} from './service.ts'

export const shippingRoutes = (deps: OrderDeps) =>
  new Elysia({ prefix: '/api/v1', tags: ['shipping'] })
    .use(authGuard(deps.verifier))
    .get(
      '/shipping-options',
      async ({ query }) => ({ items: await listOffered(deps, query.country, query.currency) }),
      {
        query: offeredQuerySchema,
        response: { 200: offeredListSchema, ...errorResponses(422) },
        detail: {
          operationId: 'listShippingOptions',
          summary: 'The shipping options offered to a destination country in a currency, the default first',
        },
      },
    )
    .get('/admin/shipping-options', async () => ({ items: await listShippingOptions(deps) }), {
      auth: 'checkout:configure',
      response: { 200: shippingOptionListSchema, ...errorResponses(401, 403) },
      detail: {
        operationId: 'adminListShippingOptions',
        summary: 'Every shipping option, inactive ones included, the default first',
      },
    })
    .get('/admin/shipping-options/:id', ({ params }) => getShippingOption(deps, params.id), {
      auth: 'checkout:configure',
      params: shippingIdParams,
      response: { 200: shippingOptionSchema, ...errorResponses(401, 403, 404, 422) },
      detail: { operationId: 'adminGetShippingOption', summary: 'One shipping option, active or not' },
    })
    .post(
      '/admin/shipping-options',
      async ({ body, set }) => {
        const option = await createShippingOption(deps, body)
        set.status = 201
        return option
      },
      {
        auth: 'checkout:configure',
        body: newShippingOptionSchema,
        response: { 201: shippingOptionSchema, ...errorResponses(401, 403, 422) },
        detail: {
          operationId: 'createShippingOption',
          summary: 'Create a shipping option; made the default, it replaces the current default',
        },
      },
    )
    .patch('/admin/shipping-options/:id', ({ params, body }) => updateShippingOption(deps, params.id, body), {
      auth: 'checkout:configure',
      params: shippingIdParams,
      body: shippingOptionChangesSchema,
      response: { 200: shippingOptionSchema, ...errorResponses(401, 403, 404, 409, 422) },
      detail: {
        operationId: 'updateShippingOption',
        summary:
          'Change a shipping option or make it the default (409 unsetting or deactivating the default)',
      },
    })
    .delete('/admin/shipping-options/:id', ({ params }) => deactivateShippingOption(deps, params.id), {
      auth: 'checkout:configure',
      params: shippingIdParams,
      response: { 200: shippingOptionSchema, ...errorResponses(401, 403, 404, 409, 422) },
      detail: {
        operationId: 'deactivateShippingOption',
        summary:
          'Stop offering a shipping option; it stays readable for the orders that used it (409 for the default)',
      },
    })
