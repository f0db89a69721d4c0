import { newId, randomHex } from '@myshop/ids'
import type { MiddlewareHandler } from 'hono'
import {
  attachState,
  type ClientIpResolver,
  fail,
  type GatewayContext,
  type GatewayEnv,
  type Shared,
} from '../context.ts'
import {
  apiContentSecurityPolicy,
  docsContentSecurityPolicy,
  setSecurityHeaders,
} from '../security-headers.ts'

// Callers may bring their own id (a client retry, an upstream proxy), but it ends up in logs and
// headers, so only a short, plain one is kept.
const requestIdPattern = /^[A-Za-z0-9._:-]{8,128}$/
const traceparentPattern = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/

/**
 * Continues the caller's W3C trace with a new span for this hop, or starts one. An invalid header
 * (version ff, all-zero ids) is dropped as the spec says, not propagated.
 */
export const nextTraceparent = (
  incoming: string | null | undefined,
): { traceparent: string; traceId: string } => {
  const m = incoming ? traceparentPattern.exec(incoming.trim()) : null
  const valid = m && m[1] !== 'ff' && !/^0+$/.test(m[2]!) && !/^0+$/.test(m[3]!)
  let span = randomHex(8)
  while (/^0+$/.test(span)) span = randomHex(8)
  if (valid) return { traceparent: `00-${m[2]}-${span}-${m[4]}`, traceId: m[2]! }
  const traceId = randomHex(16)
  // Sampled: a trace started at the edge is one the operators asked for by deploying the gateway.
  return { traceparent: `00-${traceId}-${span}-01`, traceId }
}

/**
 * The client address: the runtime's socket address, or, behind a trusted proxy, the last
 * X-Forwarded-For hop (the one our proxy appended; earlier entries are whatever the client sent).
 */
export const clientIp = (c: Parameters<ClientIpResolver>[0], trustProxy: boolean, peer: string) => {
  if (trustProxy) {
    const xff = c.req.header('x-forwarded-for')
    const last = xff?.split(',').pop()?.trim()
    if (last) return last
  }
  return peer
}

/** The route label of the reference UI's page, the one response that is a document loading scripts and styles. */
export const docsPageLabel = '/docs'

/** Runs one request's work with its context set; answers with what the work returned. */
export type RequestScope = (c: GatewayContext, work: () => Promise<Response>) => Promise<Response>

/**
 * Sets the request id, trace context and client address, runs the work, then stamps the request id and the
 * security headers on the response, counts it and logs it. API routes call it inline (one function per request, no middleware
 * chain); everything else gets it as middleware through `requestContext`.
 */
export const requestScope = (shared: Shared, resolveIp?: ClientIpResolver): RequestScope => {
  const { metrics, logger, config } = shared
  // pino swaps disabled levels for no-ops, but the log line would still be built first.
  const logRequests = logger.isLevelEnabled?.('info') ?? true
  // Each route, method and status's series, found once: route → method → status.
  type Bound = { count: { inc(): void }; duration: { observe(value: number): void } }
  const bound = new Map<string, Map<string, Map<number, Bound>>>()
  const seriesFor = (route: string, method: string, status: number): Bound => {
    let methods = bound.get(route)
    if (!methods) {
      methods = new Map()
      bound.set(route, methods)
    }
    let statuses = methods.get(method)
    if (!statuses) {
      statuses = new Map()
      methods.set(method, statuses)
    }
    let series = statuses.get(status)
    if (!series) {
      series = {
        count: metrics.requests.series({ route, method, status: String(status) }),
        duration: metrics.duration.series({ route }),
      }
      statuses.set(status, series)
    }
    return series
  }
  return async (c, work) => {
    const started = shared.now()
    const incoming = c.req.header('x-request-id')
    const requestId = incoming && requestIdPattern.test(incoming) ? incoming : newId('req')
    const { traceparent, traceId } = nextTraceparent(c.req.header('traceparent'))
    // Asking the runtime for the socket address is not free (a native call on Bun); ask once.
    const peer = resolveIp?.(c) ?? 'unknown'
    const state = attachState(c, {
      requestId,
      traceparent,
      traceId,
      clientIp: clientIp(c, config.trustProxy, peer),
      peerIp: peer,
      routeLabel: 'unmatched',
      principal: undefined,
      confirmedSession: undefined,
    })
    let res: Response
    try {
      res = await work()
    } catch (err) {
      logger.error({ requestId, err: (err as Error).message, stack: (err as Error).stack }, 'unhandled error')
      res = fail(c, 'internal')
    }
    res.headers.set('x-request-id', requestId)
    const route = state.routeLabel
    setSecurityHeaders(
      res.headers,
      route === docsPageLabel ? docsContentSecurityPolicy : apiContentSecurityPolicy,
    )
    const status = res.status
    const seconds = (shared.now() - started) / 1000
    const series = seriesFor(route, c.req.method, status)
    series.count.inc()
    series.duration.observe(seconds)
    if (logRequests)
      logger.info(
        { requestId, traceId, method: c.req.method, route, status, ms: Math.round(seconds * 1e4) / 10 },
        'request',
      )
    return res
  }
}

/** `requestScope` as middleware, for the operational routes and unknown paths. */
export const requestContext =
  (scope: RequestScope): MiddlewareHandler<GatewayEnv> =>
  async (c, next) => {
    c.res = await scope(c, async () => {
      await next()
      return c.res
    })
  }
