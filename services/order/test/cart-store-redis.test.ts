import { describe, test } from 'bun:test'
import { redisServerPath, testRedis, usePrivateRedis } from '@myshop/testing'
import { redisCartStore } from '../src/carts/redis-store.ts'
import { cartStoreContract } from './cart-store.contract.ts'

// Redis: the shared server when REDIS_URL is set, else a redis-server of the suite's own.
const shared = testRedis()
const own = shared || !redisServerPath ? null : usePrivateRedis()
const namespace = `myshop-test:${crypto.randomUUID()}`

if (shared || own)
  cartStoreContract('Redis', async (ttlMs) =>
    redisCartStore(shared ?? own!.redis, { namespace: `${namespace}:${ttlMs}`, ttlMs }),
  )
else describe.skip('Redis cart store (no REDIS_URL and no redis-server)', () => test('skipped', () => {}))
