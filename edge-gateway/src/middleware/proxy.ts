import type { Handler } from 'hono'
import { fail, type GatewayEnv, type Shared } from '../context.ts'
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

/** Forwards the request to the route's service unchanged (method, path, query, body stream). */
export const proxy =
  (route: Route, shared: Shared): Handler<GatewayEnv> =>
  async (c) => {
    const { config, metrics } = shared
    const base = config.services[route.service]
    if (!base) return fail(c, 'unavailable', `The ${route.service} service is not configured.`)

    const url = new URL(c.req.url)
    const req = c.req.raw
    const headers = new Headers(req.headers)
    stripHopByHop(headers)
    headers.delete('host')
    headers.delete('content-length')
    // Each hop appends the address it was called from; untrusted chains are replaced, not extended.
    const peer = c.get('peerIp')
    const priorFor = config.trustProxy ? req.headers.get('x-forwarded-for') : null
    headers.set('x-forwarded-for', priorFor ? `${priorFor}, ${peer}` : peer)
    headers.set(
      'x-forwarded-proto',
      (config.trustProxy && req.headers.get('x-forwarded-proto')) || url.protocol.slice(0, -1),
    )
    headers.set('x-forwarded-host', (config.trustProxy && req.headers.get('x-forwarded-host')) || url.host)
    headers.set('x-request-id', c.get('requestId'))
    headers.set('traceparent', c.get('traceparent'))
    // Runtimes decompress fetched bodies but may keep the content-encoding header; asking the
    // service for identity keeps headers and body in agreement on every runtime.
    headers.set('accept-encoding', 'identity')

    // The timeout covers the wait for response headers; a long download after that is not cut off.
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, config.upstreamTimeoutMs)
    const hasBody = req.body !== null && req.method !== 'GET' && req.method !== 'HEAD'
    let upstream: Response
    try {
      upstream = await shared.fetch(`${base}${url.pathname}${url.search}`, {
        method: req.method,
        headers,
        body: hasBody ? req.body : null,
        redirect: 'manual',
        signal: controller.signal,
        ...(hasBody && { duplex: 'half' }),
      } as RequestInit)
    } catch (e) {
      if (timedOut || isTimeout(e)) {
        metrics.upstreamErrors.inc({ service: route.service, kind: 'timeout' })
        return fail(c, 'gateway_timeout', `The ${route.service} service did not answer in time.`)
      }
      metrics.upstreamErrors.inc({ service: route.service, kind: 'connect' })
      shared.logger.warn(
        { requestId: c.get('requestId'), service: route.service, err: String(e) },
        'upstream failed',
      )
      return fail(c, 'bad_gateway', `The ${route.service} service could not be reached.`)
    } finally {
      clearTimeout(timer)
    }

    const out = new Headers(upstream.headers)
    stripHopByHop(out)
    // A fresh Response: fetched ones have immutable headers on some runtimes (Workers).
    return new Response(upstream.body, {
      status: upstream.status,
      statusText: upstream.statusText,
      headers: out,
    })
  }
