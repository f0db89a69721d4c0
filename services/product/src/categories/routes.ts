import { authGuard, errorResponses, eventContext } from '@myshop/http'
import { Elysia, t } from 'elysia'
import type { ProductDeps } from '../deps.ts'
import { slugPattern } from '../products/slug.ts'
import { createCategory, deleteCategory, getCategory, listCategories, updateCategory } from './service.ts'

export const categorySchema = t.Object({
  id: t.String(),
  parentId: t.Union([t.String(), t.Null()]),
  name: t.String(),
  slug: t.String(),
  path: t.String({ description: "Names from the root, joined by ' > '" }),
  createdAt: t.String({ format: 'date-time' }),
  updatedAt: t.String({ format: 'date-time' }),
})

const idParam = t.Object({ id: t.String({ minLength: 1, maxLength: 100 }) })
const name = t.String({ minLength: 1, maxLength: 100, pattern: '\\S' })
const slug = t.String({ pattern: slugPattern, maxLength: 100 })
const parentId = t.Union([t.String({ pattern: '^cat_[0-9A-HJKMNP-TV-Z]{26}$' }), t.Null()])

export const categoryRoutes = (deps: ProductDeps) =>
  new Elysia({ prefix: '/api/v1/categories', tags: ['categories'] })
    .use(authGuard(deps.verifier))
    .get('/', async () => ({ items: await listCategories(deps) }), {
      response: { 200: t.Object({ items: t.Array(categorySchema) }) },
      detail: { operationId: 'listCategories', summary: 'All categories, ordered by path' },
    })
    .get('/:id', async ({ params }) => getCategory(deps, params.id), {
      params: idParam,
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
        body: t.Object(
          { name, slug: t.Optional(slug), parentId: t.Optional(parentId) },
          { additionalProperties: false },
        ),
        response: { 201: categorySchema, ...errorResponses(401, 403, 409, 422) },
        detail: { operationId: 'createCategory', summary: 'Create a category' },
      },
    )
    .patch(
      '/:id',
      async ({ params, body, request }) => updateCategory(deps, params.id, body, eventContext(request)),
      {
        auth: 'catalog:write',
        params: idParam,
        body: t.Object(
          { name: t.Optional(name), slug: t.Optional(slug), parentId: t.Optional(parentId) },
          { minProperties: 1, additionalProperties: false },
        ),
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
        params: idParam,
        response: { 204: t.Void(), ...errorResponses(401, 403, 404, 409) },
        detail: {
          operationId: 'deleteCategory',
          summary: 'Delete an empty category (409 while it has subcategories or products)',
        },
      },
    )
