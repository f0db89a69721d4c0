import { configOrExit } from '@myshop/config'
import { createLogger } from '@myshop/logger'
import type { Server } from 'bun'
import { createGateway, type GatewayDeps } from '../app.ts'
import { type GatewayConfig, gatewayConfig } from '../config.ts'
import { bunDeps } from './bun-deps.ts'
import { oneWriteFetch, oneWriteLocal } from './one-write.ts'
import { packageDocsAssets } from './package-assets.ts'

export interface RunningGateway {
  port: number
  url: string
  stop(): Promise<void>
}

/** Starts the gateway on Bun in this process; embedded boot and tests use it, the CLI too. */
export const startGateway = async (
  config: GatewayConfig,
  overrides: Partial<GatewayDeps> & { reusePort?: boolean; hostname?: string } = {},
): Promise<RunningGateway> => {
  const { reusePort, hostname, fetch: fetchImpl, local, ...deps } = overrides
  const redis = await bunDeps(config)
  const app = createGateway({
    config,
    logger: createLogger({ service: 'edge-gateway', level: config.logLevel, format: config.logFormat }),
    // Bun hands the server to fetch as the second argument, which Hono exposes as `c.env`.
    getClientIp: (c) => (c.env as Server<undefined> | undefined)?.requestIP(c.req.raw)?.address,
    docsAssets: packageDocsAssets,
    ...redis.deps,
    ...deps,
    fetch: oneWriteFetch(fetchImpl ?? ((input, init) => fetch(input, init))),
    // Services in this process answer on a later turn of the event loop, where a large body needs passing on in one
    // write, when the request first waited for the limits in Redis. Without Redis the limits, the session and a cached
    // answer are ready in the request's own turn, where Bun writes any size in one go: such answers are left alone.
    ...(local && {
      local: config.redisUrl
        ? Object.fromEntries(Object.entries(local).map(([name, handler]) => [name, oneWriteLocal(handler)]))
        : local,
    }),
  })
  const server = Bun.serve({
    port: config.port,
    ...(hostname && { hostname }),
    reusePort: reusePort ?? config.workers > 1,
    fetch: (req, srv) => app.fetch(req, srv),
  })
  return {
    port: server.port ?? config.port,
    url: `http://${server.hostname}:${server.port}`,
    stop: async () => {
      await server.stop(true)
      await redis.close()
    },
  }
}

if (import.meta.main) {
  const config = configOrExit('The edge gateway', () => gatewayConfig(process.env))
  const isWorker = process.env.GATEWAY_WORKER_CHILD === '1'
  // SO_REUSEPORT lets several processes accept on one port; the kernel spreads connections.
  const children =
    config.workers > 1 && !isWorker
      ? Array.from({ length: config.workers - 1 }, () =>
          Bun.spawn([process.execPath, import.meta.path], {
            env: { ...process.env, GATEWAY_WORKER_CHILD: '1' },
            stdio: ['ignore', 'inherit', 'inherit'],
          }),
        )
      : []
  const running = await startGateway(config)
  if (!isWorker) console.log(`edge-gateway listening on ${running.url} (${config.workers} process(es))`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      for (const child of children) child.kill(signal)
      await running.stop()
      process.exit(0)
    })
  }
}
