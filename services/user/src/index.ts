#!/usr/bin/env bun
import { fileURLToPath } from 'node:url'
import type { SessionStore } from '@myshop/auth'
import { configOrExit } from '@myshop/config'
import { type Db, openServiceDatabase } from '@myshop/db'
import { createRelay, type EventBus, memoryBus, openServiceRedis, redisStreamsBus } from '@myshop/events'
import { proxyTrust, type RunningService, stopOnSignals } from '@myshop/http'
import { createLogger, type Logger } from '@myshop/logger'
import type { Server } from 'bun'
import type Redis from 'ioredis'
import { createApp } from './app.ts'
import type { AttemptStore } from './auth/throttle.ts'
import { loadUserConfig, type UserConfig } from './config.ts'
import { schema, type UserDeps } from './deps.ts'
import { createSealer } from './keys/sealing.ts'
import { ensureAdmin } from './users/service.ts'
import { createUserDeps } from './wiring.ts'

export const migrationsDir = fileURLToPath(new URL('../../../db/migrations/user', import.meta.url))

/** What an embedding process (the `myshop start` supervisor, tests) may share with the service. */
export interface Shared {
  sql?: Db
  redis?: Redis
  bus?: EventBus
  sessions?: SessionStore
  attempts?: AttemptStore
  logger?: Logger
}

export interface RunningUserService extends RunningService {
  deps: UserDeps
}

/**
 * Boots the user service: database (own or shared), migrations, signing keys, first admin, outbox relay,
 * then the HTTP server.
 */
export const startUserService = async (
  config: UserConfig,
  shared: Shared = {},
): Promise<RunningUserService> => {
  const logger =
    shared.logger?.child({ service: 'user' }) ??
    createLogger({ service: 'user', level: config.LOG_LEVEL, format: config.LOG_FORMAT })
  const cleanups: (() => Promise<unknown>)[] = []
  const db = await openServiceDatabase({
    shared: shared.sql,
    url: config.USER_DATABASE_URL ?? config.DATABASE_URL,
    dataDir: config.MYSHOP_DATA_DIR,
    schema,
    migrationsDir,
    applicationName: 'myshop-user',
    logger,
  })
  const sql = db.sql
  cleanups.push(() => db.close())
  if (db.applied.length > 0) logger.info({ applied: db.applied }, 'migrations applied')

  let redis = shared.redis
  if (!redis && config.REDIS_URL) {
    // A stopped or frozen Redis must not hold requests: each command gives up quickly and the caller falls back
    // (see "When a dependency is down" in the README).
    redis = await openServiceRedis(config.REDIS_URL, { commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS })
    const own = redis
    cleanups.unshift(() => own.quit().catch(() => own.disconnect()))
  }

  const bus = shared.bus ?? (redis ? redisStreamsBus(redis, { prefix: config.REDIS_PREFIX }) : memoryBus())
  const relay = createRelay({ sql, schema, publisher: bus, logger })
  const deps = createUserDeps({
    config,
    sql,
    redis,
    logger,
    eventsWritten: () => relay.notify(),
    sessions: shared.sessions,
    attempts: shared.attempts,
    sealer: config.KEY_ENCRYPTION_SECRET ? await createSealer(config.KEY_ENCRYPTION_SECRET) : undefined,
  })
  cleanups.unshift(async () => deps.sessions.close?.())
  await deps.keys.ensure()

  if (config.MYSHOP_ADMIN_EMAIL && config.MYSHOP_ADMIN_PASSWORD) {
    const { outcome, sessionsEnded } = await ensureAdmin(
      deps,
      config.MYSHOP_ADMIN_EMAIL,
      config.MYSHOP_ADMIN_PASSWORD,
    )
    logger.info({ outcome, sessionsEnded }, 'administrator account ensured')
  }

  relay.start()
  // Reads, sign-ins and refreshes go on from PostgreSQL while Redis is down: it makes the service degraded, not unready.
  const degradable: Record<string, () => Promise<unknown>> = redis ? { redis: () => redis.ping() } : {}
  // Elysia learns no peer from a server it did not start itself: the app asks this one (requests arrive only
  // once it listens).
  const peers = { requestIP: (request: Request) => server.requestIP(request) }
  const app = createApp(deps, { trustedProxies: proxyTrust(config.TRUSTED_PROXIES), peers, degradable })
  const server: Server<undefined> = Bun.serve({
    hostname: config.USER_HOST,
    port: config.USER_PORT,
    // Bodies without a Content-Length are cut off here; the app refuses declared oversizes with a 413 problem.
    maxRequestBodySize: 1024 * 1024,
    fetch: app.fetch,
  })
  const url = `http://${config.USER_HOST}:${server.port}`
  logger.info({ url }, 'user service listening')

  return {
    url,
    port: server.port ?? config.USER_PORT,
    deps,
    handle: (request) => app.fetch(request) as Promise<Response>,
    async stop() {
      await server.stop(true)
      await relay.stop()
      for (const cleanup of cleanups) await cleanup()
    },
  }
}

if (import.meta.main) {
  stopOnSignals(await startUserService(configOrExit('The user service', () => loadUserConfig(process.env))))
}
