import { describe, expect, test } from 'bun:test'
import { eventually, redisServerPath, usePrivateRedis } from '@myshop/testing'
import { openServiceRedis } from '../src/redis-client.ts'

describe.skipIf(!redisServerPath)('openServiceRedis', () => {
  const suite = usePrivateRedis()

  test('a command refused while Redis is away fails at once and is never sent later', async () => {
    const redis = await openServiceRedis(suite.server.url, { commandTimeoutMs: 200 })
    const key = `myshop:test:${crypto.randomUUID()}`
    try {
      await suite.server.stop()
      try {
        await expect(redis.set(key, 'late')).rejects.toThrow()
      } finally {
        await suite.server.start()
      }
      await eventually('the client reconnected', async () => redis.status === 'ready')
      expect(await redis.ping()).toBe('PONG')
      expect(await suite.probe.exists(key)).toBe(0)
    } finally {
      redis.disconnect()
    }
  })

  test('boot gives up clearly on a Redis that never answers', async () => {
    const probe = Bun.listen({ hostname: '127.0.0.1', port: 0, socket: { data() {} } })
    const port = probe.port
    probe.stop(true)
    await expect(
      openServiceRedis(`redis://127.0.0.1:${port}`, { commandTimeoutMs: 200, connectWithinMs: 300 }),
    ).rejects.toThrow(`Redis at 127.0.0.1:${port} did not answer within 300 ms`)
  })
})
