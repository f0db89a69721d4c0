import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isServiceIdentity, memorySessionStore, serviceSecret } from '@myshop/auth'
import { loadConfigs } from '@myshop/config'
import { type EmbeddedDatabase, openEmbeddedDatabase } from '@myshop/db'
import type { LocalHandler } from '@myshop/edge-gateway'
import { startGateway } from '@myshop/edge-gateway/bun'
import { gatewayConfig, type ServiceName } from '@myshop/edge-gateway/config'
import { memoryBus } from '@myshop/events'
import { createLogger } from '@myshop/logger'
import { type CommonConfig, type RunningService, serviceEndpoint } from '@myshop/service-kit'
import { type AnyService, loadServices, serviceUrlVar } from './services.ts'

type Env = Record<string, string | undefined>

export interface RunningPlatform {
  mode: 'embedded' | 'distributed'
  gatewayUrl: string
  services: Record<string, string>
  /** Each service's HTTP handler, for callers in this process (the gateway uses them). */
  handlers: Record<string, (request: Request) => Promise<Response>>
  /** The embedded database's URL (connect with one connection), when MyShop runs one. */
  databaseUrl?: string
  stop(): Promise<void>
}

/** 256 random bits, for a shop secret nobody set. */
const randomSecret = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')

/** The proxies `myshop start` believes unless TRUSTED_PROXIES says otherwise. */
export const loopbackProxies = '127.0.0.0/8,::1'

const pidFile = (dataDir: string) => join(dataDir, 'myshop.pid')

/** The pid of a MyShop already running on this data directory, if any. */
export const runningPid = (dataDir: string): number | null => {
  try {
    const pid = Number(readFileSync(pidFile(dataDir), 'utf8').trim())
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null
    process.kill(pid, 0)
    return pid
  } catch {
    return null
  }
}

/**
 * Where shoppers fetch media when nothing says otherwise: through the gateway, the one door `myshop start` opens to
 * the world (as docker-compose's default does), not the product service's own port. Left unset when the gateway's
 * port is picked at boot (0), when the service then names its own URL.
 */
export const defaultMediaPublicUrl = (env: Env): string | undefined => {
  if (env.MEDIA_PUBLIC_URL || env.S3_BUCKET) return undefined
  const port = gatewayConfig(env).port
  return port ? `http://localhost:${port}/media` : undefined
}

/**
 * Where shoppers come back from Stripe or PayPal when PAYMENT_PUBLIC_URL is unset: the gateway this run starts, on
 * its configured port (a gateway on a port picked at boot is not known yet, and keeps the payment service's default).
 */
export const defaultPaymentPublicUrl = (env: Env): string | undefined => {
  if (env.PAYMENT_PUBLIC_URL) return undefined
  const port = gatewayConfig(env).port
  return port ? `http://localhost:${port}` : undefined
}

/**
 * Validates the configuration of every process `myshop start` boots before any of them starts, and throws one
 * ConfigError listing the problems of all of them. The services' URLs that the platform hands the gateway and the
 * services at boot are left out: the environment's values for them are not used.
 */
export const checkPlatformConfig = (env: Env, services: AnyService[]) => {
  const booted = {
    ...env,
    ...Object.fromEntries(services.map((service) => [serviceUrlVar(service.name), undefined])),
    // The services listen on this machine, so the only gateway that can front them across a socket runs here too.
    TRUSTED_PROXIES: env.TRUSTED_PROXIES || loopbackProxies,
  }
  const configs = loadConfigs({
    ...Object.fromEntries(services.map((service) => [service.name, () => service.loadConfig(booted)])),
    'edge-gateway': () => gatewayConfig(booted),
  }) as Record<string, unknown>
  return services.map((service) => configs[service.name] as CommonConfig)
}

/**
 * Boots MyShop in one process: the gateway and every service of `cli/src/services.ts`, in its order. Without
 * DATABASE_URL the services share one embedded PostgreSQL (PGlite, data under MYSHOP_DATA_DIR) through a single
 * connection; without REDIS_URL sessions, limits and events stay in process. Each service still listens on its own
 * port (for direct callers and other services), and is handed the URLs of those booted before it; the gateway
 * hands requests to the services' handlers in process: the same Request objects, headers and policy as over HTTP,
 * without a loopback hop that costs as much as the gateway's own work.
 */
export const startPlatform = async (
  env: Env,
  services: AnyService[] | Promise<AnyService[]> = loadServices(),
): Promise<RunningPlatform> => {
  const list = await services
  const [first] = checkPlatformConfig(env, list)
  if (!first) throw new Error('MyShop has no services to start')
  const dataDir = first.MYSHOP_DATA_DIR
  // Every service reads DATABASE_URL; one with a database of its own has the shop on PostgreSQL all the same.
  const embedded = !first.DATABASE_URL && !serviceEndpoint(list[0]!.name, first).databaseUrl

  let db: EmbeddedDatabase | undefined
  if (embedded) {
    const other = runningPid(dataDir)
    if (other) throw new Error(`MyShop is already running on ${dataDir} (pid ${other}); stop it first`)
    mkdirSync(dataDir, { recursive: true })
    db = await openEmbeddedDatabase({
      dataDir: join(dataDir, 'pg'),
      port: Number(env.MYSHOP_PG_PORT ?? 0),
      applicationName: 'myshop',
      logger: createLogger({ service: 'myshop', level: first.LOG_LEVEL, format: first.LOG_FORMAT }),
    })
    writeFileSync(pidFile(dataDir), String(process.pid))
  }
  // Without Redis every service and the gateway must see the same sessions and the same event bus.
  const sessions = first.REDIS_URL ? undefined : memorySessionStore()
  const bus = first.REDIS_URL ? undefined : memoryBus()

  const stops: (() => Promise<unknown>)[] = []
  try {
    const shared = { ...(db && { sql: db.sql }), ...(sessions && { sessions }), ...(bus && { bus }) }
    const mediaUrl = defaultMediaPublicUrl(env)
    const paymentUrl = defaultPaymentPublicUrl(env)
    const booted: Env = {
      ...env,
      // Each service is told the URLs of those booted before it, never the environment's.
      ...Object.fromEntries(list.map((service) => [serviceUrlVar(service.name), undefined])),
      TRUSTED_PROXIES: env.TRUSTED_PROXIES || loopbackProxies,
      ...(mediaUrl && { MEDIA_PUBLIC_URL: mediaUrl }),
      ...(paymentUrl && { PAYMENT_PUBLIC_URL: paymentUrl }),
    }
    // Services prove who they are to each other with secrets derived from the shop's; without one set, this run
    // makes its own (the tokens it signs last minutes, and every service is handed its secret here).
    const shopSecret = env.SERVICE_AUTH_SECRET || randomSecret()
    booted.SERVICE_AUTH_SECRET = shopSecret
    const running: RunningService[] = []
    for (const service of list) {
      const secret = isServiceIdentity(service.name)
        ? await serviceSecret(shopSecret, service.name)
        : undefined
      const started = await service.start(service.loadConfig({ ...booted, SERVICE_SECRET: secret }), shared)
      stops.unshift(() => started.stop())
      running.push(started)
      booted[serviceUrlVar(service.name)] = started.url
    }
    const handlers = Object.fromEntries(running.map((service) => [service.name, service.handle]))
    const gateway = await startGateway(gatewayConfig(booted), {
      ...(sessions && { isSessionActive: (id: string) => sessions.isActive(id) }),
      // The services run in this process: the gateway hands them its requests directly.
      local: handlers as Partial<Record<ServiceName, LocalHandler>>,
    })
    stops.unshift(() => gateway.stop())
    return {
      mode: embedded ? 'embedded' : 'distributed',
      gatewayUrl: gateway.url,
      services: Object.fromEntries(running.map((service) => [service.name, service.url])),
      handlers,
      ...(db && { databaseUrl: db.url }),
      async stop() {
        for (const stop of stops) await stop()
        await db?.close()
        if (embedded) rmSync(pidFile(dataDir), { force: true })
      },
    }
  } catch (error) {
    for (const stop of stops) await stop().catch(() => {})
    await db?.close(1).catch(() => {})
    if (embedded) rmSync(pidFile(dataDir), { force: true })
    throw error
  }
}
