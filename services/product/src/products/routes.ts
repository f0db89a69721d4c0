import { bearerToken } from '@myshop/auth'
import { authGuard, errorResponses, eventContext } from '@myshop/http'
import { Elysia, t } from 'elysia'
import { cachedProduct, cachedSearch } from '../cache/cached-json.ts'
import type { ProductDeps } from '../deps.ts'
import {
  cachedReadResponses,
  productChangesSchema,
  productIdParamSchema,
  productInputSchema,
  productSchema,
  searchQuerySchema,
  searchResultSchema,
  suggestionsSchema,
  suggestQuerySchema,
  variantLookupResultSchema,
  variantLookupSchema,
} from './schemas.ts'
import {
  createProduct,
  deleteProduct,
  getProduct,
  lookupVariants,
  productSearch,
  searchProducts,
  updateProduct,
} from './service.ts'

/** Whether the request carries a valid token allowed to manage the catalog (drafts visible, no shared cache). */
const canManage = async (deps: ProductDeps, authorization: string | null | undefined) => {
  const token = bearerToken(authorization)
  if (!token) return false
  const result = await deps.verifier.verify(token)
  return result.ok && result.principal.permissions.has('catalog:write')
}

export const productRoutes = (deps: ProductDeps) =>
  new Elysia({ prefix: '/api/v1', tags: ['products'] })
    .use(authGuard(deps.verifier))
    .get(
      '/products',
      async ({ query, request }) => {
        const search = await productSearch(deps, query)
        return cachedSearch(deps, request, 'listing', { ...search }, (generation) =>
          searchProducts(deps, search, generation),
        )
      },
      {
        query: searchQuerySchema,
        // Served from the response cache as bytes, so the schema documents rather than validates.
        detail: {
          operationId: 'listProducts',
          summary: 'Search and browse active products, with facets and cursor pagination',
          responses: cachedReadResponses(searchResultSchema, {
            422: 'Invalid query, or an unknown category',
          }),
        },
      },
    )
    .get(
      '/products/suggest',
      // Every shopper's first keystrokes ask the same few prefixes, and the shortest are the dearest to answer
      // (a letter matches thousands of names): cached like the listings, and made unreachable with them by any
      // change to the catalog.
      async ({ query, request }) => {
        const limit = query.limit ?? 8
        return cachedSearch(deps, request, 'suggest', { q: query.q.trim(), limit }, async () => ({
          suggestions: await deps.search.suggest(query.q, limit),
        }))
      },
      {
        query: suggestQuerySchema,
        // Served from the response cache as bytes, so the schema documents rather than validates.
        detail: {
          operationId: 'suggestProducts',
          summary: 'Product names for autocomplete',
          responses: cachedReadResponses(suggestionsSchema, { 422: 'Invalid query' }),
        },
      },
    )
    .get(
      '/products/:id',
      // The raw header, not Elysia's `headers`: that copies every header into an object on each request.
      async ({ params, request, set }) => {
        const authorization = request.headers.get('authorization')
        if (authorization && (await canManage(deps, authorization))) {
          set.headers['cache-control'] = 'private, no-store'
          return getProduct(deps, params.id, true)
        }
        return cachedProduct(deps, request, params.id, () => getProduct(deps, params.id, false))
      },
      {
        params: productIdParamSchema,
        detail: {
          operationId: 'getProduct',
          summary: 'One product by id or slug (drafts only for catalog managers)',
          responses: cachedReadResponses(productSchema, { 404: 'Not found' }),
        },
      },
    )
    .post(
      '/products/variants/lookup',
      async ({ body, request }) =>
        lookupVariants(deps, body.skus, await canManage(deps, request.headers.get('authorization'))),
      {
        body: variantLookupSchema,
        response: { 200: variantLookupResultSchema, ...errorResponses(400, 422) },
        detail: {
          operationId: 'lookupVariants',
          summary:
            'Up to 100 SKUs with their products, names and prices (active products only, unless the caller manages the catalog)',
        },
      },
    )
    .post(
      '/products',
      async ({ body, request, set }) => {
        const product = await createProduct(deps, body, eventContext(request))
        set.status = 201
        set.headers.location = `/api/v1/products/${product.id}`
        return product
      },
      {
        auth: 'catalog:write',
        body: productInputSchema,
        response: { 201: productSchema, ...errorResponses(400, 401, 403, 409, 422) },
        detail: { operationId: 'createProduct', summary: 'Create a product with its variants' },
      },
    )
    .patch(
      '/products/:id',
      async ({ params, body, request }) => updateProduct(deps, params.id, body, eventContext(request)),
      {
        auth: 'catalog:write',
        params: productIdParamSchema,
        body: productChangesSchema,
        response: { 200: productSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
        detail: {
          operationId: 'updateProduct',
          summary: 'Change a product; variants given replace the set (matched by SKU)',
        },
      },
    )
    .delete(
      '/products/:id',
      async ({ params, request, set }) => {
        await deleteProduct(deps, params.id, eventContext(request))
        set.status = 204
      },
      {
        auth: 'catalog:write',
        params: productIdParamSchema,
        response: { 204: t.Void(), ...errorResponses(401, 403, 404) },
        detail: { operationId: 'deleteProduct', summary: 'Delete a product' },
      },
    )
