import { describe, expect, test } from 'bun:test'
import { emissionInterval, gcra } from './gcra.ts'
import { memoryStore } from './memory.ts'
import { expectedOutcomes, vectors } from './vectors.ts'

const opts = { limit: 5, windowMs: 1000 }

describe('gcra', () => {
  test('allows exactly `limit` requests in a burst, then rejects with the time to the next slot', () => {
    let tat: number | null = null
    const now = 1_000_000_000
    for (let i = 0; i < 5; i++) {
      const d = gcra(tat, now, opts)
      expect(d.allowed).toBe(true)
      expect(d.remaining).toBe(4 - i)
      tat = d.newTat
    }
    const rejected = gcra(tat, now, opts)
    expect(rejected).toMatchObject({
      allowed: false,
      remaining: 0,
      retryAfterMs: 200,
      resetMs: 1000,
      newTat: null,
    })
  })

  test('refills one request per emission interval', () => {
    const now = 1_000_000_000
    let tat: number | null = null
    for (let i = 0; i < 5; i++) tat = gcra(tat, now, opts).newTat
    expect(gcra(tat, now + 199_000, opts).allowed).toBe(false)
    const d = gcra(tat, now + 200_000, opts)
    expect(d).toMatchObject({ allowed: true, remaining: 0 })
  })

  test('a request costing more than the limit is never allowed', () => {
    expect(gcra(null, 0, { ...opts, cost: 6 }).allowed).toBe(false)
  })

  test('keeps the interval at least one microsecond for huge limits', () => {
    expect(emissionInterval(1e12, 1000)).toBe(1)
    expect(emissionInterval(300, 60_000)).toBe(200_000)
  })

  test('a stale TAT in the past counts as an idle key', () => {
    const d = gcra(5, 1_000_000, opts)
    expect(d).toMatchObject({ allowed: true, remaining: 4, resetMs: 200, newTat: 1_200_000 })
  })
})

describe('memoryStore', () => {
  test('follows the shared vectors', async () => {
    for (const [name, steps] of Object.entries(vectors)) {
      let t = 1_700_000_000_000
      const start = t
      const store = memoryStore({ now: () => t })
      const outcomes: boolean[] = []
      for (const s of steps) {
        t = start + s.at
        const r = await store.check(name, s.options)
        if (!r.ok) throw r.error
        outcomes.push(r.allowed)
      }
      expect({ name, outcomes }).toEqual({ name, outcomes: expectedOutcomes[name]! })
    }
  })

  test('stays within maxKeys by dropping the stalest keys', async () => {
    const t = 1_000
    const store = memoryStore({ maxKeys: 3, now: () => t })
    for (const k of ['a', 'b', 'c', 'd']) await store.check(k, { limit: 1, windowMs: 60_000 })
    // 'a' was evicted, so it gets a fresh quota; 'd' is still remembered and limited.
    expect(await store.check('a', { limit: 1, windowMs: 60_000 })).toMatchObject({ allowed: true })
    expect(await store.check('d', { limit: 1, windowMs: 60_000 })).toMatchObject({ allowed: false })
  })

  test('forgets keys once they expire', async () => {
    let t = 1_000
    const store = memoryStore({ now: () => t })
    expect(await store.check('k', { limit: 1, windowMs: 1000 })).toMatchObject({ allowed: true })
    expect(await store.check('k', { limit: 1, windowMs: 1000 })).toMatchObject({
      allowed: false,
      retryAfterMs: 1000,
    })
    t += 1000
    expect(await store.check('k', { limit: 1, windowMs: 1000 })).toMatchObject({
      allowed: true,
      remaining: 0,
    })
  })

  test('checkMany consumes each key', async () => {
    const store = memoryStore()
    const r = await store.checkMany([
      { key: 'ip', options: { limit: 2, windowMs: 60_000 } },
      { key: 'user', options: { limit: 1, windowMs: 60_000 } },
    ])
    expect(r).toEqual([
      { ok: true, allowed: true, limit: 2, remaining: 1, resetMs: 30_000, retryAfterMs: 0 },
      { ok: true, allowed: true, limit: 1, remaining: 0, resetMs: 60_000, retryAfterMs: 0 },
    ])
  })
})
