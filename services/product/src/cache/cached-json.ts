import { completeResponse, requestMeta, securityHeaders } from '@myshop/http'
import type { ProductDeps } from '../deps.ts'
import { productCacheKey, searchKey } from './cache-invalidation.ts'
import { type CachedResponse, cacheTtlSeconds, etagOf } from './response-cache.ts'

const cacheControls = new Map<number, string>()
const publicCacheControl = (maxAge: number) => {
  let value = cacheControls.get(maxAge)
  if (!value) {
    value = `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 5}`
    cacheControls.set(maxAge, value)
  }
  return value
}

/**
 * Serves a JSON body from the response cache (or renders and stores it), with an ETag, a 304 for a
 * matching If-None-Match, and Cache-Control a CDN may honour.
 */
export const cachedJson = async (
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

/**
 * A shopper's read of one product by id or slug, from the cache or rendered by `render`. An entry this process
 * holds is answered without waiting on anything.
 */
export const cachedProduct = (
  deps: ProductDeps,
  request: Request,
  idOrSlug: string,
  render: () => Promise<unknown>,
): Promise<Response> | Response => {
  const key = productCacheKey(idOrSlug)
  const held = deps.cache.peek(key)
  if (held) return respondFromCache(deps, request, held, true)
  return cachedJson(deps, request, key, render, true)
}

/**
 * A read of the listings (`listing`) or of the suggestions (`suggest`), keyed by its query in the cache's current
 * generation: any change to the catalog moves the generation on, which makes every such entry unreachable.
 * `render` is given the generation, for entries of its own that must go with them.
 */
export const cachedSearch = async (
  deps: ProductDeps,
  request: Request,
  kind: 'listing' | 'suggest',
  query: Record<string, unknown>,
  render: (generation: number) => Promise<unknown>,
): Promise<Response> => {
  const generation = await deps.cache.generation()
  return cachedJson(deps, request, searchKey(query, generation, kind), () => render(generation))
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
