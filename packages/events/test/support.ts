import type { Db } from '@myshop/db'
import { openTestDatabase } from '@myshop/testing'
import { Redis } from 'ioredis'
import { z } from 'zod'
import { defineEvent, type EventBus } from '../src/index.ts'

const suffix = () => crypto.randomUUID().replaceAll('-', '').slice(0, 12)

/** A fresh, lower-case name for a schema, database, stream prefix or group. */
export const freshName = (prefix: string) => `${prefix}_${suffix()}`

export interface TestDb {
  sql: Db
  /** True on the embedded PGlite, which allows only one connection. */
  embedded: boolean
  close(): Promise<void>
}

/** A database of its own for one test file (see `openTestDatabase` in @myshop/testing). */
export const openTestDb = async (): Promise<TestDb> => {
  const db = await openTestDatabase()
  return { sql: db.sql, embedded: db.kind === 'pglite', close: db.close }
}

/** A Redis client plus a fresh key prefix; `close()` deletes every key under the prefix. */
export const openTestRedis = (url: string) => {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 })
  const prefix = freshName('myshop_test')
  return {
    redis,
    prefix,
    close: async () => {
      let cursor = '0'
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500)
        if (keys.length > 0) await redis.del(...keys)
        cursor = next
      } while (cursor !== '0')
      await redis.quit()
    },
  }
}

/** Polls `check` until it returns true, failing after `timeoutMs`. */
export const waitFor = async (
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
  label = 'condition',
) => {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`)
    await Bun.sleep(10)
  }
}

/** A test event carrying a number. */
export const pinged = defineEvent({
  type: 'test.pinged',
  version: 1,
  schema: z.object({ n: z.number().int() }),
})

/** Subscription options that retry and reclaim within a test's patience. */
export const fast = { retryDelayMs: 20, visibilityTimeoutMs: 400, blockMs: 50 }

/** Subscribes one consumer to `pinged` and collects the numbers it receives, in delivery order. */
export const collect = async (bus: EventBus, group = 'g', consumer = 'c1') => {
  const seen: number[] = []
  await bus.subscribe(
    group,
    consumer,
    [pinged],
    (e) => {
      seen.push(e.data.n)
    },
    fast,
  )
  return seen
}

/** Starts a broadcast subscription to `pinged` and collects the numbers it hears, in delivery order. */
export const collectBroadcast = async (bus: EventBus) => {
  const seen: number[] = []
  const subscription = await bus.subscribeBroadcast(
    [pinged],
    (e) => {
      seen.push(e.data.n)
    },
    fast,
  )
  return { seen, subscription }
}
