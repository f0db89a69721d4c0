import {
  clientAddress,
  type ForwardingOptions,
  requestIdFrom,
  traceContext,
  trustEveryProxy,
  trustNoProxy,
} from '@myshop/request-meta'
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
  // TRUST_PROXY vouches for whatever proxy calls the gateway, one that appends to X-Forwarded-For: a client's own
  // X-Real-IP would pass through such a proxy unchanged, so it is never believed here.
  const forwarding: ForwardingOptions = {
    trusted: config.trustProxy ? trustEveryProxy : trustNoProxy,
    realIp: false,
  }
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
    const headers = c.req.raw.headers
    const requestId = requestIdFrom(headers.get('x-request-id'))
    const { traceparent, traceId } = traceContext(headers.get('traceparent'))
    // Asking the runtime for the socket address is not free (a native call on Bun); ask once.
    const peer = resolveIp?.(c) ?? 'unknown'
    const state = attachState(c, {
      requestId,
      traceparent,
      traceId,
      clientIp: clientAddress(headers, peer, forwarding),
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
