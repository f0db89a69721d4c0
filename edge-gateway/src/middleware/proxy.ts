import { handOff } from '@myshop/auth'
import { fail, type GatewayContext, type LocalHandler, type Shared } from '../context.ts'
import type { Route } from '../routes.ts'

// RFC 9110 §7.6.1: connection-specific headers describe one hop and must not be forwarded.
const hopByHop = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]

const stripHopByHop = (headers: Headers) => {
  const listed = headers.get('connection')
  for (const name of hopByHop) headers.delete(name)
  if (listed) for (const name of listed.split(',')) headers.delete(name.trim())
}

const isTimeout = (e: unknown) => e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')

class LocalTimeout extends Error {
  override name = 'TimeoutError'
}

/** Waits for a handler in this process for at most `ms`; the handler runs on, but the caller is answered. */
const withinDeadline = (handle: () => Response | Promise<Response>, ms: number): Promise<Response> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new LocalTimeout()), ms)
    let answer: Response | Promise<Response>
    try {
      answer = handle()
    } catch (e) {
      clearTimeout(timer)
      reject(e)
      return
    }
    Promise.resolve(answer).then(
      (res) => {
        clearTimeout(timer)
        resolve(res)
      },
      (e) => {
        clearTimeout(timer)
        reject(e)
      },
    )
  })

/** The request's headers to edit in place where the runtime allows it (Bun, Deno), else a copy (Workers). */
const editableHeaders = (req: Request): Headers => {
  try {
    req.headers.delete('host')
    return req.headers
  } catch {
    const copy = new Headers(req.headers)
    copy.delete('host')
    return copy
  }
}

/** `scheme://authority` and `/path?query` of an absolute URL, without a URL object. */
const splitUrl = (url: string) => {
  const slash = url.indexOf('/', url.indexOf('//') + 2)
  return slash < 0 ? { origin: url, target: '/' } : { origin: url.slice(0, slash), target: url.slice(slash) }
}

/**
 * Forwards the request to the route's service unchanged (method, path, query, body stream): to a handler
 * in this process when the service runs here, else over HTTP with `fetch`.
 */
export const proxy =
  (route: Route, shared: Shared) =>
  async (c: GatewayContext): Promise<Response> => {
    const { config } = shared
    const local = shared.local[route.service]
    const base = config.services[route.service]
    if (!local && !base) return fail(c, 'unavailable', `The ${route.service} service is not configured.`)

    const req = c.req.raw
    const state = c.get('state')
    const { origin, target } = splitUrl(req.url)
    if (local) return await handToLocal(c, route, shared, local, origin, target)
    const priorFor = config.trustProxy ? req.headers.get('x-forwarded-for') : null
    const priorProto = config.trustProxy ? req.headers.get('x-forwarded-proto') : null
    const priorHost = config.trustProxy ? req.headers.get('x-forwarded-host') : null
    const headers = editableHeaders(req)
    stripHopByHop(headers)
    // Each hop appends the address it was called from; untrusted chains are replaced, not extended.
    const peer = state.peerIp
    headers.set('x-forwarded-for', priorFor ? `${priorFor}, ${peer}` : peer)
    // The client as the gateway worked it out: behind a trusted proxy that is not the last hop above (the proxy
    // is), and a service cannot know how many hops the gateway trusts. Whatever the caller sent is replaced.
    headers.set('x-real-ip', state.clientIp)
    headers.set('x-forwarded-proto', priorProto || origin.slice(0, origin.indexOf(':')))
    headers.set('x-forwarded-host', priorHost || origin.slice(origin.indexOf('//') + 2))
    headers.set('x-request-id', state.requestId)
    headers.set('traceparent', state.traceparent)

    let upstream: Response
    try {
      upstream = await remote(shared, `${base}${target}`, req, headers)
    } catch (e) {
      return upstreamFailed(c, route, shared, e)
    }
    return forward(upstream)
  }

/** The answer for a service that failed or timed out: 504 or 502, counted, and logged unless a timeout. */
const upstreamFailed = (c: GatewayContext, route: Route, shared: Shared, e: unknown): Response => {
  if (isTimeout(e)) {
    shared.metrics.upstreamErrors.inc({ service: route.service, kind: 'timeout' })
    return fail(c, 'gateway_timeout', `The ${route.service} service did not answer in time.`)
  }
  shared.metrics.upstreamErrors.inc({ service: route.service, kind: 'connect' })
  shared.logger.warn(
    { requestId: c.get('state').requestId, service: route.service, err: String(e) },
    'upstream failed',
  )
  return fail(c, 'bad_gateway', `The ${route.service} service could not be reached.`)
}

/**
 * Hands the request to a service in this process: the same Request object the service would have parsed from a
 * socket, its headers as the caller sent them. What a forwarding header would carry (the caller's address, the
 * request id, the trace context) and that the token's session was found active a moment ago are vouched for on the
 * object itself, which nothing read from a socket can carry; the kit reads them before any header. Editing a
 * dozen headers per request to say the same cost more than the rest of the hand-over.
 */
const handToLocal = async (
  c: GatewayContext,
  route: Route,
  shared: Shared,
  local: LocalHandler,
  origin: string,
  target: string,
): Promise<Response> => {
  const req = c.req.raw
  const state = c.get('state')
  // Elysia finds the path from character 11 on (`http://x.y/`), so a very short Host gets a longer origin.
  const inner =
    origin.length >= 11
      ? req
      : new Request(`http://127.0.0.1${target}`, {
          method: req.method,
          headers: req.headers,
          body: req.body,
          ...(req.body && { duplex: 'half' }),
        } as RequestInit)
  handOff(inner, {
    clientIp: state.clientIp,
    requestId: state.requestId,
    traceparent: state.traceparent,
    sessionId: state.confirmedSession,
  })
  try {
    // The service builds editable responses without hop-by-hop headers: passed on as it is. The request scope
    // stamps the request id on every response.
    return await withinDeadline(() => local(inner), shared.config.upstreamTimeoutMs)
  } catch (e) {
    return upstreamFailed(c, route, shared, e)
  }
}

/** One call over HTTP. The timeout covers the wait for response headers; a long download is not cut off. */
const remote = async (shared: Shared, url: string, req: Request, headers: Headers): Promise<Response> => {
  headers.delete('content-length')
  // Runtimes decompress fetched bodies but may keep the content-encoding header; asking the
  // service for identity keeps headers and body in agreement on every runtime.
  headers.set('accept-encoding', 'identity')
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new LocalTimeout()), shared.config.upstreamTimeoutMs)
  const hasBody = req.body !== null && req.method !== 'GET' && req.method !== 'HEAD'
  try {
    return await shared.fetch(url, {
      method: req.method,
      headers,
      body: hasBody ? req.body : null,
      redirect: 'manual',
      signal: controller.signal,
      ...(hasBody && { duplex: 'half' }),
    } as RequestInit)
  } catch (e) {
    throw controller.signal.aborted ? new LocalTimeout() : e
  } finally {
    clearTimeout(timer)
  }
}

/**
 * A fetched response as the client's response, without its hop-by-hop headers. Where the runtime lets us edit
 * its headers (Bun, Deno) it is passed on as it is, so the body keeps the runtime's native path to the socket;
 * where fetched headers are immutable (Workers) a copy is made.
 */
const forward = (upstream: Response): Response => {
  try {
    stripHopByHop(upstream.headers)
    return upstream
  } catch {
    const out = new Headers(upstream.headers)
    stripHopByHop(out)
    return new Response(upstream.body, {
      status: upstream.status,
      statusText: upstream.statusText,
      headers: out,
    })
  }
}
