import { describe, expect, test } from 'bun:test'
import { redisServerPath, testRedis, usePrivateRedis } from '@myshop/testing'
import { redisCartStore } from '../src/carts/redis-store.ts'
import { postgresCartStore } from '../src/carts/repository.ts'
import type { CartStore } from '../src/carts/store.ts'
import { productCatalog } from '../src/catalog/client.ts'
import { catalogServer, uniqueSku } from './catalog-server.ts'
import { orderHarness } from './harness.ts'

// Against the real servers when DATABASE_URL and REDIS_URL are set; PGlite and a redis-server of the suite's own
// otherwise.
const catalog = catalogServer()
const shared = testRedis()
const own = shared || !redisServerPath ? null : usePrivateRedis()
const base = await orderHarness({ catalog: productCatalog({ baseUrl: catalog.url }) })
const stores: [string, () => CartStore][] = [
  ['PostgreSQL', () => postgresCartStore(base.sql, { ttlMs: 3600_000 })],
  ...(shared || own
    ? [
        [
          'Redis',
          () =>
            redisCartStore(shared ?? own!.redis, {
              namespace: `myshop-test:${crypto.randomUUID()}`,
              ttlMs: 3600_000,
            }),
        ] as [string, () => CartStore],
      ]
    : []),
]

describe.each(stores)('concurrent changes to one cart in %s', (_, store) => {
  test('many concurrent adds through the API lose none', async () => {
    const h = await orderHarness({ catalog: productCatalog({ baseUrl: catalog.url }), carts: store() })
    const skus = Array.from({ length: 15 }, () => catalog.put({ sku: uniqueSku() }))
    const id = (await h.call('POST', '/api/v1/carts')).body.id as string
    const adds = skus.flatMap((sku) => [sku, sku, sku])
    const results = await Promise.all(
      adds.map((sku) => h.call('POST', `/api/v1/carts/${id}/items`, { sku, quantity: 1 })),
    )
    expect(results.map((r) => r.status)).toEqual(adds.map(() => 200))
    const cart = (await h.call('GET', `/api/v1/carts/${id}`)).body
    expect(cart.items).toHaveLength(skus.length)
    for (const item of cart.items) expect(item.quantity).toBe(3)
    expect(cart.totals.itemCount).toBe(adds.length)
  })

  test('a guest cart used at once by its shopper’s concurrent requests is merged once', async () => {
    const h = await orderHarness({ catalog: productCatalog({ baseUrl: catalog.url }), carts: store() })
    const user = await h.tokens.sign({ roles: ['customer'], sub: 'usr_concurrent' })
    const [mine, theirs] = [catalog.put({ sku: uniqueSku() }), catalog.put({ sku: uniqueSku() })]
    const own = (await h.call('POST', '/api/v1/carts', undefined, h.as(user))).body.id as string
    await h.call('POST', `/api/v1/carts/${own}/items`, { sku: mine, quantity: 1 }, h.as(user))
    const guest = (await h.call('POST', '/api/v1/carts')).body.id as string
    await h.call('POST', `/api/v1/carts/${guest}/items`, { sku: theirs, quantity: 2 })
    const reads = await Promise.all(
      Array.from({ length: 8 }, () => h.call('GET', `/api/v1/carts/${guest}`, undefined, h.as(user))),
    )
    for (const r of reads.filter((r) => r.status === 200)) expect(r.body.id).toBe(own)
    const cart = (await h.call('GET', `/api/v1/carts/${own}`, undefined, h.as(user))).body
    expect(cart.items.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([
      [mine, 1],
      [theirs, 2],
    ])
  })
})
