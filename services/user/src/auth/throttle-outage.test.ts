import { describe, expect, test } from 'bun:test'
import { eventually, redisServerPath, usePrivateRedis } from '@myshop/testing'
import { memoryAttemptStore, redisAttemptStore } from './throttle.ts'
import { outageTolerantAttempts } from './throttle-outage.ts'

describe.skipIf(!redisServerPath)('login failure counters while Redis is away', () => {
  const suite = usePrivateRedis({ commandTimeout: 200, enableOfflineQueue: false })

  test('failures keep counting in process, and still count once Redis is back', async () => {
    const errors: unknown[] = []
    const attempts = outageTolerantAttempts(redisAttemptStore(suite.redis), memoryAttemptStore(), {
      onError: (error) => errors.push(error),
    })
    const key = `acct-${crypto.randomUUID()}`
    expect((await attempts.fail(key, 900)).count).toBe(1)
    await suite.server.stop()
    try {
      expect((await attempts.peek(key)).count).toBe(0)
      expect((await attempts.fail(key, 900)).count).toBe(1)
      expect((await attempts.fail(key, 900)).count).toBe(2)
      expect((await attempts.fail(key, 900)).count).toBe(3)
      const held = await attempts.peek(key)
      expect(held.count).toBe(3)
      expect(held.ttlSeconds).toBeGreaterThan(0)
      expect(errors.length).toBeGreaterThan(0)
    } finally {
      await suite.server.start()
    }
    await eventually('the client reconnected', async () => suite.redis.status === 'ready')
    // Redis kept its one failure from before; the three counted here meanwhile are the higher count.
    expect((await attempts.peek(key)).count).toBe(3)
    await attempts.reset(key)
    expect((await attempts.peek(key)).count).toBe(0)
  })

  test('an unreachable store is not asked at all', async () => {
    const key = `acct-${crypto.randomUUID()}`
    const attempts = outageTolerantAttempts(redisAttemptStore(suite.redis), memoryAttemptStore(), {
      reachable: () => false,
    })
    expect((await attempts.fail(key, 900)).count).toBe(1)
    expect(await suite.redis.exists(`myshop:login-failures:${key}`)).toBe(0)
  })
})
