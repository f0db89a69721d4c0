import { afterAll } from 'bun:test'
import { join } from 'node:path'
import type { Db } from '@myshop/db'
import { migrate } from '@myshop/db'
import { trustNoProxy } from '@myshop/http'
import { silentLogger } from '@myshop/logger'
import { memoryStore, type RateLimitStore } from '@myshop/rate-limit'
import { appCaller, openTestDatabase, testTokens } from '@myshop/testing'
import { createApp } from '../src/app.ts'
import type { CatalogProduct } from '../src/clients/product-directory.ts'
import { httpStockReader } from '../src/clients/stock.ts'
import type { AnalyticsDeps } from '../src/deps.ts'
import type { EventIndex } from '../src/tracking/event-index.ts'
import { clientLimiter } from '../src/tracking/limits.ts'
import { maintainPartitions, storeEvents } from '../src/tracking/service.ts'
import type { TrackingSettings } from '../src/tracking/settings.ts'
import { createBatchWriter } from '../src/tracking/writer.ts'

export const migrationsDir = join(import.meta.dir, '../../../db/migrations/analytics')

/** The address every request of the harness comes from (its socket peer). */
export const shopperAddress = '198.51.100.23'

export interface HarnessOptions {
  sql?: Db
  settings?: Partial<TrackingSettings>
  /** Where rate limits live; in process by default. */
  limits?: RateLimitStore | null
  eventIndex?: EventIndex | null
  bufferMax?: number
  flushRows?: number
  batchRows?: number
  now?: () => number
  /** Where the inventory service answers (see `inventoryStandIn`); nowhere by default. */
  inventoryUrl?: string
}

/**
 * The analytics service's app on a database of its own (or `sql`), dropped after the file's tests: reports sum whole
 * rollup rows, which another file's orders or events on the same days would change. Partitions are made, its product
 * directory answers
 * from `catalog` and `categories`. The batch writer's timer is not started: tests call `flush()` to have accepted
 * events written.
 */
export const analyticsHarness = async (options: HarnessOptions = {}) => {
  const own = options.sql ? null : await openTestDatabase()
  if (own) afterAll(() => own.close())
  const sql = options.sql ?? own!.sql
  await migrate(sql, 'analytics', migrationsDir)
  const tokens = await testTokens()
  const logger = silentLogger()
  const eventIndex = options.eventIndex ?? null
  const catalog: Record<string, CatalogProduct> = {}
  const categories: Record<string, string> = {}
  const lookups: string[] = []
  const deps: AnalyticsDeps = {
    sql,
    now: options.now ?? Date.now,
    logger,
    verifier: tokens.verifier(async () => true),
    eventsWritten: () => {},
    products: {
      product: async (id) => {
        lookups.push(id)
        return catalog[id] ?? null
      },
      categoryName: async (id) => categories[id] ?? null,
    },
    stock: httpStockReader({
      baseUrl: options.inventoryUrl ?? 'http://127.0.0.1:9',
      tokens: {
        token: async () => 'svc-analytics',
        authorization: async () => 'Bearer svc-analytics',
        forget: () => {},
      },
      timeoutMs: 500,
      logger,
    }),
    lowCoverDays: 7,
    tracking: {
      settings: {
        batchMax: 100,
        maxAgeHours: 72,
        retentionDays: 395,
        rateLimit: { limit: 10_000, windowMs: 60_000 },
        ...options.settings,
      },
      writer: createBatchWriter({
        write: (events) => storeEvents(deps, events),
        written: (events) => eventIndex?.add(events),
        flushMs: 60_000,
        flushRows: options.flushRows ?? 500,
        batchRows: options.batchRows ?? 5_000,
        bufferMax: options.bufferMax ?? 50_000,
        logger,
      }),
      limiter: clientLimiter(options.limits === undefined ? memoryStore() : options.limits, logger),
      eventIndex,
      addressing: { peers: { requestIP: () => ({ address: shopperAddress }) }, trustedProxies: trustNoProxy },
    },
  }
  await maintainPartitions(deps)
  const app = createApp(deps)
  const [admin, analyst, customer] = await Promise.all([
    tokens.sign({ roles: ['admin'], sub: 'usr_admin' }),
    tokens.sign({ roles: ['analyst'], sub: 'usr_analyst' }),
    tokens.sign({ roles: ['customer'], sub: 'usr_customer' }),
  ])
  return {
    deps,
    sql,
    app,
    call: appCaller(app),
    as: (token: string) => ({ authorization: `Bearer ${token}` }),
    admin,
    analyst,
    customer,
    tokens,
    catalog,
    categories,
    lookups,
    flush: async () => {
      await deps.tracking.writer.flush()
      await eventIndex?.idle()
    },
  }
}

const unique = () => crypto.randomUUID().replaceAll('-', '').slice(0, 16)

/** A fresh id for a test's anonymous shopper, session or event. */
export const testId = (label: string) => `${label}_${unique()}`

/** A valid event of `type` at `time`, with properties that type takes. */
export const event = (
  type: string,
  time: Date | string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> => ({
  type,
  anonymousId: 'anon_1',
  sessionId: 'ses_1',
  time: typeof time === 'string' ? time : time.toISOString(),
  properties: sampleProperties[type] ?? {},
  ...overrides,
})

export const sampleProperties: Record<string, Record<string, unknown>> = {
  page_view: { path: '/', referrer: 'https://example.com/', title: 'Home' },
  product_view: { productId: 'prd_1', sku: 'LAMP-1' },
  search: { query: 'Desk Lamp', results: 3 },
  add_to_cart: { productId: 'prd_1', sku: 'LAMP-1', quantity: 1, price: 1999, currency: 'EUR' },
  remove_from_cart: { productId: 'prd_1', sku: 'LAMP-1', quantity: 1 },
  checkout_started: { cartId: 'crt_1', value: 1999, currency: 'EUR' },
  purchase: { orderId: 'ord_1', value: 1999, currency: 'EUR' },
}
