import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { memorySessionStore } from '@myshop/auth'
import { hasRealInfrastructure, type OwnTestDatabase, openTestDatabase } from '@myshop/testing'
import Redis from 'ioredis'
import { type RunningProductService, startProductService } from '../src/index.ts'
import { distributedConfig, serviceCaller, tokenIssuer } from './harness.ts'

// Two shops: two databases, one Redis, REDIS_PREFIX unset, as two deployments (or two test processes) sharing a
// Redis are. Each service opens its own Redis connection and bus, so the namespace is the only thing between them.
describe.skipIf(!hasRealInfrastructure())('two shops sharing one Redis', () => {
  const databases: OwnTestDatabase[] = []
  const namespaces: string[] = []
  let jwks: ReturnType<typeof Bun.serve>
  let manager: string
  let a: RunningProductService
  let b: RunningProductService

  beforeAll(async () => {
    const issuer = await tokenIssuer()
    jwks = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: () => Response.json(issuer.jwks) })
    const sessions = memorySessionStore()
    await sessions.add('ses_test', 'usr_test', 3600)
    manager = await issuer.sign(['catalog_manager'])
    const start = async () => {
      const db = await openTestDatabase()
      databases.push(db)
      // Redis alone answers cached reads: no in-process layer to hide what the shared one holds.
      const config = distributedConfig(db.url, jwks.port, 0)
      namespaces.push(config.REDIS_PREFIX)
      return startProductService(config, { sessions })
    }
    a = await start()
    b = await start()
  }, 60_000)

  afterAll(async () => {
    await a?.stop()
    await b?.stop()
    // Only this suite's own keys: the shared Redis holds other test processes' too.
    const redis = new Redis(process.env.REDIS_URL!)
    for (const namespace of namespaces) {
      const keys = await redis.keys(`${namespace}:*`)
      if (keys.length > 0) await redis.del(...keys)
    }
    await redis.quit()
    await jwks?.stop(true)
    for (const db of databases) await db.close()
  })

  const { call, unique, create } = serviceCaller(() => manager)

  /** Reads `path` on `service` twice: the second answer comes from the cache. */
  const cached = async (service: RunningProductService, path: string) => {
    await call(service, 'GET', path)
    const res = await call(service, 'GET', path)
    expect(res.cache).toBe('HIT')
    return res
  }

  test('the two services derive two namespaces from their two databases', () => {
    expect(namespaces).toHaveLength(2)
    expect(namespaces[0]).not.toBe(namespaces[1])
    for (const namespace of namespaces) expect(namespace).toStartWith('myshop:myshop_test_')
  })

  test('a listing cached by one shop is never served by the other', async () => {
    const brand = unique('Brand')
    const product = await create(a, brand)
    const listing = `/api/v1/products?brand=${brand}`
    expect((await cached(a, listing)).body.items.map((i: { id: string }) => i.id)).toEqual([product.id])

    const other = await call(b, 'GET', listing)
    expect(other.status).toBe(200)
    expect(other.cache).not.toBe('HIT')
    expect(other.body.items).toEqual([])
    expect((await call(b, 'GET', `/api/v1/products/${product.id}`)).status).toBe(404)
  })

  test('a write in one shop leaves the other shop’s cached listings in place', async () => {
    const brand = unique('Brand')
    await create(a, brand)
    const listing = `/api/v1/products?brand=${brand}`
    await cached(a, listing)

    await create(b, unique('Brand'))

    expect((await call(a, 'GET', listing)).cache).toBe('HIT')
  })
})
