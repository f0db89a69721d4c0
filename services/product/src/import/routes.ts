import { authGuard, errorResponses, eventContext } from '@myshop/http'
import { Elysia } from 'elysia'
import type { ProductDeps } from '../deps.ts'
import { productPage } from '../products/service.ts'
import {
  exportPageSchema,
  exportQuerySchema,
  importBodySchema,
  importQuerySchema,
  importResultSchema,
} from './schemas.ts'
import { type ImportRow, importRows } from './service.ts'

/** Catalog files: the bulk import, and the export that reads every product back in a form it takes. */
export const importRoutes = (deps: ProductDeps) =>
  new Elysia({ prefix: '/api/v1', tags: ['products'] })
    .use(authGuard(deps.verifier))
    .post(
      '/catalog/import',
      async ({ body, query, request }) =>
        importRows(deps, body.rows as ImportRow[], eventContext(request), { dryRun: query.dryRun === true }),
      {
        auth: 'catalog:write',
        query: importQuerySchema,
        body: importBodySchema,
        response: { 200: importResultSchema, ...errorResponses(400, 401, 403, 422) },
        detail: {
          operationId: 'importCatalog',
          summary: 'Upsert products by SKU in bulk; bad rows are reported by line, good ones written',
        },
      },
    )
    .get(
      '/catalog/export',
      async ({ query }) => productPage(deps, query.cursor ?? null, query.limit ?? 500),
      {
        auth: 'catalog:write',
        query: exportQuerySchema,
        response: { 200: exportPageSchema, ...errorResponses(401, 403, 422) },
        detail: {
          operationId: 'exportCatalog',
          summary: 'Every product in every status, in id order (catalog export)',
        },
      },
    )
