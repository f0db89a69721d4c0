import type { Verifier } from '@myshop/auth'
import type { RateLimitStore } from '@myshop/rate-limit'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import type { GatewayConfig } from './config.ts'
import {
  type ClientIpResolver,
  type Fetch,
  fail,
  type GatewayEnv,
  type GatewayLogger,
  noopLogger,
  type Shared,
} from './context.ts'
import { createLimiter } from './limiter.ts'
import { createRegistry, gatewayMetrics, type Registry } from './metrics.ts'
import { guard } from './middleware/guard.ts'
import { proxy } from './middleware/proxy.ts'
import { requestContext } from './middleware/request-context.ts'
import { mountOps } from './ops.ts'
import { routes as defaultRoutes, type Route } from './routes.ts'

export interface GatewayDeps {
  config: GatewayConfig
  /** The shared limiter store (Redis, Upstash); null keeps limits in process (embedded mode). */
  store: RateLimitStore | null
  verifier: Verifier
  /** Asked for every authenticated request; a session that ended makes its tokens fail at once. */
  isSessionActive?: (sessionId: string) => Promise<boolean>
  /** How upstreams are called; tests and runtimes pass their own. */
  fetch?: Fetch
  /** Milliseconds since the epoch. */
  now?: () => number
  logger?: GatewayLogger
  getClientIp?: ClientIpResolver
  registry?: Registry
  routes?: Route[]
}

/** The edge gateway: request context, CORS, body limit, then per route guard + proxy. */
export const createGateway = (deps: GatewayDeps) => {
  const { config } = deps
  const shared: Shared = {
    config,
    logger: deps.logger ?? noopLogger,
    metrics: gatewayMetrics(deps.registry ?? createRegistry()),
    fetch: deps.fetch ?? ((input, init) => fetch(input, init)),
    now: deps.now ?? Date.now,
  }
  const limiter = createLimiter(shared, deps.store)
  const app = new Hono<GatewayEnv>()

  app.use('*', requestContext(shared, deps.getClientIp))
  if (config.corsOrigins.length) {
    app.use(
      '*',
      cors({
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
      }),
    )
  }
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: (c) =>
        fail(c, 'payload_too_large', `The request body exceeds ${config.bodyLimitBytes} bytes.`),
    }),
  )

  mountOps(app, shared)

  const guardDeps = { shared, limiter, verifier: deps.verifier, isSessionActive: deps.isSessionActive }
  for (const route of deps.routes ?? defaultRoutes) {
    app.on(route.method, route.path, guard(route, guardDeps), proxy(route, shared))
  }

  app.notFound((c) =>
    fail(c, 'route_not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`),
  )
  app.onError((err, c) => {
    shared.logger.error(
      { requestId: c.get('requestId'), err: err.message, stack: err.stack },
      'unhandled error',
    )
    return fail(c, 'internal')
  })
  return app
}

export type Gateway = ReturnType<typeof createGateway>
