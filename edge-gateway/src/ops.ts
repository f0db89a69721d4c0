import type { Hono } from 'hono'
import type { ServiceName } from './config.ts'
import type { GatewayEnv, GatewayMiddleware, Shared } from './context.ts'
import { type DocsAssetReader, mountDocs } from './docs.ts'
import { routeLabel } from './middleware/request-context.ts'
import { openApiSource } from './openapi.ts'
import { opsRoutes } from './ops-openapi.ts'
import { sharedLoad } from './shared-load.ts'

const probeTimeoutMs = 2_000
/**
 * How long one look at the services answers `/ready`: however many callers ask (probes, dashboards, a flood),
 * each service is asked at most once per interval.
 */
const readyCacheMs = 1_000

interface Probe {
  /** `degraded`: the service answered ready but is working without a dependency it can do without. */
  status: 'ok' | 'degraded' | 'down'
  latencyMs: number
  httpStatus?: number
}

const probe = async (shared: Shared, url: string): Promise<Probe> => {
  const started = shared.now()
  try {
    const res = await shared.fetch(url, { signal: AbortSignal.timeout(probeTimeoutMs) })
    let status: Probe['status'] = res.ok ? 'ok' : 'down'
    if (res.ok && res.headers.get('content-type')?.includes('json')) {
      // A service's readiness report is a few hundred bytes; the JWKS says nothing of degradation.
      const body = (await res.json().catch(() => null)) as { status?: unknown } | null
      if (body?.status === 'degraded') status = 'degraded'
    } else await res.body?.cancel()
    return { status, latencyMs: shared.now() - started, httpStatus: res.status }
  } catch {
    return { status: 'down', latencyMs: shared.now() - started }
  }
}

interface Readiness {
  status: 'ready' | 'degraded' | 'not_ready'
  services: Partial<Record<ServiceName, Probe>>
  checks: { jwks: Probe }
}

/** Every configured service's own `/ready`, and whether the signing keys can be fetched, looked at together. */
const readinessSource = (shared: Shared) =>
  sharedLoad(
    shared.now,
    async (): Promise<Readiness> => {
      const [jwks, ...entries] = await Promise.all([
        probe(shared, shared.config.jwt.jwksUrl),
        ...(Object.entries(shared.config.services) as [ServiceName, string][]).map(
          async ([name, base]) => [name, await probe(shared, `${base}/ready`)] as const,
        ),
      ])
      const probes = [jwks, ...entries.map(([, p]) => p)]
      const status = probes.some((p) => p.status === 'down')
        ? 'not_ready'
        : probes.some((p) => p.status === 'degraded')
          ? 'degraded'
          : 'ready'
      return { status, services: Object.fromEntries(entries), checks: { jwks } }
    },
    () => readyCacheMs,
  )

/** `/health`, `/ready`, `/metrics`, `/openapi.json`, `/docs` and its assets. */
export const mountOps = (
  app: Hono<GatewayEnv>,
  shared: Shared,
  before: readonly GatewayMiddleware[],
  docsAssets: DocsAssetReader | undefined,
) => {
  for (const path of [...opsRoutes, '/docs', '/docs/assets/*']) app.use(path, ...before, routeLabel(path))

  // Liveness: the gateway itself answers. It asks nobody, so any number of probes costs the services nothing.
  app.get('/health', (c) => c.json({ status: 'ok' }))

  // Readiness, aggregated: the gateway can verify tokens and every service says it is ready.
  const readiness = readinessSource(shared)
  app.get('/ready', async (c) => {
    const ready = await readiness()
    return c.json(ready, ready.status === 'not_ready' ? 503 : 200)
  })

  app.get('/metrics', (c) =>
    c.body(shared.metrics.registry.render(), 200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    }),
  )

  const openapi = openApiSource(shared)
  app.get('/openapi.json', async (c) => c.json(await openapi()))
  mountDocs(app, docsAssets)
}
