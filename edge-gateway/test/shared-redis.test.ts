import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import Redis from 'ioredis'
import { gatewayConfig } from '../src/config.ts'
import { tcpDeps } from '../src/entry/tcp-deps.ts'

// Two shops' gateways on one Redis, REDIS_PREFIX unset: each derives its namespace from its shop's database.
describe.skipIf(!process.env.REDIS_URL)('two shops’ gateways sharing one Redis', () => {
  const run = crypto.randomUUID().slice(0, 8).replaceAll('-', '')
  const configs = ['east', 'west'].map((shop) =>
    gatewayConfig({
      REDIS_URL: process.env.REDIS_URL,
      DATABASE_URL: `postgres://myshop@127.0.0.1:5432/shop_${shop}_${run}`,
    }),
  )
  const gateways = configs.map(tcpDeps)
  const stores = gateways.map((g) => g.deps.store)

  beforeAll(async () => {
    // The gateway's connection queues nothing: wait until each answers before counting.
    for (const store of stores) {
      for (
        let i = 0;
        i < 200 && !(await store?.check(`warm-up:${run}`, { limit: 100, windowMs: 1_000 }))?.ok;
        i++
      )
        await Bun.sleep(10)
    }
  })

  afterAll(async () => {
    for (const gateway of gateways) await gateway.close()
    // Only this suite's own keys: the shared Redis holds other test processes' too.
    const redis = new Redis(process.env.REDIS_URL!)
    for (const config of configs) {
      const keys = await redis.keys(`${config.redisPrefix}:*`)
      if (keys.length > 0) await redis.del(...keys)
    }
    await redis.quit()
  })

  test('a client that used up its limit at one shop is still let in at the other', async () => {
    const [east, west] = stores
    if (!east || !west) throw new Error('the gateways have no Redis store')
    const limit = { limit: 1, windowMs: 60_000 }
    const key = 'ip:203.0.113.9'
    expect(await east.check(key, limit)).toMatchObject({ ok: true, allowed: true })
    expect(await east.check(key, limit)).toMatchObject({ ok: true, allowed: false })

    expect(await west.check(key, limit)).toMatchObject({ ok: true, allowed: true })
  })
})
