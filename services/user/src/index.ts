#!/usr/bin/env bun
import { fileURLToPath } from 'node:url'
import { proxyTrust } from '@myshop/http'
import { defineService, type RunningService, type Shared } from '@myshop/service-kit'
import { createApp } from './app.ts'
import type { AttemptStore } from './auth/throttle.ts'
import { loadUserConfig } from './config.ts'
import { schema, type UserDeps } from './deps.ts'
import { createSealer } from './keys/sealing.ts'
import { ensureAdmin } from './users/service.ts'
import { createUserDeps } from './wiring.ts'

export const migrationsDir = fileURLToPath(new URL('../../../db/migrations/user', import.meta.url))

/** The user service: accounts, sign-in, sessions, roles and the keys that sign access tokens. */
export const userService = defineService<
  ReturnType<typeof loadUserConfig>,
  UserDeps,
  Shared & { attempts?: AttemptStore }
>({
  name: 'user',
  loadConfig: loadUserConfig,
  database: { schema, migrationsDir },
  deps: async ({ config, sql, redis, logger, shared, eventsWritten, onStop }) => {
    const deps = createUserDeps({
      config,
      sql,
      redis,
      logger,
      eventsWritten,
      sessions: shared.sessions,
      attempts: shared.attempts,
      sealer: config.KEY_ENCRYPTION_SECRET ? await createSealer(config.KEY_ENCRYPTION_SECRET) : undefined,
    })
    onStop(() => deps.sessions.close?.())
    return deps
  },
  prepare: async (deps, { config, logger }) => {
    await deps.keys.ensure()
    if (config.MYSHOP_ADMIN_EMAIL && config.MYSHOP_ADMIN_PASSWORD) {
      const admin = await ensureAdmin(deps, config.MYSHOP_ADMIN_EMAIL, config.MYSHOP_ADMIN_PASSWORD)
      logger.info(admin, 'administrator account ensured')
    }
  },
  // Reads, sign-ins and refreshes go on from PostgreSQL while Redis is down: it makes the service degraded, not unready.
  app: (deps, { config, requestIP, degradable }) =>
    createApp(deps, { trustedProxies: proxyTrust(config.TRUSTED_PROXIES), peers: { requestIP }, degradable }),
})

export type RunningUserService = RunningService<UserDeps>
export const startUserService = userService.start

if (import.meta.main) await userService.main()
