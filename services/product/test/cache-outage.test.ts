import { describe, expect, test } from 'bun:test'
import { eventually, redisServerPath, usePrivateRedis } from '@myshop/testing'
import { redisKeyOf, redisResponseCache } from '../src/cache/response-cache.ts'

describe.skipIf(!redisServerPath)('the Redis catalog cache while Redis is away', () => {
  // No offline queue, as the services open theirs: a command refused during the outage is never sent later by the
  // client itself, so what reaches Redis afterwards is the cache's own doing.
  const suite = usePrivateRedis({ commandTimeout: 200, enableOfflineQueue: false })

  const entry = { body: '{"name":"Lantern"}', etag: '"1"' }

  test('reads miss instead of failing, and a write’s invalidations reach Redis once it is back', async () => {
    const cache = redisResponseCache(suite.redis, { retryMs: 50 })
    const key = `product:${crypto.randomUUID()}`
    await cache.set(key, entry, 300)
    const generation = await cache.generation()
    await suite.server.stop()
    try {
      expect(await cache.get(key)).toBeNull()
      expect(await cache.generation()).toBe(-1)
      // A product written meanwhile: its entry and every listing must not outlive the outage.
      await cache.delete([key])
      await cache.bump()
    } finally {
      await suite.server.start()
    }
    // The listings' generation moves after the entries are deleted, so once it has moved both are done.
    await eventually(
      'the listings invalidated',
      async () => Number(await suite.probe.get('myshop:catalog:generation')) === generation + 1,
    )
    expect(await suite.probe.exists(redisKeyOf(key))).toBe(0)
  })

  test('a frozen Redis costs one command timeout, then reads skip it', async () => {
    const cache = redisResponseCache(suite.redis, { pauseMs: 60_000 })
    const key = `product:${crypto.randomUUID()}`
    await cache.set(key, entry, 300)
    expect(await cache.get(key)).toEqual(entry)
    suite.server.freeze()
    try {
      expect(await cache.get(key)).toBeNull()
      // Paused: answered without sending a command, which a frozen server would hold until the timeout.
      const pending = suite.redis.commandQueue.length
      expect(await cache.get(key)).toBeNull()
      expect(suite.redis.commandQueue.length).toBe(pending)
    } finally {
      suite.server.thaw()
    }
  })
})
