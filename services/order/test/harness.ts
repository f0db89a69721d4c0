import { join } from 'node:path'
import { type Db, migrate } from '@myshop/db'
import { silentLogger } from '@myshop/logger'
import { appCaller, testDatabase, testRedis, testTokens } from '@myshop/testing'
import { createApp } from '../src/app.ts'
import { redisCartStore } from '../src/carts/redis-store.ts'
import { postgresCartStore } from '../src/carts/repository.ts'
import type { CartStore } from '../src/carts/store.ts'
import { productCatalog } from '../src/catalog/client.ts'
import type { OrderDeps } from '../src/deps.ts'

export const migrationsDir = join(import.meta.dir, '../../../db/migrations/order')

/** Carts as the service keeps them: in Redis (a namespace of the test's own) when REDIS_URL is set, else PostgreSQL. */
export const testCartStore = (sql: Db, ttlMs = 30 * 24 * 3600 * 1000): CartStore => {
  const redis = testRedis()
  return redis
    ? redisCartStore(redis, { namespace: `myshop-test:${crypto.randomUUID()}`, ttlMs })
    : postgresCartStore(sql, { ttlMs })
}

/** An order service app on the test database, with a clock tests can move forward. */
export const orderHarness = async (overrides: Partial<OrderDeps> = {}) => {
  const { sql, kind } = await testDatabase()
  await migrate(sql, 'orders', migrationsDir)
  const tokens = await testTokens()
  let offsetMs = 0
  let eventsWritten = 0
  const deps: OrderDeps = {
    sql,
    now: () => Date.now() + offsetMs,
    logger: silentLogger(),
    verifier: tokens.verifier(async () => true),
    eventsWritten: () => eventsWritten++,
    carts: testCartStore(sql),
    cartLimits: { maxQuantity: 99, maxLines: 50 },
    // Nothing answers here: tests that price carts pass the catalog of `test/catalog-server.ts`.
    catalog: productCatalog({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 500 }),
    // No service identity: tests that check out pass the sagas of `test/checkout-platform.ts`.
    sagas: {
      owner: `test-${crypto.randomUUID()}`,
      inventory: null,
      payment: null,
      settings: {
        leaseMs: 30_000,
        maxAttempts: 6,
        retryBaseMs: 50,
        retryMaxMs: 60_000,
        inlineWaitMs: 1_500,
        actionTimeoutSeconds: 900,
        pollMs: 5_000,
      },
    },
    ...overrides,
  }
  const app = createApp(deps)
  const call = appCaller(app)
  const as = (token: string) => ({ authorization: `Bearer ${token}` })
  const [admin, customer, support] = await Promise.all([
    tokens.sign({ roles: ['admin'], sub: 'usr_admin' }),
    tokens.sign({ roles: ['customer'], sub: 'usr_customer' }),
    tokens.sign({ roles: ['support'], sub: 'usr_support' }),
  ])
  return {
    sql,
    kind,
    deps,
    app,
    call,
    as,
    tokens,
    admin,
    customer,
    support,
    advance: (ms: number) => {
      offsetMs += ms
    },
    eventsWritten: () => eventsWritten,
  }
}
