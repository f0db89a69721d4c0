import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  createIdempotency,
  fingerprint,
  type IdempotencyOptions,
  idempotencyError,
  idempotencyTableSql,
  isValidIdempotencyKey,
  type Proceed,
} from '../src/index.ts'
import { freshName, openTestDb, type TestDb } from './support.ts'

let db: TestDb

// Booting PGlite compiles its WASM, which takes seconds on a busy machine.
beforeAll(async () => {
  db = await openTestDb()
}, 120_000)
afterAll(async () => {
  await db.close()
})

const freshStore = async (options: Partial<IdempotencyOptions> = {}) => {
  const schema = freshName('idem_test')
  await db.sql.unsafe(`create schema ${schema}`)
  await db.sql.unsafe(idempotencyTableSql(schema))
  return { schema, store: createIdempotency({ sql: db.sql, schema, ...options }) }
}

/** A clock the test moves by hand. */
const manualClock = () => {
  let t = Date.parse('2025-01-01T00:00:00Z')
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) }
}

const body = JSON.stringify({ sku: 'SKU-1', quantity: 2 })
const request = (key: string, b = body) => ({
  scope: 'usr_1',
  key,
  fingerprint: fingerprint('POST', '/api/v1/reservations', b),
})
const created = {
  status: 201,
  headers: { 'content-type': 'application/json', location: '/api/v1/reservations/res_1' },
  body: JSON.stringify({ id: 'res_1', quantity: 2 }),
}

const mustProceed = (result: Awaited<ReturnType<ReturnType<typeof createIdempotency>['begin']>>): Proceed => {
  if (result.kind !== 'proceed') throw new Error(`expected proceed, got ${result.kind}`)
  return result
}

describe('createIdempotency', () => {
  test('replays the identical stored response for the same key and request', async () => {
    const { store } = await freshStore()
    const first = mustProceed(await store.begin(request('k1')))
    await first.complete(created)
    expect(await store.begin(request('k1'))).toEqual({ kind: 'replay', response: created })
    expect(await store.begin(request('k1'))).toEqual({ kind: 'replay', response: created })
  })

  test('reports a mismatch when the key is reused with another body', async () => {
    const { store } = await freshStore()
    await mustProceed(await store.begin(request('k1'))).complete(created)
    expect(await store.begin(request('k1', JSON.stringify({ sku: 'SKU-1', quantity: 3 })))).toEqual({
      kind: 'mismatch',
    })
  })

  test('reports in flight while the first request is running, then replays once it completes', async () => {
    const { store } = await freshStore()
    const first = mustProceed(await store.begin(request('k1')))
    expect(await store.begin(request('k1'))).toEqual({ kind: 'in_flight' })
    // A different body is a misuse of the key whatever the state of the first request.
    expect((await store.begin(request('k1', '{}'))).kind).toBe('mismatch')
    await first.complete(created)
    expect((await store.begin(request('k1'))).kind).toBe('replay')
  })

  test('stores and replays a 4xx response', async () => {
    const { store } = await freshStore()
    const rejected = {
      status: 409,
      headers: { 'content-type': 'application/problem+json' },
      body: '{"code":"conflict"}',
    }
    await mustProceed(await store.begin(request('k1'))).complete(rejected)
    expect(await store.begin(request('k1'))).toEqual({ kind: 'replay', response: rejected })
  })

  test('a 5xx response or a thrown handler releases the key so a retry runs again', async () => {
    const { store } = await freshStore()
    await mustProceed(await store.begin(request('k1'))).complete({ status: 503, headers: {}, body: '' })
    const retry = mustProceed(await store.begin(request('k1')))
    await retry.abandon()
    const again = mustProceed(await store.begin(request('k1')))
    await again.complete(created)
    expect(await store.begin(request('k1'))).toEqual({ kind: 'replay', response: created })
  })

  test('of 50 concurrent begins with one key exactly one proceeds', async () => {
    const { store } = await freshStore()
    const results = await Promise.all(Array.from({ length: 50 }, () => store.begin(request('race'))))
    expect(results.filter((r) => r.kind === 'proceed')).toHaveLength(1)
    expect(results.filter((r) => r.kind === 'in_flight')).toHaveLength(49)
  })

  test('keys of different scopes are independent', async () => {
    const { store } = await freshStore()
    mustProceed(await store.begin(request('k1')))
    expect((await store.begin({ ...request('k1'), scope: 'usr_2' })).kind).toBe('proceed')
  })

  test('a completed key expires after the ttl and is then purged', async () => {
    const clock = manualClock()
    const { store, schema } = await freshStore({ now: clock.now, ttlMs: 24 * 3600_000 })
    await mustProceed(await store.begin(request('k1'))).complete(created)
    clock.advance(24 * 3600_000 - 1)
    expect((await store.begin(request('k1'))).kind).toBe('replay')
    expect(await store.purgeExpired()).toBe(0)
    clock.advance(1)
    expect(await store.purgeExpired()).toBe(1)
    const rows = await db.sql.unsafe(`select count(*)::int as n from ${schema}.idempotency_keys`)
    expect(rows[0]?.n).toBe(0)
    // After expiry the key is new again, even with another body.
    expect((await store.begin(request('k1', '{}'))).kind).toBe('proceed')
  })

  test('an expired key that was never purged is taken over as new', async () => {
    const clock = manualClock()
    const { store } = await freshStore({ now: clock.now, ttlMs: 1000 })
    await mustProceed(await store.begin(request('k1'))).complete(created)
    clock.advance(1000)
    expect((await store.begin(request('k1', '{}'))).kind).toBe('proceed')
  })

  test('a key held by a crashed request is taken over after the lock, and the late request cannot overwrite it', async () => {
    const clock = manualClock()
    const { store } = await freshStore({ now: clock.now, lockMs: 60_000 })
    const crashed = mustProceed(await store.begin(request('k1')))
    clock.advance(59_999)
    expect((await store.begin(request('k1'))).kind).toBe('in_flight')
    clock.advance(1)
    const retry = mustProceed(await store.begin(request('k1')))
    await crashed.complete({ status: 200, headers: {}, body: 'stale' })
    await crashed.abandon()
    expect((await store.begin(request('k1'))).kind).toBe('in_flight')
    await retry.complete(created)
    expect(await store.begin(request('k1'))).toEqual({ kind: 'replay', response: created })
  })

  test('rejects an invalid key before touching the database', async () => {
    const { store } = await freshStore()
    await expect(store.begin(request(''))).rejects.toMatchObject({ code: 'bad_request', status: 400 })
  })
})

describe('isValidIdempotencyKey', () => {
  test('accepts 1 to 255 visible ASCII characters', () => {
    expect(isValidIdempotencyKey('a')).toBe(true)
    expect(isValidIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe(true)
    expect(isValidIdempotencyKey('~!@#$%^&*()_+{}|:"<>?')).toBe(true)
    expect(isValidIdempotencyKey('k'.repeat(255))).toBe(true)
  })

  test('rejects empty, too long, spaces, control and non-ASCII characters', () => {
    for (const bad of ['', 'k'.repeat(256), 'has space', 'tab\there', 'line\nbreak', 'clé', '\u0000']) {
      expect(isValidIdempotencyKey(bad)).toBe(false)
    }
  })
})

describe('fingerprint', () => {
  test('is a stable sha256 of method, path and body', () => {
    const a = fingerprint('POST', '/api/v1/orders', '{"a":1}')
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(fingerprint('post', '/api/v1/orders', '{"a":1}')).toBe(a)
    expect(fingerprint('PUT', '/api/v1/orders', '{"a":1}')).not.toBe(a)
    expect(fingerprint('POST', '/api/v1/orders/1', '{"a":1}')).not.toBe(a)
    expect(fingerprint('POST', '/api/v1/orders', '{"a":2}')).not.toBe(a)
  })
})

describe('idempotencyError', () => {
  test('maps mismatch to 422 and in flight to 409', () => {
    expect(idempotencyError('mismatch')).toMatchObject({ code: 'idempotency_mismatch', status: 422 })
    expect(idempotencyError('in_flight')).toMatchObject({ code: 'idempotency_in_flight', status: 409 })
  })
})

describe('idempotencyTableSql', () => {
  test('matches the DDL documented for schema users, which migrations copy', () => {
    const source = readFileSync(join(import.meta.dir, '../src/tables.ts'), 'utf8')
    const documented = /```sql\n([\s\S]*?)```/.exec(source)?.[1]?.replace(/^ \* ?/gm, '')
    expect(documented).toBe(idempotencyTableSql('users'))
  })

  test('refuses a schema name that is not a plain identifier', () => {
    expect(() => idempotencyTableSql('users; drop table x')).toThrow()
  })
})
