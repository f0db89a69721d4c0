import { authGuard, errorResponses } from '@myshop/http'
import { Elysia, t } from 'elysia'
import type { OrderDeps } from '../deps.ts'
import { taxCountryParams, taxRateInputSchema, taxRateListSchema, taxRateSchema } from './schemas.ts'
import { deleteTaxRate, listTaxRates, setTaxRate } from './service.ts'

export const taxRoutes = (deps: OrderDeps) =>
  new Elysia({ prefix: '/api/v1/admin/tax-rates', tags: ['taxes'] })
    .use(authGuard(deps.verifier))
    .get('/', async () => ({ items: await listTaxRates(deps) }), {
      auth: 'checkout:configure',
      response: { 200: taxRateListSchema, ...errorResponses(401, 403) },
      detail: {
        operationId: 'listTaxRates',
        summary: 'Tax rates by destination country; a country without one is taxed at 0',
      },
    })
    .put('/:country', ({ params, body }) => setTaxRate(deps, params.country, body.rate), {
      auth: 'checkout:configure',
      params: taxCountryParams,
      body: taxRateInputSchema,
      response: { 200: taxRateSchema, ...errorResponses(401, 403, 422) },
      detail: {
        operationId: 'setTaxRate',
        summary: "Set a country's exclusive tax rate in basis points (1900 = 19%)",
      },
    })
    .delete(
      '/:country',
      async ({ params, set }) => {
        await deleteTaxRate(deps, params.country)
        set.status = 204
      },
      {
        auth: 'checkout:configure',
        params: taxCountryParams,
        response: { 204: t.Void(), ...errorResponses(401, 403, 404, 422) },
        detail: { operationId: 'deleteTaxRate', summary: "Remove a country's tax rate, so it is taxed at 0" },
      },
    )
