import type { Verifier } from '@myshop/auth'
import type { RateLimitStore } from '@myshop/rate-limit'
import { Hono } from 'hono'
import type { GatewayConfig, ServiceName } from './config.ts'
import {
  type ClientIpResolver,
  type Fetch,
  fail,
  type GatewayEnv,
  type GatewayLogger,
  type LocalHandler,
  noopLogger,
  type Shared,
} from './context.ts'
import type { DocsAssetReader } from './docs.ts'
import { createLimiter } from './limiter.ts'
import { createRegistry, gatewayMetrics, type Registry } from './metrics.ts'
import { bodyLimit } from './middleware/body-limit.ts'
import { chain } from './middleware/chain.ts'
import { cors } from './middleware/cors.ts'
import { guard } from './middleware/guard.ts'
import { proxy } from './middleware/proxy.ts'
import { requestContext } from './middleware/request-context.ts'
import { mountOps } from './ops.ts'
import { rememberingRouter } from './router.ts'
import { routes as defaultRoutes, type Route } from './routes.ts'
import { apiContentSecurityPolicy, setSecurityHeaders } from './security-headers.ts'

export type { LocalHandler } from './context.ts'

export interface GatewayDeps {
  config: GatewayConfig
  /** The shared limiter store (Redis, Upstash); null keeps limits in process (embedded mode). */
  store: RateLimitStore | null
  verifier: Verifier
  /** Asked for every authenticated request; a session that ended makes its tokens fail at once. */
  isSessionActive?: (sessionId: string) => Promise<boolean>
  /**
   * The key of a session in the limiter's store, when sessions live in that same Redis: the session lookup then
   * rides in the limit check's round trip instead of being a command of its own.
   */
  sessionKey?: (sessionId: string) => string
  /** How upstreams are called; tests and runtimes pass their own. */
  fetch?: Fetch
  /**
   * Services that run in this process (`myshop start`): their requests go to these handlers, not over HTTP.
   * Everything else about the request (policy, headers, limits) is the same.
   */
  local?: Partial<Record<ServiceName, LocalHandler>>
  /** Milliseconds since the epoch. */
  now?: () => number
  logger?: GatewayLogger
  getClientIp?: ClientIpResolver
  registry?: Registry
  routes?: Route[]
  /** The reference UI's files for `/docs`; without them `/docs` answers 503. */
  docsAssets?: DocsAssetReader
}

/** The edge gateway: request context and CORS for every request, then per route body limit, guard and proxy. */
export const createGateway = (deps: GatewayDeps) => {
  const { config } = deps
  const shared: Shared = {
    config,
    logger: deps.logger ?? noopLogger,
    metrics: gatewayMetrics(deps.registry ?? createRegistry()),
    fetch: deps.fetch ?? ((input, init) => fetch(input, init)),
    local: deps.local ?? {},
    now: deps.now ?? Date.now,
  }
  const limiter = createLimiter(shared, deps.store)
  const app = new Hono<GatewayEnv>({ router: rememberingRouter() })

  // Every request, routed or not, gets its context (id, trace, client address, metrics, log line) and CORS. An API
  // route runs its steps as one handler (`chain`): Hono calls a route with one handler directly, where it would
  // compose a route with several anew for every request (0.65 KB more garbage a request in bench:gateway-alloc).
  // The operational routes, off the hot path, take the same middleware through `app.use`.
  const context = requestContext(shared, deps.getClientIp)
  const allowCors = cors(config.corsOrigins)
  const around = allowCors ? [context, allowCors] : [context]
  // Preflights are answered by the CORS middleware itself; they are still counted and carry a request id.
  if (allowCors) app.options('*', context, allowCors)

  mountOps(app, shared, around, deps.docsAssets)

  const limitBodies = {
    default: bodyLimit(config.bodyLimitBytes),
    upload: bodyLimit(config.uploadBodyLimitBytes),
  }
  const guardDeps = {
    shared,
    limiter,
    verifier: deps.verifier,
    isSessionActive: deps.isSessionActive,
    sessionKey: deps.sessionKey,
  }
  for (const route of deps.routes ?? defaultRoutes) {
    const steps = [...around, limitBodies[route.body ?? 'default'], guard(route, guardDeps)]
    app.on(route.method, route.path, chain(steps, proxy(route, shared)))
  }

  app.notFound(
    chain(around, (c) => fail(c, 'route_not_found', `No route for ${c.req.method} ${c.req.path}.`)),
  )
  app.onError((err, c) => {
    shared.logger.error(
      { requestId: c.get('state')?.requestId, err: err.message, stack: err.stack },
      'unhandled error',
    )
    const res = fail(c, 'internal')
    setSecurityHeaders(res.headers, apiContentSecurityPolicy)
    return res
  })
  return app
}

export type Gateway = ReturnType<typeof createGateway>
