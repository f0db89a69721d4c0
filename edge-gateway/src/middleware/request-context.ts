import {
  clientAddress,
  type ForwardingOptions,
  requestIdFrom,
  traceContext,
  trustEveryProxy,
  trustNoProxy,
} from '@myshop/request-meta'
import {
  type ClientIpResolver,
  fail,
  type GatewayMiddleware,
  type RequestState,
  type Shared,
} from '../context.ts'
import {
  apiContentSecurityPolicy,
  docsContentSecurityPolicy,
  setSecurityHeaders,
} from '../security-headers.ts'

/** The route label of the reference UI's page, the one response that is a document loading scripts and styles. */
export const docsPageLabel = '/docs'

/**
 * Sets the request id, trace context and client address as the `state` variable, runs the rest of the chain,
 * then stamps the request id and the security headers on the response, counts it and logs it.
 */
export const requestContext = (shared: Shared, resolveIp?: ClientIpResolver): GatewayMiddleware => {
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
  return async (c, next) => {
    const started = shared.now()
    const headers = c.req.raw.headers
    const { traceparent, traceId } = traceContext(headers.get('traceparent'))
    // Asking the runtime for the socket address is not free (a native call on Bun); ask once.
    const peer = resolveIp?.(c) ?? 'unknown'
    const state: RequestState = {
      requestId: requestIdFrom(headers.get('x-request-id')),
      traceparent,
      traceId,
      clientIp: clientAddress(headers, peer, forwarding),
      peerIp: peer,
      routeLabel: 'unmatched',
      principal: undefined,
      confirmedSession: undefined,
    }
    c.set('state', state)
    const { requestId } = state
    try {
      await next()
    } catch (err) {
      // Hono hands a handler's error to `onError`; this catches what fails outside any handler.
      logger.error({ requestId, err: (err as Error).message, stack: (err as Error).stack }, 'unhandled error')
      c.res = fail(c, 'internal')
    }
    const res = c.res
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
  }
}

/** Labels the request's metrics and logs with `label`, a route pattern, so their cardinality stays bounded. */
export const routeLabel =
  (label: string): GatewayMiddleware =>
  async (c, next) => {
    c.get('state').routeLabel = label
    await next()
  }
