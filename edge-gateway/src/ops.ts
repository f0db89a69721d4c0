import { Scalar } from '@scalar/hono-api-reference'
import type { Hono, MiddlewareHandler } from 'hono'
import type { ServiceName } from './config.ts'
import { type GatewayEnv, type Shared, stateOf } from './context.ts'
import { openApiSource } from './openapi.ts'

const probeTimeoutMs = 2_000

interface Probe {
  status: 'ok' | 'down'
  latencyMs: number
  httpStatus?: number
}

const probe = async (shared: Shared, url: string): Promise<Probe> => {
  const started = shared.now()
  try {
    const res = await shared.fetch(url, { signal: AbortSignal.timeout(probeTimeoutMs) })
    await res.body?.cancel()
    return { status: res.ok ? 'ok' : 'down', latencyMs: shared.now() - started, httpStatus: res.status }
  } catch {
    return { status: 'down', latencyMs: shared.now() - started }
  }
}

/** `/health`, `/ready`, `/metrics`, `/openapi.json` and `/docs`. */
export const mountOps = (app: Hono<GatewayEnv>, shared: Shared, before: MiddlewareHandler<GatewayEnv>[]) => {
  for (const path of ['/health', '/ready', '/metrics', '/openapi.json', '/docs']) {
    app.use(path, ...before, async (c, next) => {
      const state = stateOf(c)
      if (state) state.routeLabel = path
      await next()
    })
  }

  // Aggregated: the gateway is alive, and each configured service says whether it is.
  app.get('/health', async (c) => {
    const entries = await Promise.all(
      (Object.entries(shared.config.services) as [ServiceName, string][]).map(
        async ([name, base]) => [name, await probe(shared, `${base}/health`)] as const,
      ),
    )
    const services = Object.fromEntries(entries)
    const ok = entries.every(([, p]) => p.status === 'ok')
    return c.json({ status: ok ? 'ok' : 'degraded', services }, ok ? 200 : 503)
  })

  // Ready when the gateway can verify tokens, i.e. the signing keys can be fetched.
  app.get('/ready', async (c) => {
    const jwks = await probe(shared, shared.config.jwt.jwksUrl)
    const ok = jwks.status === 'ok'
    return c.json({ status: ok ? 'ready' : 'not_ready', checks: { jwks } }, ok ? 200 : 503)
  })

  app.get('/metrics', (c) =>
    c.body(shared.metrics.registry.render(), 200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    }),
  )

  const openapi = openApiSource(shared)
  app.get('/openapi.json', async (c) => c.json(await openapi()))
  app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: 'MyShop API' }))
}
