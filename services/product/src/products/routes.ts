import { createHash } from 'node:crypto'
import { bearerToken } from '@myshop/auth'
import { optionLimits } from '@myshop/catalog-format'
import { AppError } from '@myshop/errors'
import {
  authGuard,
  completeResponse,
  errorResponses,
  eventContext,
  problemSchema,
  requestMeta,
  securityHeaders,
} from '@myshop/http'
import { Elysia, type TSchema, t } from 'elysia'
import type { OpenAPIV3 } from 'openapi-types'
import { type CachedResponse, etagOf } from '../cache/response-cache.ts'
import * as categories from '../categories/repository.ts'
import type { ProductDeps } from '../deps.ts'
import type { OptionFilter, SearchQuery, SearchResult } from '../search/engine.ts'
import { productCacheKey } from './cache-invalidation.ts'
import { type ImportRow, importRows } from './import.ts'
import { createReindexJobs, type ReindexJobs } from './reindex-jobs.ts'
import {
  importRowSchema,
  productChangesSchema,
  productInputSchema,
  productSchema,
  searchQuerySchema,
  searchResultSchema,
} from './schemas.ts'
import { createProduct, deleteProduct, getProduct, loadProducts, updateProduct } from './service.ts'

const cacheTtlSeconds = 300

// OpenAPI's types want its own schema objects; TypeBox schemas are JSON Schema, which is what they are.
const problem = (description: string): OpenAPIV3.ResponseObject => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema as OpenAPIV3.SchemaObject } },
})
/** A cached read's responses: the body with its ETag, 304, and the problems `errors` names. */
const documented = (schema: TSchema, errors: Record<number, string>): OpenAPIV3.ResponsesObject => ({
  200: {
    description: 'OK (ETag; 304 when If-None-Match matches)',
    content: { 'application/json': { schema: schema as OpenAPIV3.SchemaObject } },
  },
  304: { description: 'Not modified' },
  ...Object.fromEntries(
    Object.entries(errors).map(([status, description]) => [status, problem(description)]),
  ),
})
const idParam = t.Object({ id: t.String({ minLength: 1, maxLength: 120 }) })

const reindexJobSchema = t.Object({
  jobId: t.String(),
  engine: t.String(),
  status: t.Union([t.Literal('running'), t.Literal('succeeded'), t.Literal('failed')]),
  indexed: t.Integer(),
  error: t.Union([t.String(), t.Null()]),
  startedAt: t.String({ format: 'date-time' }),
  finishedAt: t.Union([t.String({ format: 'date-time' }), t.Null()]),
})

/** Whether the request carries a valid token allowed to manage the catalog (drafts visible, no shared cache). */
const canManage = async (deps: ProductDeps, authorization: string | null | undefined) => {
  const token = bearerToken(authorization)
  if (!token) return false
  const result = await deps.verifier.verify(token)
  return result.ok && result.principal.permissions.has('catalog:write')
}

/**
 * Serves a JSON body from the response cache (or renders and stores it), with an ETag, a 304 for a
 * matching If-None-Match, and Cache-Control a CDN may honour.
 */
const cacheControls = new Map<number, string>()
const publicCacheControl = (maxAge: number) => {
  let value = cacheControls.get(maxAge)
  if (!value) {
    value = `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 5}`
    cacheControls.set(maxAge, value)
  }
  return value
}

const cachedJson = async (
  deps: ProductDeps,
  request: Request,
  key: string,
  render: () => Promise<unknown>,
  /** Product entries: a write deletes them by key, so a slow render may race it (listings change key instead). */
  deletedByWrites = false,
): Promise<Response> => {
  const held = await deps.cache.get(key)
  if (held) return respondFromCache(deps, request, held, true)
  const started = performance.now()
  const body = JSON.stringify(await render())
  const entry = { body, etag: etagOf(body) }
  // A write that committed while this render ran deletes its entries again after `cacheSettleMs`; a render slow
  // enough to be storing after that second delete is answered but not kept.
  if (!deletedByWrites || performance.now() - started < deps.settings.cacheSettleMs / 2)
    await deps.cache.set(key, entry, cacheTtlSeconds)
  return respondFromCache(deps, request, entry, false)
}

/** The response for a cache entry: 304 for a matching If-None-Match, else the body. */
const respondFromCache = (deps: ProductDeps, request: Request, entry: CachedResponse, hit: boolean) => {
  const requestId = requestMeta(request).requestId
  const match = request.headers.get('if-none-match')
  if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === entry.etag)) {
    const headers = new Headers(entryHeaders(deps, entry, hit))
    headers.delete('content-type')
    headers.set('x-request-id', requestId)
    return completeResponse(new Response(null, { status: 304, headers }))
  }
  // Every header the response needs, the kit's included, so nothing is added to it afterwards. An entry held
  // in process keeps its headers built; each response is made with them and its own request id.
  const response = new Response(entry.body, { status: 200, headers: entryHeaders(deps, entry, hit) })
  response.headers.set('x-request-id', requestId)
  return completeResponse(response)
}

const headersKey = Symbol('myshop.cachedHeaders')
type WithHeaders = CachedResponse & { [headersKey]?: Headers }

/** An entry's response headers, but its request id (kept with an in-process entry for hits). */
const entryHeaders = (deps: ProductDeps, entry: WithHeaders, hit: boolean): Headers => {
  const build = (cache: string) =>
    new Headers({
      ...securityHeaders,
      'content-type': 'application/json',
      etag: entry.etag,
      'cache-control': publicCacheControl(deps.settings.publicMaxAgeSeconds),
      vary: 'Authorization',
      'x-cache': cache,
    })
  if (!hit) return build('MISS')
  entry[headersKey] ??= build('HIT')
  return entry[headersKey]
}

/** A cache key for one read of the listings (`listing`) or of the suggestions (`suggest`) in a generation. */
const searchKey = (query: Record<string, unknown>, generation: number, kind = 'listing') => {
  const normalized = JSON.stringify(
    Object.entries(query)
      .filter(([, v]) => v !== undefined)
      .sort(),
  )
  return `${kind}:${generation}:${createHash('sha1').update(normalized).digest('base64url')}`
}

/**
 * `option=Size:M` filters as the engines take them: one per option (named as first written, case aside), its values
 * widening it. Sorted, so that the same filters in any order share their cache entries.
 */
const optionFilters = (given: string[] | undefined): OptionFilter[] => {
  const byName = new Map<string, OptionFilter>()
  for (const text of given ?? []) {
    const cut = text.indexOf(':')
    const name = text.slice(0, cut).trim()
    const value = text.slice(cut + 1).trim()
    if (cut < 0 || !name || !value || name.length > optionLimits.name || value.length > optionLimits.value)
      throw new AppError('validation_failed', {
        detail: `option=${text} is not an option and a value (option=Size:M)`,
        errors: [{ path: '/option', message: 'expected name:value' }],
      })
    const key = name.toLowerCase()
    const filter = byName.get(key) ?? { name, values: [] }
    byName.set(key, filter)
    if (!filter.values.includes(value)) filter.values.push(value)
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return [...byName.entries()]
    .sort(([a], [b]) => order(a, b))
    .map(([, f]) => ({ name: f.name, values: f.values.sort(order) }))
}

export const productRoutes = (deps: ProductDeps, reindex: ReindexJobs = createReindexJobs(deps)) =>
  new Elysia({ prefix: '/api/v1', tags: ['products'] })
    .use(authGuard(deps.verifier))
    .get(
      '/products',
      async ({ query, request }) => {
        let category: string | undefined
        if (query.category) {
          const c = await categories.find(deps.sql, query.category)
          if (!c)
            throw new AppError('validation_failed', {
              detail: 'Unknown category',
              errors: [{ path: '/category', message: 'unknown category' }],
            })
          category = c.id
        }
        if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
          throw new AppError('validation_failed', {
            detail: 'minPrice is above maxPrice',
            errors: [{ path: '/minPrice', message: 'above maxPrice' }],
          })
        }
        const q = query.q?.trim() || undefined
        const options = optionFilters(query.option)
        const search: SearchQuery = {
          ...(q && { q }),
          ...(category && { category }),
          ...(query.brand && { brand: query.brand }),
          ...(query.minPrice !== undefined && { minPrice: query.minPrice }),
          ...(query.maxPrice !== undefined && { maxPrice: query.maxPrice }),
          ...(options.length > 0 && { options }),
          ...(query.cursor && { cursor: query.cursor }),
          sort: query.sort ?? (q ? 'relevance' : 'newest'),
          limit: query.limit ?? 24,
        }
        const generation = await deps.cache.generation()
        return cachedJson(deps, request, searchKey({ ...search }, generation), async () => {
          // Total and facets depend on the filters only, not on the page or the sort: computed once per
          // filter set and generation, every further page and sort of it skips the counting.
          const { cursor: _, sort: __, limit: ___, ...filters } = search
          const summaryKey = `summary:${searchKey(filters, generation)}`
          const known = await deps.cache.get(summaryKey)
          const result = await deps.search.search(known ? { ...search, facets: false } : search)
          const summary: { total: number; facets: SearchResult['facets'] } = known
            ? JSON.parse(known.body)
            : { total: result.total, facets: result.facets }
          if (!known)
            await deps.cache.set(summaryKey, { body: JSON.stringify(summary), etag: '' }, cacheTtlSeconds)
          return { items: await loadProducts(deps, result.ids), ...summary, nextCursor: result.nextCursor }
        })
      },
      {
        query: searchQuerySchema,
        // Served from the response cache as bytes, so the schema documents rather than validates.
        detail: {
          operationId: 'listProducts',
          summary: 'Search and browse active products, with facets and cursor pagination',
          responses: documented(searchResultSchema, { 422: 'Invalid query, or an unknown category' }),
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
        const generation = await deps.cache.generation()
        return cachedJson(
          deps,
          request,
          searchKey({ q: query.q.trim(), limit }, generation, 'suggest'),
          async () => ({
            suggestions: await deps.search.suggest(query.q, limit),
          }),
        )
      },
      {
        query: t.Object({
          q: t.String({ minLength: 1, maxLength: 100 }),
          limit: t.Optional(t.Integer({ minimum: 1, maximum: 20 })),
        }),
        // Served from the response cache as bytes, so the schema documents rather than validates.
        detail: {
          operationId: 'suggestProducts',
          summary: 'Product names for autocomplete',
          responses: documented(t.Object({ suggestions: t.Array(t.String()) }), { 422: 'Invalid query' }),
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
        const key = productCacheKey(params.id)
        // An entry this process holds is answered without waiting on anything.
        const held = deps.cache.peek(key)
        if (held) return respondFromCache(deps, request, held, true)
        return cachedJson(deps, request, key, () => getProduct(deps, params.id, false), true)
      },
      {
        params: idParam,
        detail: {
          operationId: 'getProduct',
          summary: 'One product by id or slug (drafts only for catalog managers)',
          responses: documented(productSchema, { 404: 'Not found' }),
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
        params: idParam,
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
        params: idParam,
        response: { 204: t.Void(), ...errorResponses(401, 403, 404) },
        detail: { operationId: 'deleteProduct', summary: 'Delete a product' },
      },
    )
    .post(
      '/catalog/import',
      async ({ body, query, request }) =>
        importRows(deps, body.rows as ImportRow[], eventContext(request), { dryRun: query.dryRun === true }),
      {
        auth: 'catalog:write',
        query: t.Object({
          dryRun: t.Optional(
            t.Boolean({ description: 'Check and plan every row, answer as usual, and write nothing' }),
          ),
        }),
        body: t.Object({ rows: t.Array(importRowSchema, { minItems: 1, maxItems: 2000 }) }),
        response: {
          200: t.Object({
            created: t.Integer(),
            updated: t.Integer(),
            failed: t.Array(
              t.Object({
                line: t.Integer(),
                sku: t.String(),
                errors: t.Array(t.Object({ path: t.String(), message: t.String() })),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403, 422),
        },
        detail: {
          operationId: 'importCatalog',
          summary: 'Upsert products by SKU in bulk; bad rows are reported by line, good ones written',
        },
      },
    )
    .get(
      '/catalog/export',
      async ({ query }) => {
        const limit = query.limit ?? 500
        const ids = (
          await deps.sql<{ id: string }[]>`
            select id from catalog.products ${query.cursor ? deps.sql`where id > ${query.cursor}` : deps.sql``}
            order by id limit ${limit + 1}`
        ).map((r) => r.id)
        const page = ids.slice(0, limit)
        return { items: await loadProducts(deps, page), nextCursor: ids.length > limit ? page.at(-1)! : null }
      },
      {
        auth: 'catalog:write',
        query: t.Object({
          cursor: t.Optional(t.String({ pattern: '^prd_[0-9A-HJKMNP-TV-Z]{26}$' })),
          limit: t.Optional(t.Integer({ minimum: 1, maximum: 1000 })),
        }),
        response: {
          200: t.Object({ items: t.Array(productSchema), nextCursor: t.Union([t.String(), t.Null()]) }),
          ...errorResponses(401, 403, 422),
        },
        detail: {
          operationId: 'exportCatalog',
          summary: 'Every product in every status, in id order (catalog export)',
        },
      },
    )
    .post(
      '/catalog/reindex',
      async ({ set }) => {
        const job = await reindex.start()
        set.status = 202
        set.headers.location = `/api/v1/catalog/reindex/${job.jobId}`
        return job
      },
      {
        auth: 'catalog:write',
        response: { 202: reindexJobSchema, ...errorResponses(401, 403) },
        detail: {
          operationId: 'startReindex',
          summary:
            'Start rebuilding the search index in the background (Elasticsearch: a new index, kept in step with writes made meanwhile, swapped in by alias); one runs at a time across all instances, and one already running is returned instead',
        },
      },
    )
    .get(
      '/catalog/reindex/:jobId',
      async ({ params }) => {
        const job = await reindex.get(params.jobId)
        if (!job) throw new AppError('not_found', { detail: 'No such reindex job' })
        return job
      },
      {
        auth: 'catalog:write',
        params: t.Object({ jobId: t.String({ maxLength: 40 }) }),
        response: { 200: reindexJobSchema, ...errorResponses(401, 403, 404) },
        detail: {
          operationId: 'getReindexJob',
          summary: 'Progress of a reindex job, started on any instance',
        },
      },
    )
