import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { testRedis } from '@myshop/testing'
import {
  layeredResponseCache,
  memoryResponseCache,
  type ResponseCache,
  redisResponseCache,
} from '../src/cache/response-cache.ts'
import { type ProductHarness, productHarness } from './harness.ts'

const redis = testRedis()
const caches: [string, () => ResponseCache][] = [
  ['in process', () => memoryResponseCache()],
  ...(redis
    ? ([
        ['Redis', () => redisResponseCache(redis)],
        ['Redis behind an in-process layer', () => layeredResponseCache(redisResponseCache(redis))],
      ] as [string, () => ResponseCache][])
    : []),
]
afterAll(() => redis?.quit())

test('the in-process layer expires, so other instances see a change within its lifetime', async () => {
  let clock = 0
  const shared = memoryResponseCache({ now: () => clock })
  const a = layeredResponseCache(shared, { localTtlMs: 1_000, now: () => clock })
  const b = layeredResponseCache(shared, { localTtlMs: 1_000, now: () => clock })
  await a.set('product:x', { body: 'v1', etag: '"1"' }, 60)
  expect((await b.get('product:x'))?.body).toBe('v1')
  await a.delete(['product:x'])
  await a.set('product:x', { body: 'v2', etag: '"2"' }, 60)
  expect((await a.get('product:x'))?.body).toBe('v2')
  expect((await b.get('product:x'))?.body).toBe('v1')
  clock += 1_001
  expect((await b.get('product:x'))?.body).toBe('v2')
})

test('forgetLocal drops only this process’s copies: the entry and the listing generation come from the shared cache again', async () => {
  const shared = memoryResponseCache()
  const a = layeredResponseCache(shared, { localTtlMs: 60_000 })
  const b = layeredResponseCache(shared, { localTtlMs: 60_000 })
  await a.set('product:x', { body: 'v1', etag: '"1"' }, 60)
  expect((await b.get('product:x'))?.body).toBe('v1')
  expect(await b.generation()).toBe(0)
  await a.delete(['product:x'])
  await a.set('product:x', { body: 'v2', etag: '"2"' }, 60)
  await a.bump()
  expect((await b.get('product:x'))?.body).toBe('v1')
  expect(await b.generation()).toBe(0)
  b.forgetLocal(['product:x'])
  expect((await b.get('product:x'))?.body).toBe('v2')
  expect(await b.generation()).toBe(1)
  expect((await shared.get('product:x'))?.body).toBe('v2')
})

test('a shared-cache read in flight when forgetLocal runs is answered but not kept', async () => {
  const shared = memoryResponseCache()
  await shared.set('product:x', { body: 'old', etag: '"1"' }, 60)
  let release = () => {}
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  let reads = 0
  const slow: ResponseCache = {
    ...shared,
    get: async (key) => {
      reads++
      const value = await shared.get(key)
      if (reads === 1) await gate
      return value
    },
    generation: async () => {
      const value = await shared.generation()
      if (reads === 1) await gate
      return value
    },
  }
  const b = layeredResponseCache(slow, { localTtlMs: 60_000 })
  const entry = b.get('product:x')
  const generation = b.generation()
  await shared.set('product:x', { body: 'new', etag: '"2"' }, 60)
  await shared.bump()
  b.forgetLocal(['product:x'])
  release()
  expect((await entry)?.body).toBe('old')
  expect(await generation).toBe(0)
  expect((await b.get('product:x'))?.body).toBe('new')
  expect(await b.generation()).toBe(1)
  expect(reads).toBe(2)
})

describe.each(caches)('catalog read cache (%s)', (_, makeCache) => {
  let h: ProductHarness
  beforeAll(async () => {
    h = await productHarness({ cache: makeCache() })
  }, 60_000)

  test('an update is visible on the next read of the product and of listings', async () => {
    const p = await h.product({ name: h.unique('Cachey Lamp') })
    const q = `/api/v1/products?q=${encodeURIComponent(p.name)}`
    expect((await h.call('GET', `/api/v1/products/${p.id}`)).headers.get('x-cache')).toBe('MISS')
    expect((await h.call('GET', `/api/v1/products/${p.id}`)).headers.get('x-cache')).toBe('HIT')
    expect((await h.call('GET', q)).body.items.map((i: { id: string }) => i.id)).toContain(p.id)
    expect((await h.call('GET', q)).headers.get('x-cache')).toBe('HIT')

    await h.call('PATCH', `/api/v1/products/${p.id}`, { status: 'archived' }, h.as(h.manager))
    expect((await h.call('GET', `/api/v1/products/${p.id}`)).status).toBe(404)
    const after = await h.call('GET', q)
    expect(after.headers.get('x-cache')).toBe('MISS')
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(p.id)
  })

  test('suggestions are cached, answer If-None-Match with 304, and a new product is suggested on the next read', async () => {
    // A word of its own: the runs of this test against each cache share a catalog, and close names are suggested.
    const stem = `q${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`
    const first = await h.product({ name: `${stem} Kettle` })
    const url = `/api/v1/products/suggest?q=${encodeURIComponent(stem)}`
    const miss = await h.call('GET', url)
    expect(miss.status).toBe(200)
    expect(miss.headers.get('x-cache')).toBe('MISS')
    expect(miss.headers.get('cache-control')).toStartWith('public')
    expect(miss.body).toEqual({ suggestions: [first.name] })
    const hit = await h.call('GET', url)
    expect(hit.headers.get('x-cache')).toBe('HIT')
    expect(hit.body).toEqual(miss.body)
    const etag = hit.headers.get('etag')!
    expect((await h.call('GET', url, undefined, { 'if-none-match': etag })).status).toBe(304)
    // The same text with another limit is another answer.
    expect((await h.call('GET', `${url}&limit=1`)).headers.get('x-cache')).toBe('MISS')

    const second = await h.product({ name: `${stem} Teapot` })
    const after = await h.call('GET', url, undefined, { 'if-none-match': etag })
    expect(after.status).toBe(200)
    expect(after.headers.get('x-cache')).toBe('MISS')
    expect(after.body.suggestions.sort()).toEqual([first.name, second.name].sort())
    // A product taken off sale leaves the suggestions at once too.
    await h.call('PATCH', `/api/v1/products/${second.id}`, { status: 'draft' }, h.as(h.manager))
    expect((await h.call('GET', url)).body).toEqual({ suggestions: [first.name] })
  })

  test('the ETag changes when the product does, and a stale If-None-Match gets the new body', async () => {
    const p = await h.product()
    const first = await h.call('GET', `/api/v1/products/${p.id}`)
    const etag = first.headers.get('etag')!
    await h.call(
      'PATCH',
      `/api/v1/products/${p.id}`,
      { description: 'Now with more detail' },
      h.as(h.manager),
    )
    const second = await h.call('GET', `/api/v1/products/${p.id}`, undefined, { 'if-none-match': etag })
    expect(second.status).toBe(200)
    expect(second.headers.get('etag')).not.toBe(etag)
    expect(second.body.description).toBe('Now with more detail')
  })
})

describe('a read that races a write', () => {
  let h: ProductHarness
  const shared = memoryResponseCache()
  // Holds back the store of one chosen key until released, as a slow reader would be held up.
  let holdKey: string | null = null
  let reachedStore = () => {}
  let releaseStore = () => {}
  const racing: ResponseCache = {
    ...shared,
    async set(key, value, ttl) {
      if (key === holdKey) {
        holdKey = null
        const released = new Promise<void>((resolve) => {
          releaseStore = resolve
        })
        reachedStore()
        await released
      }
      await shared.set(key, value, ttl)
    },
  }
  // Long enough that a slow machine never reaches the second delete before the held-up store lands.
  const settleMs = 1_000
  beforeAll(async () => {
    h = await productHarness({
      cache: racing,
      settings: { maxImageBytes: 2 * 1024 * 1024, publicMaxAgeSeconds: 60, cacheSettleMs: settleMs },
    })
  }, 60_000)

  test('cannot leave the old product cached once the settle delay has passed', async () => {
    const p = await h.product({ name: h.unique('Racing Kettle') })
    const key = `product:${p.id}`
    const reached = new Promise<void>((resolve) => {
      reachedStore = resolve
    })
    holdKey = key
    // The reader renders the product as it is, then is held up before storing it.
    const reader = h.call('GET', `/api/v1/products/${p.id}`)
    await reached
    // A write commits and deletes the entry meanwhile; then the reader stores what it rendered before the write.
    await h.call('PATCH', `/api/v1/products/${p.id}`, { description: 'Changed while read' }, h.as(h.manager))
    releaseStore()
    expect((await reader).body.description).not.toBe('Changed while read')
    const stale = await shared.get(key)
    expect(stale).not.toBeNull()
    expect(stale!.body).not.toContain('Changed while read')
    // The write's second delete, `settleMs` after it, removes it.
    await Bun.sleep(settleMs + 300)
    expect(await shared.get(key)).toBeNull()
    expect((await h.call('GET', `/api/v1/products/${p.id}`)).body.description).toBe('Changed while read')
  })
})
