import { authGuard, errorResponses, eventContext } from '@myshop/http'
import { Elysia, t } from 'elysia'
import type { ProductDeps } from '../deps.ts'
import {
  categoryChangesSchema,
  categoryIdParamSchema,
  categoryInputSchema,
  categoryListSchema,
  categorySchema,
} from './schemas.ts'
import { createCategory, deleteCategory, getCategory, listCategories, updateCategory } from './service.ts'

export const categoryRoutes = (deps: ProductDeps) =>
  new Elysia({ prefix: '/api/v1/categories', tags: ['categories'] })
    .use(authGuard(deps.verifier))
    .get('/', async () => ({ items: await listCategories(deps) }), {
      response: { 200: categoryListSchema },
      detail: { operationId: 'listCategories', summary: 'All categories, ordered by path' },
    })
    .get('/:id', async ({ params }) => getCategory(deps, params.id), {
      params: categoryIdParamSchema,
      response: { 200: categorySchema, ...errorResponses(404) },
      detail: { operationId: 'getCategory', summary: 'One category by id or slug' },
    })
    .post(
      '/',
      async ({ body, set }) => {
        set.status = 201
        return createCategory(deps, body)
      },
      {
        auth: 'catalog:write',
        body: categoryInputSchema,
        response: { 201: categorySchema, ...errorResponses(401, 403, 409, 422) },
        detail: { operationId: 'createCategory', summary: 'Create a category' },
      },
    )
    .patch(
      '/:id',
      async ({ params, body, request }) => updateCategory(deps, params.id, body, eventContext(request)),
      {
        auth: 'catalog:write',
        params: categoryIdParamSchema,
        body: categoryChangesSchema,
        response: { 200: categorySchema, ...errorResponses(401, 403, 404, 409, 422) },
        detail: { operationId: 'updateCategory', summary: 'Rename or move a category' },
      },
    )
    .delete(
      '/:id',
      async ({ params, set }) => {
        await deleteCategory(deps, params.id)
        set.status = 204
      },
      {
        auth: 'catalog:write',
        params: categoryIdParamSchema,
        response: { 204: t.Void(), ...errorResponses(401, 403, 404, 409) },
        detail: {
          operationId: 'deleteCategory',
          summary: 'Delete an empty category (409 while it has subcategories or products)',
        },
      },
    )
