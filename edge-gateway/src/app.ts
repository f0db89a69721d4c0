import type { Verifier } from '@myshop/auth'
import type { RateLimitStore } from '@myshop/rate-limit'
import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import type { GatewayConfig, ServiceName } from './config.ts'
import {
  type ClientIpResolver,
  type Fetch,
  fail,
  type GatewayContext,
  type GatewayEnv,
  type GatewayLogger,
  type LocalHandler,
  noopLogger,
  type Shared,
  stateOf,
} from './context.ts'
import type { DocsAssetReader } from './docs.ts'
import { createLimiter } from './limiter.ts'
import { createRegistry, gatewayMetrics, type Registry } from './metrics.ts'
import { guard } from './middleware/guard.ts'
import { proxy } from './middleware/proxy.ts'
import { requestContext, requestScope } from './middleware/request-context.ts'
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

/** Runs `work` inside the CORS middleware: its headers land on whatever `work` answers. */
const corsAround = async (
  allowCors: MiddlewareHandler<GatewayEnv>,
  c: GatewayContext,
  work: () => Promise<Response>,
): Promise<Response> => {
  const early = await allowCors(c, async () => {
    c.res = await work()
  })
  return early ?? c.res
}

/** The edge gateway: request context, CORS, body limit, then per route guard + proxy. */
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

  // API routes run as one function per request (scope, CORS, body limit, guard, proxy): with nothing else
  // matching them, Hono calls it directly instead of composing a middleware chain. Everything else gets the
  // same steps as middleware.
  const scope = requestScope(shared, deps.getClientIp)
  const scoped = requestContext(scope)
  const allowCors = config.corsOrigins.length
    ? cors({
        origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins,
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'traceparent'],
        exposeHeaders: [
          'X-Request-Id',
          'Retry-After',
          'RateLimit-Limit',
          'RateLimit-Remaining',
          'RateLimit-Reset',
          'RateLimit-Policy',
        ],
        // Cookies are never used for auth here (Bearer tokens), so credentials stay off.
        credentials: false,
        maxAge: 600,
      })
    : null
  /** Runs `work` inside the CORS middleware when CORS is on: its headers land on whatever `work` answers. */
  const withCors = (c: GatewayContext, work: () => Promise<Response>): Promise<Response> =>
    allowCors ? corsAround(allowCors, c, work) : work()
  // Preflights are answered by the CORS middleware itself; they are still counted and carry a request id.
  if (allowCors) app.options('*', scoped, allowCors)

  const bodyLimitOf = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) => fail(c, 'payload_too_large', `The request body exceeds ${maxSize} bytes.`),
    })
  const limitBodies = {
    default: bodyLimitOf(config.bodyLimitBytes),
    upload: bodyLimitOf(config.uploadBodyLimitBytes),
  }

  mountOps(app, shared, allowCors ? [scoped, allowCors] : [scoped], deps.docsAssets)

  const guardDeps = {
    shared,
    limiter,
    verifier: deps.verifier,
    isSessionActive: deps.isSessionActive,
    sessionKey: deps.sessionKey,
  }
  for (const route of deps.routes ?? defaultRoutes) {
    const guarded = guard(route, guardDeps, proxy(route, shared))
    const limitBody = limitBodies[route.body ?? 'default']
    const limitedBody = async (c: GatewayContext): Promise<Response> => {
      let out: Response | undefined
      const refused = await limitBody(c, async () => {
        out = await guarded(c)
      })
      return refused ?? out!
    }
    // Bodiless requests (most of them) skip the body limit without an extra async step.
    const limited = (c: GatewayContext) => (c.req.raw.body ? limitedBody(c) : guarded(c))
    const handle = allowCors
      ? (c: GatewayContext) => scope(c, () => withCors(c, () => limited(c)))
      : (c: GatewayContext) => scope(c, () => limited(c))
    app.on(route.method, route.path, handle)
  }

  app.notFound((c) =>
    scope(c, () =>
      withCors(c, async () => fail(c, 'route_not_found', `No route for ${c.req.method} ${c.req.path}.`)),
    ),
  )
  app.onError((err, c) => {
    shared.logger.error(
      { requestId: stateOf(c)?.requestId, err: err.message, stack: err.stack },
      'unhandled error',
    )
    const res = fail(c, 'internal')
    setSecurityHeaders(res.headers, apiContentSecurityPolicy)
    return res
  })
  return app
}

export type Gateway = ReturnType<typeof createGateway>
