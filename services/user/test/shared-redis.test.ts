import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type EventBus, redisStreamsBus, userRegistered } from '@myshop/events'
import {
  eventually,
  hasRealInfrastructure,
  type OwnTestDatabase,
  openTestDatabase,
  uniqueEmail,
} from '@myshop/testing'
import Redis from 'ioredis'
import { redisAttemptStore } from '../src/auth/throttle.ts'
import { loadUserConfig } from '../src/config.ts'
import { type RunningUserService, startUserService } from '../src/index.ts'
import { strongPassword } from './harness.ts'

// Two shops: two databases, one Redis, REDIS_PREFIX unset, as two deployments (or two test processes) sharing a
// Redis are. Each service opens its own Redis connection and bus, so the namespace is the only thing between them.
describe.skipIf(!hasRealInfrastructure())('two shops sharing one Redis', () => {
  const databases: OwnTestDatabase[] = []
  const shops: { service: RunningUserService; namespace: string; maxFailures: number }[] = []
  const redis = hasRealInfrastructure() ? new Redis(process.env.REDIS_URL!) : undefined
  const readers: { bus: EventBus; redis: Redis }[] = []

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const db = await openTestDatabase()
      databases.push(db)
      const config = loadUserConfig({
        DATABASE_URL: db.url,
        REDIS_URL: process.env.REDIS_URL,
        USER_PORT: '0',
        MYSHOP_DATA_DIR: mkdtempSync(join(tmpdir(), 'myshop-user-')),
        LOG_LEVEL: 'silent',
      })
      const service = await startUserService(config)
      shops.push({
        service,
        namespace: config.REDIS_PREFIX,
        maxFailures: config.LOGIN_MAX_FAILURES_PER_CLIENT,
      })
    }
  }, 60_000)

  afterAll(async () => {
    for (const reader of readers) {
      await reader.bus.close()
      await reader.redis.quit()
    }
    for (const { service } of shops) await service.stop()
    // Only this suite's own keys: the shared Redis holds other test processes' too.
    for (const { namespace } of shops) {
      const keys = (await redis?.keys(`${namespace}:*`)) ?? []
      if (keys.length > 0) await redis?.del(...keys)
    }
    await redis?.quit()
    for (const db of databases) await db.close()
  })

  const post = async (service: RunningUserService, path: string, body: unknown) => {
    const res = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as { id: string } }
  }
  const register = async (service: RunningUserService, email: string) => {
    const res = await post(service, '/api/v1/auth/register', {
      email,
      password: strongPassword,
      name: 'Shopper',
    })
    expect(res.status).toBe(201)
    return res.body.id
  }
  const login = async (service: RunningUserService, email: string, password: string) =>
    (await post(service, '/api/v1/auth/login', { email, password })).status

  test('the two services derive two namespaces from their two databases', () => {
    expect(shops).toHaveLength(2)
    expect(shops[0]?.namespace).not.toBe(shops[1]?.namespace)
  })

  test('login failures for an email in one shop do not lock the same email in the other', async () => {
    const [a, b] = shops.map((s) => s.service) as [RunningUserService, RunningUserService]
    const email = uniqueEmail('twoshops')
    await register(a, email)
    await register(b, email)
    const max = shops[0]!.maxFailures
    for (let i = 0; i < max; i++) expect(await login(a, email, `wrong-${i}-abcdef`)).toBe(401)
    expect(await login(a, email, strongPassword)).toBe(429)

    expect(await login(b, email, strongPassword)).toBe(200)
  })

  test('an event published by one shop is not consumed by the other', async () => {
    const [a, b] = shops as [(typeof shops)[0], (typeof shops)[0]]
    // A consumer of shop B, as shop B's services read their events.
    const reader = new Redis(process.env.REDIS_URL!)
    const bus = redisStreamsBus(reader, { prefix: b.namespace })
    readers.push({ bus, redis: reader })
    const seen: string[] = []
    await bus.subscribe('shared-redis-test', 'c1', [userRegistered], (event) => {
      seen.push(event.data.userId)
    })

    const inA = await register(a.service, uniqueEmail('shop-a'))
    await eventually('shop A publishes its registration', async () =>
      ((await redis?.xrange(`${a.namespace}:events:user.registered`, '-', '+')) ?? []).some(([, fields]) =>
        fields.join(' ').includes(inA),
      ),
    )
    // Published after A's: a reader of one shared stream would have been handed A's event first.
    const inB = await register(b.service, uniqueEmail('shop-b'))
    await eventually('shop B consumes its own registration', async () => seen.includes(inB))

    expect(seen).not.toContain(inA)
  })

  test('clearing an account’s counters takes only its own shop’s, whatever characters the namespace holds', async () => {
    // Embedded shops' namespaces hold their data directory's path, where glob characters may appear.
    const tag = crypto.randomUUID().slice(0, 8)
    const mine = redisAttemptStore(redis!, `myshop:embedded:/tmp/${tag}[1]*`)
    const theirs = redisAttemptStore(redis!, `myshop:embedded:/tmp/${tag}[1]x`)
    await mine.fail('acct:one', 900)
    await theirs.fail('acct:one', 900)

    expect(await mine.clear('acct:')).toBe(1)
    expect((await mine.peek('acct:one')).count).toBe(0)
    expect((await theirs.peek('acct:one')).count).toBe(1)
    await theirs.reset('acct:one')
  })
})
