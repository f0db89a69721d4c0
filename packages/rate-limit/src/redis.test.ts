import { afterAll, describe, expect, test } from 'bun:test'
import { Redis as Upstash } from '@upstash/redis'
import { RedisClient } from 'bun'
import Redis from 'ioredis'
import { gcra } from './gcra.ts'
import { gcraLua } from './gcra-lua.ts'
import { memoryStore } from './memory.ts'
import { redisStore } from './redis.ts'
import { respStore } from './resp-client.ts'
import { maxKeysPerCall, type RateLimitStore, type ScriptRunner, scriptStore } from './store.ts'
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
  /** Loads the script, so a call counted after this is never a NOSCRIPT retry. */
  const sha = () => redis.script('LOAD', gcraLua)

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
    [
      'redisStore coalescing',
      (now) => redisStore(redis, { prefix: `test:${run}:ioredis-c:`, now, timeoutMs: 2000, coalesce: true }),
    ],
    [
      'respStore coalescing',
      (now) => respStore(native, { prefix: `test:${run}:native-c:`, now, timeoutMs: 2000, coalesce: true }),
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

  describe('coalescing', () => {
    /** A store on ioredis that counts its script calls and the keys each carried. */
    const counted = (prefix: string) => {
      const calls: number[] = []
      const runner: ScriptRunner = {
        evalsha: (sha, keys, args) => {
          calls.push(keys.length)
          return redis.evalsha(sha, keys.length, ...keys, ...args)
        },
        eval: (source, keys, args) => redis.eval(source, keys.length, ...keys, ...args),
      }
      const t = 1_700_000_000_000
      const store = scriptStore(runner, gcraLua, {
        prefix: `test:${run}:${prefix}:`,
        timeoutMs: 2000,
        now: () => t,
        name: 'redis',
        coalesce: true,
      })
      return { store, calls }
    }

    test('asks made in one turn go out as one script call, each answered as if alone and in order', async () => {
      const { store, calls } = counted('turn')
      await sha()
      const present = `test:${run}:turn:session:present`
      await redis.set(present, 'usr_1', 'EX', 60)
      const twice = { limit: 2, windowMs: 1000 }
      // The same key three times in one call is consumed three times, in the order asked.
      const answers = await Promise.all([
        store.checkManyAndExists!([{ key: 'shared', options: twice }], present),
        store.checkManyAndExists!(
          [
            { key: 'shared', options: twice },
            { key: 'own', options: { limit: 5, windowMs: 1000 } },
          ],
          `test:${run}:turn:session:absent`,
        ),
        store.checkMany([{ key: 'shared', options: twice }]),
        store.check('own', { limit: 5, windowMs: 1000 }),
      ])
      expect(calls).toEqual([7])
      expect(answers).toEqual([
        {
          exists: true,
          results: [{ ok: true, allowed: true, limit: 2, remaining: 1, resetMs: 500, retryAfterMs: 0 }],
        },
        {
          exists: false,
          results: [
            { ok: true, allowed: true, limit: 2, remaining: 0, resetMs: 1000, retryAfterMs: 0 },
            { ok: true, allowed: true, limit: 5, remaining: 4, resetMs: 200, retryAfterMs: 0 },
          ],
        },
        [{ ok: true, allowed: false, limit: 2, remaining: 0, resetMs: 1000, retryAfterMs: 500 }],
        { ok: true, allowed: true, limit: 5, remaining: 3, resetMs: 400, retryAfterMs: 0 },
      ])
    })

    test('a burst on one key in one call answers and stores what one call per step would', async () => {
      const prefix = `test:${run}:burst:`
      const t = 1_700_000_000_000
      await sha()
      for (const vector of ['a burst of limit+2 at one instant', 'weighted costs and a peek']) {
        // The steps taken at the vector's first instant, with a second key and a session lookup between them.
        const steps = vectors[vector]!.filter((s) => s.at === 0)
        const keys = steps.flatMap((_, i) =>
          [prefix + vector, `${prefix}other-${vector}`].slice(0, 1 + (i % 2)),
        )
        const args = [String(t * 1000)]
        for (let i = 0, step = 0; i < keys.length; i++) {
          const s = keys[i] === prefix + vector ? steps[step++]!.options : { limit: 3, windowMs: 1000 }
          args.push(String(s.limit), String(s.windowMs), String(s.cost ?? 1))
        }
        const session = `${prefix}session`
        const reply = (await redis.evalsha(
          String(await sha()),
          keys.length + 2,
          ...keys,
          session,
          session,
          ...args,
        )) as number[]

        // One step per call, the in-process math: the same answers, in the same order.
        const alone = memoryStore({ now: () => t })
        const expected: number[] = []
        for (let i = 0, step = 0; i < keys.length; i++) {
          const own = keys[i] === prefix + vector
          const o = own ? steps[step++]!.options : { limit: 3, windowMs: 1000 }
          const r = await alone.check(keys[i]!, o)
          if (!r.ok) throw r.error
          expected.push(r.allowed ? 1 : 0, r.remaining, r.resetMs, r.retryAfterMs)
        }
        expect(reply).toEqual([...expected, 0, 0])
        const own = keys.flatMap((key, i) => (key === prefix + vector ? [reply[i * 4] === 1] : []))
        expect(own).toEqual(expectedOutcomes[vector]!.slice(0, steps.length))

        // The key holds the TAT of the last step allowed, and expires when that step's quota would be back.
        let tat: number | null = null
        let ttlMs = 0
        for (const s of steps) {
          const d = gcra(tat, t * 1000, s.options)
          if (d.newTat !== null) [tat, ttlMs] = [d.newTat, d.ttlMs]
        }
        expect(Number(await redis.get(prefix + vector))).toBe(tat!)
        const pttl = await redis.pttl(prefix + vector)
        expect(pttl).toBeLessThanOrEqual(ttlMs)
        expect(pttl).toBeGreaterThan(ttlMs - 1000)
      }
    })

    test('asks in different turns go out separately', async () => {
      const { store, calls } = counted('turns')
      await sha()
      await store.check('a', { limit: 3, windowMs: 1000 })
      await store.check('a', { limit: 3, windowMs: 1000 })
      expect(calls).toEqual([1, 1])
    })

    test(`a turn's asks are split into calls of at most ${maxKeysPerCall} keys`, async () => {
      const { store, calls } = counted('split')
      await sha()
      const o = { limit: 1000, windowMs: 1000 }
      const n = maxKeysPerCall + 10
      const answers = await Promise.all(Array.from({ length: n }, () => store.check('many', o)))
      expect(calls).toEqual([maxKeysPerCall, 10])
      expect(answers.map((a) => (a.ok ? a.remaining : -1))).toEqual(
        Array.from({ length: n }, (_, i) => 999 - i),
      )
    })

    test('a failed call fails every ask it carried, and the next turn works again', async () => {
      const broken: ScriptRunner = {
        evalsha: () => Promise.reject(new Error('connection lost')),
        eval: () => Promise.reject(new Error('connection lost')),
      }
      const store = scriptStore(broken, gcraLua, { timeoutMs: 2000, name: 'redis', coalesce: true })
      const answers = await Promise.all([
        store.check('x', { limit: 1, windowMs: 1000 }),
        store.checkManyAndExists!([{ key: 'y', options: { limit: 1, windowMs: 1000 } }], 'z'),
      ])
      expect(answers).toEqual([
        { ok: false, error: new Error('connection lost') },
        { ok: false, error: new Error('connection lost') },
      ])
      const { store: working } = counted('recover')
      expect(await working.check('x', { limit: 1, windowMs: 1000 })).toMatchObject({
        ok: true,
        allowed: true,
      })
    })
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
