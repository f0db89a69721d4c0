import type { SessionStore } from '@myshop/auth'
import { configOrExit } from '@myshop/config'
import { type Db, openServiceDatabase } from '@myshop/db'
import {
  type AnyEventContract,
  type BroadcastHandler,
  createRelay,
  type EventBus,
  type EventHandler,
  memoryBus,
  openServiceRedis,
  redisStreamsBus,
  type SubscribeOptions,
} from '@myshop/events'
import type { ReadinessCheck } from '@myshop/http'
import { createLogger, type Logger } from '@myshop/logger'
import type { Server, SocketAddress } from 'bun'
import type Redis from 'ioredis'
import { type CommonConfig, serviceEndpoint } from './config.ts'

/** What an embedding process (the `myshop start` supervisor, tests) may share with the services it boots. */
export interface Shared {
  sql?: Db
  redis?: Redis
  bus?: EventBus
  sessions?: SessionStore
  logger?: Logger
}

/** Everything the kit opened for a service, handed to the service's own parts as they are built. */
export interface ServiceContext<C extends CommonConfig, S extends Shared = Shared> {
  name: string
  config: C
  /** What the embedding process shared, service-specific parts included. */
  shared: S
  logger: Logger
  sql: Db
  /** Absent without REDIS_URL (and nothing shared): the service runs in process. */
  redis: Redis | undefined
  bus: EventBus
  /** Where the service answers; the port is bound before the service's parts are built. */
  url: string
  /** Wakes the outbox relay: call after a transaction that wrote events. */
  eventsWritten(): void
  /** The socket address of a request's peer, or null for a request handed over in process. */
  requestIP(request: Request): SocketAddress | null
  /** Probes of what the service can answer without, in a reduced way: Redis, when the service has one. */
  degradable: Record<string, ReadinessCheck>
  /** Runs `cleanup` when the service stops: after the server and relay, before Redis and the database close; last registered runs first. */
  onStop(cleanup: () => unknown): void
}

/** An event consumer a service runs while it is up. */
export type Consumer =
  | {
      kind: 'group'
      /** The consumer group: every instance of the service shares it, so each event is handled by one of them. */
      group: string
      events: readonly AnyEventContract[]
      // biome-ignore lint/suspicious/noExplicitAny: handlers are typed by `consumer()` against their own contracts
      handle: EventHandler<any>
      options?: SubscribeOptions
    }
  | {
      kind: 'broadcast'
      events: readonly AnyEventContract[]
      // biome-ignore lint/suspicious/noExplicitAny: handlers are typed by `broadcast()` against their own contracts
      handle: BroadcastHandler<any>
    }

/** A consumer group on `events`: each event is handled once per group, retried on failure, dead-lettered at last. */
export const consumer = <E extends AnyEventContract>(
  group: string,
  events: readonly E[],
  handle: EventHandler<E>,
  options?: SubscribeOptions,
): Consumer => ({ kind: 'group', group, events, handle, ...(options && { options }) })

/** A broadcast subscription: every instance sees every event, at most once; for effects safe to miss. */
export const broadcast = <E extends AnyEventContract>(
  events: readonly E[],
  handle: BroadcastHandler<E>,
): Consumer => ({ kind: 'broadcast', events, handle })

/** What an app built by a service's `app` part must offer: a fetch handler. */
export interface ServiceApp {
  fetch(request: Request): Response | Promise<Response>
}

/**
 * A service, declared by its parts. The kit boots every service the same way: configuration, logger, database
 * (shared, at its URL, or embedded) and migrations, Redis (when configured), the event bus and outbox relay, the
 * port, the service's dependencies, its preparation, its consumers, then its HTTP app; and stops it in the
 * reverse order.
 */
export interface ServiceDefinition<C extends CommonConfig, D, S extends Shared = Shared> {
  /** Lower-case; also the prefix of its variables (`product` → `PRODUCT_PORT`) and its log field. */
  name: string
  /** Reads and validates the configuration, throwing a ConfigError that lists every problem. */
  loadConfig(env: Record<string, string | undefined>): C
  /** The PostgreSQL schema the service owns, and its forward-only migrations. */
  database: { schema: string; migrationsDir: string }
  /** Bodies larger than this are cut off by the server (default 1 MiB); the app refuses declared oversizes itself. */
  maxRequestBodySize?(config: C): number
  /** Builds the dependencies the service's features take. */
  deps(context: ServiceContext<C, S>): D | Promise<D>
  /** Work before the service takes requests: signing keys, a first administrator, a search index. */
  prepare?(deps: D, context: ServiceContext<C, S>): Promise<unknown>
  /** The event consumers to run while the service is up. */
  consumers?(deps: D, context: ServiceContext<C, S>): Consumer[]
  /** The HTTP app: the service's routes on `createHttpApp`. */
  app(deps: D, context: ServiceContext<C, S>): ServiceApp
  /** What the service logs once it listens, beside its URL. */
  describe?(deps: D, context: ServiceContext<C, S>): Record<string, unknown>
}

/** A service started in this process: where it listens, its HTTP handler, its dependencies, and how to stop it. */
export interface RunningService<D = unknown> {
  name: string
  url: string
  port: number
  deps: D
  /** The handler the server runs, for callers in this process (the gateway under `myshop start`). */
  handle(request: Request): Promise<Response>
  stop(): Promise<void>
}

/** A declared service: its definition, a way to start it with a configuration, and its entry point. */
export interface Service<C extends CommonConfig, D, S extends Shared = Shared> {
  name: string
  database: { schema: string; migrationsDir: string }
  loadConfig(env: Record<string, string | undefined>): C
  start(config: C, shared?: S): Promise<RunningService<D>>
  /** Starts the service from the process environment and runs it until SIGINT or SIGTERM. */
  main(): Promise<void>
}

const defaultBodyLimit = 1024 * 1024

/** Declares a service; see ServiceDefinition. */
export const defineService = <C extends CommonConfig, D, S extends Shared = Shared>(
  definition: ServiceDefinition<C, D, S>,
): Service<C, D, S> => {
  const start = (config: C, shared: S = {} as S) => startService(definition, config, shared)
  return {
    name: definition.name,
    database: definition.database,
    loadConfig: definition.loadConfig,
    start,
    async main() {
      const config = configOrExit(`The ${definition.name} service`, () => definition.loadConfig(process.env))
      stopOnSignals(await start(config))
    },
  }
}

const startService = async <C extends CommonConfig, D, S extends Shared>(
  definition: ServiceDefinition<C, D, S>,
  config: C,
  shared: S,
): Promise<RunningService<D>> => {
  const { name } = definition
  const endpoint = serviceEndpoint(name, config)
  const logger =
    shared.logger?.child({ service: name }) ??
    createLogger({ service: name, level: config.LOG_LEVEL, format: config.LOG_FORMAT })
  // Run in order at stop; a failed boot runs those registered so far.
  const closers: (() => unknown)[] = []
  const stopAll = async () => {
    for (const close of closers.splice(0)) await close()
  }

  try {
    const db = await openServiceDatabase({
      shared: shared.sql,
      url: endpoint.databaseUrl,
      dataDir: config.MYSHOP_DATA_DIR,
      schema: definition.database.schema,
      migrationsDir: definition.database.migrationsDir,
      applicationName: `myshop-${name}`,
      logger,
    })
    closers.push(() => db.close())
    if (db.applied.length > 0) logger.info({ applied: db.applied }, 'migrations applied')

    let redis = shared.redis
    if (!redis && config.REDIS_URL) {
      // A stopped or frozen Redis must not hold requests: each command gives up quickly and the caller falls back
      // (see "When a dependency is down" in the README).
      const own = await openServiceRedis(config.REDIS_URL, {
        commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
      })
      redis = own
      closers.unshift(() => own.quit().catch(() => own.disconnect()))
    }

    const bus = shared.bus ?? (redis ? redisStreamsBus(redis, { prefix: config.REDIS_PREFIX }) : memoryBus())
    const relay = createRelay({ sql: db.sql, schema: definition.database.schema, publisher: bus, logger })
    closers.unshift(() => relay.stop())

    // The port is bound first, answering 503 until the app is in place: some parts need the service's own URL
    // (media served from the filesystem), and the app asks the server for each request's peer.
    const server: Server<undefined> = Bun.serve({
      hostname: endpoint.hostname,
      port: endpoint.port,
      maxRequestBodySize: definition.maxRequestBodySize?.(config) ?? defaultBodyLimit,
      fetch: () => new Response(null, { status: 503, headers: { 'retry-after': '1' } }),
    })
    closers.unshift(() => server.stop(true))
    const url = `http://${endpoint.hostname}:${server.port}`

    const owned: (() => unknown)[] = []
    const context: ServiceContext<C, S> = {
      name,
      config,
      shared,
      logger,
      sql: db.sql,
      redis,
      bus,
      url,
      eventsWritten: () => relay.notify(),
      requestIP: (request) => server.requestIP(request),
      // Redis down is down for every instance alike: taking this one out of rotation would help nothing.
      degradable: redis ? { redis: () => (redis as Redis).ping() } : {},
      onStop: (cleanup) => owned.unshift(cleanup),
    }
    // The service's own cleanups run after the server and relay stop and before Redis and the database close.
    closers.splice(2, 0, async () => {
      for (const cleanup of owned.splice(0)) await cleanup()
    })

    const deps = await definition.deps(context)
    await definition.prepare?.(deps, context)
    for (const c of definition.consumers?.(deps, context) ?? []) {
      const subscription =
        c.kind === 'group'
          ? await bus.subscribe(c.group, `${name}-${process.pid}`, c.events, c.handle, {
              logger,
              ...c.options,
            })
          : await bus.subscribeBroadcast(c.events, c.handle, { logger })
      context.onStop(() => subscription.stop())
    }

    relay.start()
    const app = definition.app(deps, context)
    server.reload({ fetch: app.fetch })
    logger.info({ url, ...definition.describe?.(deps, context) }, `${name} service listening`)

    return {
      name,
      url,
      port: server.port ?? endpoint.port,
      deps,
      handle: async (request) => app.fetch(request),
      stop: stopAll,
    }
  } catch (error) {
    await stopAll().catch(() => {})
    throw error
  }
}

/** Keeps a service started from its entry file running until SIGINT or SIGTERM, then stops it and exits. */
export const stopOnSignals = (service: Pick<RunningService, 'stop'>): void => {
  const shutdown = async () => {
    await service.stop()
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}
