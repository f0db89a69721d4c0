import { beforeAll, describe, expect, test } from 'bun:test'
import { AppError } from '@myshop/errors'
import { createHttpApp } from '@myshop/http'
import { silentLogger } from '@myshop/logger'
import { jsonRequest, testDatabase } from '@myshop/testing'
import { t } from 'elysia'
import { createIdempotency, idempotencyTableSql, idempotent } from '../src/index.ts'

const schema = `http_idem_${Math.random().toString(36).slice(2, 8)}`
let app: ReturnType<typeof buildApp>
let sql: Awaited<ReturnType<typeof testDatabase>>['sql']
let release: () => void = () => {}
// Handler runs per amount, so a test can tell a replay (no run) from a second run with the same outcome.
const runs = new Map<number, number>()

const buildApp = (db: typeof sql) =>
  createHttpApp({ service: 'test', logger: silentLogger() })
    .use(idempotent(createIdempotency({ sql: db, schema })))
    .post(
      '/charges',
      async ({ body, set }) => {
        runs.set(body.amount, (runs.get(body.amount) ?? 0) + 1)
        if (body.amount === 13) throw new AppError('validation_failed', { detail: 'unlucky amount' })
        if (body.amount === 500) throw new Error('provider exploded')
        if (body.amount === 777) await new Promise<void>((r) => (release = r))
        // Long enough for concurrent requests with one key to overlap the first one's run.
        if (body.amount === 999) await Bun.sleep(100)
        const [row] = await db.unsafe(`insert into ${schema}.charges (amount) values ($1) returning id`, [
          body.amount,
        ])
        set.status = 201
        return { id: row!.id, amount: body.amount }
      },
      { idempotent: true, body: t.Object({ amount: t.Integer() }) },
    )
    .post(
      '/receipts',
      ({ body }) => {
        runs.set(body.amount, (runs.get(body.amount) ?? 0) + 1)
        return Response.json({ amount: body.amount }, { status: 201, headers: { location: '/receipts/1' } })
      },
      { idempotent: true, body: t.Object({ amount: t.Integer() }) },
    )
    .post(
      '/notes',
      async ({ body, set }) => {
        const [row] = await db.unsafe(`insert into ${schema}.charges (amount) values ($1) returning id`, [
          body.amount,
        ])
        set.status = 201
        return { id: row!.id }
      },
      { body: t.Object({ amount: t.Integer() }) },
    )

const charges = async () =>
  Number((await sql.unsafe(`select count(*)::int as n from ${schema}.charges`))[0]!.n)
const post = (body: unknown, key?: string) =>
  app.handle(jsonRequest('POST', '/charges', body, key === undefined ? {} : { 'idempotency-key': key }))
const key = () => `key-${crypto.randomUUID()}`
const keyRows = async (k: string) =>
  Number(
    (await sql.unsafe(`select count(*)::int as n from ${schema}.idempotency_keys where key = $1`, [k]))[0]!.n,
  )

beforeAll(async () => {
  sql = (await testDatabase()).sql
  await sql.unsafe(`create schema ${schema}`)
  await sql.unsafe(idempotencyTableSql(schema))
  await sql.unsafe(`create table ${schema}.charges (id serial primary key, amount int not null)`)
  app = buildApp(sql)
}, 60_000)

describe('Idempotency-Key on an idempotent route', () => {
  test('a retry with the same key and body replays the first response and charges once', async () => {
    const k = key()
    const before = await charges()
    const first = await post({ amount: 100 }, k)
    const firstBody = await first.json()
    const runsBefore = runs.get(100) ?? 0
    const second = await post({ amount: 100 }, k)
    expect(runs.get(100)).toBe(runsBefore)
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(await second.json()).toEqual(firstBody)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(await charges()).toBe(before + 1)
  })

  test('a Response the handler built is stored and replayed with its status and location', async () => {
    const k = key()
    const send = () =>
      app.handle(jsonRequest('POST', '/receipts', { amount: 4242 }, { 'idempotency-key': k }))
    const first = await send()
    expect(first.status).toBe(201)
    const second = await send()
    expect(second.status).toBe(201)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(second.headers.get('location')).toBe('/receipts/1')
    expect(await second.json()).toEqual({ amount: 4242 })
    expect(runs.get(4242)).toBe(1)
  })

  test('the same key with a different body is 422 and charges nothing more', async () => {
    const k = key()
    await post({ amount: 100 }, k)
    const before = await charges()
    const res = await post({ amount: 200 }, k)
    expect(res.status).toBe(422)
    expect(((await res.json()) as { code: string }).code).toBe('idempotency_mismatch')
    expect(await charges()).toBe(before)
  })

  test('a retry while the first is still running is 409', async () => {
    const k = key()
    const first = post({ amount: 777 }, k)
    await Bun.sleep(50)
    const second = await post({ amount: 777 }, k)
    expect(second.status).toBe(409)
    release()
    expect((await first).status).toBe(201)
    expect((await post({ amount: 777 }, k)).headers.get('idempotent-replayed')).toBe('true')
  })

  test('a 4xx answer is stored and replayed; a 5xx frees the key for a retry', async () => {
    const k = key()
    expect((await post({ amount: 13 }, k)).status).toBe(422)
    const replay = await post({ amount: 13 }, k)
    expect(replay.status).toBe(422)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    const k5 = key()
    expect((await post({ amount: 500 }, k5)).status).toBe(500)
    expect(await keyRows(k5)).toBe(0)
  })

  test('without a key the route runs every time; a malformed key is 400', async () => {
    const before = await charges()
    await post({ amount: 1 })
    await post({ amount: 1 })
    expect(await charges()).toBe(before + 2)
    expect((await post({ amount: 1 }, 'bad\u0001key')).status).toBe(400)
    expect((await post({ amount: 1 }, 'x'.repeat(300))).status).toBe(400)
  })
})

describe('concurrent requests with one Idempotency-Key', () => {
  test('run the handler once: one answer, the others replay it or are told it is in flight', async () => {
    const k = key()
    const before = await charges()
    const runsBefore = runs.get(999) ?? 0
    const responses = await Promise.all(Array.from({ length: 8 }, () => post({ amount: 999 }, k)))
    expect(runs.get(999)).toBe(runsBefore + 1)
    expect(await charges()).toBe(before + 1)
    const firsts = responses.filter((r) => r.status === 201 && !r.headers.has('idempotent-replayed'))
    expect(firsts).toHaveLength(1)
    const first = await firsts[0]!.json()
    for (const res of responses) {
      if (res === firsts[0]) continue
      if (res.status === 201) {
        expect(res.headers.get('idempotent-replayed')).toBe('true')
        expect(await res.json()).toEqual(first)
      } else {
        expect(res.status).toBe(409)
        expect(((await res.json()) as { code: string }).code).toBe('idempotency_in_flight')
      }
    }
  })
})

describe('opting in', () => {
  test('a route without the idempotent option runs every time and stores no key', async () => {
    const k = key()
    const before = await charges()
    const send = () => app.handle(jsonRequest('POST', '/notes', { amount: 3 }, { 'idempotency-key': k }))
    expect((await send()).status).toBe(201)
    const second = await send()
    expect(second.status).toBe(201)
    expect(second.headers.has('idempotent-replayed')).toBe(false)
    expect(await charges()).toBe(before + 2)
    expect(await keyRows(k)).toBe(0)
  })

  test('an app without the plugin ignores the header', async () => {
    let ran = 0
    const plain = createHttpApp({ service: 'test', logger: silentLogger() }).post(
      '/charges',
      ({ set }) => {
        ran++
        set.status = 201
        return { ran }
      },
      { body: t.Object({ amount: t.Integer() }) },
    )
    const send = () =>
      plain.handle(jsonRequest('POST', '/charges', { amount: 1 }, { 'idempotency-key': 'same-key' }))
    expect((await send()).status).toBe(201)
    expect(await (await send()).json()).toEqual({ ran: 2 })
  })
})
