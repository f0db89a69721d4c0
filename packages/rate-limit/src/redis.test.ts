import { afterAll, describe, expect, test } from 'bun:test'
import { Redis as Upstash } from '@upstash/redis'
import { RedisClient } from 'bun'
import Redis from 'ioredis'
import { redisStore } from './redis.ts'
import { respStore } from './resp-client.ts'
import type { RateLimitStore } from './store.ts'
import { upstashStore } from './upstash.ts'
import { expectedOutcomes, vectors } from './vectors.ts'

const url = process.env.REDIS_URL

/**
 * A local stand-in that speaks Upstash's REST protocol (POST a JSON command array, get `{ result }`)
 * in front of the real Redis, so the real `@upstash/redis` client runs the real script.
 */
const upstashStandIn = (redis: Redis) =>
  Bun.serve({
    port: 0,
    async fetch(req) {
      const encode = req.headers.get('upstash-encoding') === 'base64'
      const enc = (v: unknown): unknown =>
        Array.isArray(v) ? v.map(enc) : typeof v === 'string' && encode ? btoa(v) : v
      const exec = async ([name, ...rest]: (string | number)[]) => {
        try {
          return { result: enc(await redis.call(String(name), ...rest.map(String))) }
        } catch (e) {
          return { error: (e as Error).message }
        }
      }
      const body = (await req.json()) as (string | number)[] | (string | number)[][]
      // The client batches concurrent commands onto /pipeline, one reply per command.
      if (new URL(req.url).pathname === '/pipeline')
        return Response.json(await Promise.all((body as (string | number)[][]).map(exec)))
      const reply = await exec(body as (string | number)[])
      return Response.json(reply, { status: 'error' in reply ? 400 : 200 })
    },
  })

describe.skipIf(!url)('redis-backed stores (REDIS_URL)', () => {
  const redis = new Redis(url ?? '', {
    enableOfflineQueue: true,
    maxRetriesPerRequest: 0,
    lazyConnect: false,
  })
  // The describe body runs even when skipped; Bun's client refuses an empty URL, so it is made only with one.
  const native = url ? new RedisClient(url) : (null as unknown as RedisClient)
  const standIn = upstashStandIn(redis)
  const upstash = new Upstash({
    url: `http://127.0.0.1:${standIn.port}`,
    token: 'local',
    enableTelemetry: false,
  })
  afterAll(() => {
    standIn.stop(true)
    redis.disconnect()
    native?.close()
  })
  const run = `${Date.now()}-${Math.random().toString(36).slice(2)}`

  const stores: [string, (now: () => number) => RateLimitStore][] = [
    ['redisStore', (now) => redisStore(redis, { prefix: `test:${run}:ioredis:`, now, timeoutMs: 2000 })],
    [
      'respStore (Bun RedisClient)',
      (now) => respStore(native, { prefix: `test:${run}:native:`, now, timeoutMs: 2000 }),
    ],
    [
      'upstashStore',
      (now) => upstashStore(upstash, { prefix: `test:${run}:upstash:`, now, timeoutMs: 2000 }),
    ],
  ]

  for (const [name, make] of stores) {
    test(`${name} follows the shared vectors exactly like the in-process math`, async () => {
      for (const [vector, steps] of Object.entries(vectors)) {
        let t = 1_700_000_000_000
        const start = t
        const store = make(() => t)
        const outcomes: boolean[] = []
        for (const s of steps) {
          t = start + s.at
          const r = await store.check(vector, s.options)
          if (!r.ok) throw r.error
          outcomes.push(r.allowed)
        }
        expect({ vector, outcomes }).toEqual({ vector, outcomes: expectedOutcomes[vector]! })
      }
    })

    test(`${name} reports remaining, reset and retry-after`, async () => {
      const t = 1_700_000_000_000
      const store = make(() => t)
      const o = { limit: 2, windowMs: 1000 }
      expect(await store.check('hdr', o)).toEqual({
        ok: true,
        allowed: true,
        limit: 2,
        remaining: 1,
        resetMs: 500,
        retryAfterMs: 0,
      })
      await store.check('hdr', o)
      expect(await store.check('hdr', o)).toEqual({
        ok: true,
        allowed: false,
        limit: 2,
        remaining: 0,
        resetMs: 1000,
        retryAfterMs: 500,
      })
    })

    test(`${name} looks a key up in the same round trip as the limits, without consuming or prefixing it`, async () => {
      const t = 1_700_000_000_000
      const store = make(() => t)
      const present = `test:${run}:${name}:session:present`
      const absent = `test:${run}:${name}:session:absent`
      await redis.set(present, 'usr_1', 'EX', 60)
      const o = { limit: 2, windowMs: 1000 }
      const checks = [
        { key: 'both-ip', options: o },
        { key: 'both-user', options: { limit: 5, windowMs: 1000 } },
      ]
      const first = await store.checkManyAndExists!(checks, present)
      expect(first).toEqual({
        exists: true,
        results: [
          { ok: true, allowed: true, limit: 2, remaining: 1, resetMs: 500, retryAfterMs: 0 },
          { ok: true, allowed: true, limit: 5, remaining: 4, resetMs: 200, retryAfterMs: 0 },
        ],
      })
      const second = await store.checkManyAndExists!(checks, absent)
      expect(second).toMatchObject({ exists: false, results: [{ remaining: 0 }, { remaining: 3 }] })
      // The looked-up key is read, never written or limited.
      expect(await redis.get(present)).toBe('usr_1')
      expect(await redis.exists(absent)).toBe(0)
    })
  }

  test('redisStore reloads the script after SCRIPT FLUSH (EVALSHA falls back to EVAL)', async () => {
    const store = redisStore(redis, { prefix: `test:${run}:flush:` })
    await redis.script('FLUSH')
    const r = await store.checkMany([
      { key: 'a', options: { limit: 3, windowMs: 1000 } },
      { key: 'b', options: { limit: 1, windowMs: 1000 } },
    ])
    expect(r).toMatchObject([
      { ok: true, allowed: true, remaining: 2 },
      { ok: true, allowed: true, remaining: 0 },
    ])
  })

  test('respStore reloads the script after SCRIPT FLUSH', async () => {
    await redis.script('FLUSH')
    const r = await respStore(native, { prefix: `test:${run}:nflush:` }).checkMany([
      { key: 'a', options: { limit: 3, windowMs: 1000 } },
      { key: 'b', options: { limit: 1, windowMs: 1000 } },
    ])
    expect(r).toMatchObject([
      { ok: true, allowed: true, remaining: 2 },
      { ok: true, allowed: true, remaining: 0 },
    ])
  })

  test('upstashStore reloads the script after SCRIPT FLUSH', async () => {
    await redis.script('FLUSH')
    const r = await upstashStore(upstash, { prefix: `test:${run}:uflush:` }).check('a', {
      limit: 3,
      windowMs: 1000,
    })
    expect(r).toMatchObject({ ok: true, allowed: true, remaining: 2 })
  })

  test('redisStore uses the server clock when none is injected', async () => {
    const store = redisStore(redis, { prefix: `test:${run}:clock:` })
    const o = { limit: 1, windowMs: 60_000 }
    expect(await store.check('k', o)).toMatchObject({ ok: true, allowed: true })
    const second = await store.check('k', o)
    expect(second).toMatchObject({ ok: true, allowed: false })
    if (second.ok) expect(second.retryAfterMs).toBeGreaterThan(59_000)
  })
})

describe('stores facing a dead Redis', () => {
  test('redisStore returns a failure quickly instead of throwing', async () => {
    // Nothing listens on port 1; with no offline queue the command fails at once.
    const dead = new Redis({ port: 1, enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true })
    dead.on('error', () => {})
    const started = performance.now()
    const r = await redisStore(dead, { timeoutMs: 200 }).check('k', { limit: 1, windowMs: 1000 })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toBeInstanceOf(Error)
    expect(performance.now() - started).toBeLessThan(500)
    dead.disconnect()
  })

  test('respStore returns a failure quickly instead of throwing', async () => {
    const dead = new RedisClient('redis://127.0.0.1:1', { enableOfflineQueue: false, autoReconnect: false })
    const started = performance.now()
    const r = await respStore(dead, { timeoutMs: 200 }).check('k', { limit: 1, windowMs: 1000 })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toBeInstanceOf(Error)
    expect(performance.now() - started).toBeLessThan(500)
    dead.close()
  })

  test('upstashStore returns a failure when the REST endpoint is unreachable', async () => {
    const dead = new Upstash({ url: 'http://127.0.0.1:1', token: 'x', enableTelemetry: false, retry: false })
    const r = await upstashStore(dead, { timeoutMs: 500 }).check('k', { limit: 1, windowMs: 1000 })
    expect(r.ok).toBe(false)
  })
})
