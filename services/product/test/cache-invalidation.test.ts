import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { memorySessionStore } from '@myshop/auth'
import { redisStreamsBus } from '@myshop/events'
import { hasRealInfrastructure, type OwnTestDatabase, openTestDatabase } from '@myshop/testing'
import Redis from 'ioredis'
import { productCacheKey } from '../src/cache/cache-invalidation.ts'
import { redisKeyOf } from '../src/cache/response-cache.ts'
import { type RunningProductService, startProductService } from '../src/index.ts'
import { distributedConfig, serviceCaller, tokenIssuer } from './harness.ts'

// Two instances on one database and one Redis, each with an in-process cache layer far longer than any test:
// whatever instance B shows after a write through A, it learned from the write's events.
describe.skipIf(!hasRealInfrastructure())('two product-service instances', () => {
  const localTtlMs = 60_000
  let db: OwnTestDatabase
  let jwks: ReturnType<typeof Bun.serve>
  let manager: string
  const clients: Redis[] = []
  const prefix = `myshop_test_${crypto.randomUUID().slice(0, 8)}`
  let a: RunningProductService
  let b: RunningProductService
  let namespace = ''

  beforeAll(async () => {
    db = await openTestDatabase()
    const issuer = await tokenIssuer()
    jwks = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: () => Response.json(issuer.jwks) })
    const sessions = memorySessionStore()
    await sessions.add('ses_test', 'usr_test', 3600)
    manager = await issuer.sign(['catalog_manager'])
    const start = () => {
      // Each instance its own connection and bus, as separate processes would have; events on a fresh prefix.
      const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 2 })
      clients.push(redis)
      const config = distributedConfig(db.url, jwks.port, localTtlMs)
      namespace = config.REDIS_PREFIX
      return startProductService(config, { redis, bus: redisStreamsBus(redis, { prefix }), sessions })
    }
    a = await start()
    b = await start()
  }, 60_000)

  afterAll(async () => {
    await a?.stop()
    await b?.stop()
    const redis = clients[0]
    const streams = redis ? await redis.keys(`${prefix}:*`) : []
    if (streams.length > 0) await redis?.del(...streams)
    for (const redis of clients) await redis.quit()
    await jwks?.stop(true)
    await db?.close()
  })

  const { call, unique, create: createIn } = serviceCaller(() => manager)
  const create = (brand: string) => createIn(a, brand)

  /** Reads on B until `check` holds, for up to three seconds (far less than the in-process layer keeps entries). */
  const eventually = async (path: string, check: (res: Awaited<ReturnType<typeof call>>) => boolean) => {
    const deadline = Date.now() + 3_000
    let res = await call(b, 'GET', path)
    while (!check(res) && Date.now() < deadline) {
      await Bun.sleep(25)
      res = await call(b, 'GET', path)
    }
    return res
  }

  /** Reads on B until it answers from its cache: by then the events of earlier writes have reached it too. */
  const warm = (path: string) => eventually(path, (r) => r.cache === 'HIT')

  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id)

  test('an instance keeps a read in process for CACHE_LOCAL_TTL_MS, not just for a second', async () => {
    const p = await create(unique('Brand'))
    expect((await warm(`/api/v1/products/${p.id}`)).status).toBe(200)
    // Gone from Redis: only B's in-process layer can still answer it.
    const redis = clients[1]!
    expect(await redis.del(redisKeyOf(productCacheKey(p.id), namespace))).toBe(1)
    await Bun.sleep(1_100)
    expect((await call(b, 'GET', `/api/v1/products/${p.id}`)).cache).toBe('HIT')
  })

  test('an update through A (name and price) reaches B’s product and listing reads within moments', async () => {
    const brand = unique('Brand')
    const p = await create(brand)
    const listing = `/api/v1/products?brand=${brand}`
    expect((await warm(`/api/v1/products/${p.id}`)).body.name).toBe(p.name)
    expect((await warm(`/api/v1/products/${p.slug}`)).body.name).toBe(p.name)
    expect((await warm(listing)).body.items).toMatchObject([{ id: p.id, price: { amount: 1999 } }])

    const patched = await call(a, 'PATCH', `/api/v1/products/${p.id}`, {
      name: 'Renamed Lamp',
      variants: [{ sku: p.variants[0].sku, price: { amount: 2499, currency: 'EUR' } }],
    })
    expect(patched.status).toBe(200)

    const byId = await eventually(`/api/v1/products/${p.id}`, (r) => r.body.name === 'Renamed Lamp')
    expect(byId.body).toMatchObject({ name: 'Renamed Lamp', price: { amount: 2499, currency: 'EUR' } })
    const bySlug = await eventually(`/api/v1/products/${p.slug}`, (r) => r.body.name === 'Renamed Lamp')
    expect(bySlug.body).toMatchObject({ name: 'Renamed Lamp', price: { amount: 2499 } })
    const listed = await eventually(listing, (r) => r.body.items[0]?.name === 'Renamed Lamp')
    expect(listed.body.items).toMatchObject([{ id: p.id, name: 'Renamed Lamp', price: { amount: 2499 } }])
  })

  test('a new slug through A makes the old one a 404 on B', async () => {
    const p = await create(unique('Brand'))
    expect((await warm(`/api/v1/products/${p.slug}`)).status).toBe(200)
    const slug = unique('new-slug')
    expect((await call(a, 'PATCH', `/api/v1/products/${p.id}`, { slug })).status).toBe(200)
    expect((await eventually(`/api/v1/products/${p.slug}`, (r) => r.status === 404)).status).toBe(404)
    expect((await call(b, 'GET', `/api/v1/products/${slug}`)).body.id).toBe(p.id)
  })

  test('a delete through A makes the product a 404 on B, by id and by slug, and drops it from listings', async () => {
    const brand = unique('Brand')
    const p = await create(brand)
    const listing = `/api/v1/products?brand=${brand}`
    expect((await warm(`/api/v1/products/${p.id}`)).status).toBe(200)
    expect((await warm(`/api/v1/products/${p.slug}`)).status).toBe(200)
    expect(ids(await warm(listing))).toEqual([p.id])

    expect((await call(a, 'DELETE', `/api/v1/products/${p.id}`)).status).toBe(204)

    expect((await eventually(`/api/v1/products/${p.id}`, (r) => r.status === 404)).status).toBe(404)
    expect((await eventually(`/api/v1/products/${p.slug}`, (r) => r.status === 404)).status).toBe(404)
    expect(ids(await eventually(listing, (r) => r.body.items.length === 0))).toEqual([])
  })

  test('a product created through A appears in a listing B has cached', async () => {
    const brand = unique('Brand')
    const first = await create(brand)
    const listing = `/api/v1/products?brand=${brand}`
    expect(ids(await warm(listing))).toEqual([first.id])

    const second = await create(brand)

    const listed = await eventually(listing, (r) => r.body.items.length === 2)
    expect(ids(listed).sort()).toEqual([first.id, second.id].sort())
  })

  test('a category renamed through A shows its new path in B’s cached product reads', async () => {
    const category = await call(a, 'POST', '/api/v1/categories', { name: unique('Lighting') })
    const created = await call(a, 'POST', '/api/v1/products', {
      name: unique('Lamp'),
      status: 'active',
      categoryIds: [category.body.id],
      variants: [{ sku: unique('SKU').toUpperCase(), price: { amount: 999, currency: 'EUR' } }],
    })
    const p = created.body
    expect((await warm(`/api/v1/products/${p.id}`)).body.categories[0].path).toBe(category.body.name)

    const renamed = unique('Lights')
    expect((await call(a, 'PATCH', `/api/v1/categories/${category.body.id}`, { name: renamed })).status).toBe(
      200,
    )

    const after = await eventually(`/api/v1/products/${p.id}`, (r) => r.body.categories[0].path === renamed)
    expect(after.body.categories[0].path).toBe(renamed)
  })
})
