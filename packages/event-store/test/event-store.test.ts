import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { Db } from '@myshop/db'
import { type OwnTestDatabase, openTestDatabase } from '@myshop/testing'
import {
  append,
  entryHash,
  eventStoreSql,
  genesisHash,
  type NewEntry,
  rebuild,
  verify,
} from '../src/index.ts'

let db: OwnTestDatabase
let sql: Db

// Booting PGlite compiles its WASM, which takes seconds on a busy machine.
beforeAll(async () => {
  db = await openTestDatabase()
  sql = db.sql
}, 120_000)
afterAll(async () => {
  await db.close()
})

/** A fresh schema holding nothing but an event store. */
const freshSchema = async () => {
  const schema = `es_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`
  await sql.unsafe(`create schema ${schema}`)
  await sql.unsafe(eventStoreSql(schema))
  return schema
}

const entry = (n: number, stream = 'SKU-1@default'): NewEntry => ({
  streamType: 'stock',
  streamId: stream,
  type: 'stock.adjusted',
  version: 1,
  data: { delta: n, reason: `count ${n}`, nested: { at: [n, 'x'] } },
  actor: 'usr_1',
  occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
})

/** Appends `count` entries, each in a transaction of its own, alternating between two streams. */
const fill = async (schema: string, count: number) => {
  for (let n = 1; n <= count; n++)
    await sql.begin((tx) => append(tx, schema, entry(n, n % 2 ? 'SKU-1@default' : 'SKU-2@default')))
}

/** Runs `change` on the table with its triggers disabled, as a superuser going behind the service's back. */
const behindTheBack = (schema: string, change: string) =>
  sql.begin(async (tx) => {
    await tx.unsafe(`alter table ${schema}.event_store disable trigger event_store_append_only`)
    await tx.unsafe(change)
    await tx.unsafe(`alter table ${schema}.event_store enable always trigger event_store_append_only`)
  })

const seqs = async (schema: string) =>
  (await sql.unsafe(`select seq from ${schema}.event_store order by seq`)).map((r) => Number(r.seq))

describe('append and verify', () => {
  test('an empty chain holds', async () => {
    expect(await verify(sql, await freshSchema())).toEqual({ ok: true, entries: 0 })
  })

  test('links each entry to the one before, starting from the genesis hash, and verifies', async () => {
    const schema = await freshSchema()
    const [first, second] = await sql.begin(async (tx) => [
      await append(tx, schema, entry(1)),
      await append(tx, schema, entry(2)),
    ])
    expect(first!.prevHash).toBe(genesisHash)
    expect(second!.prevHash).toBe(first!.hash)
    expect(first!.hash).toBe(entryHash(first!))
    expect(first).toMatchObject({
      streamType: 'stock',
      streamId: 'SKU-1@default',
      data: entry(1).data,
      occurredAt: '2026-01-01T00:00:01.000Z',
    })
    await fill(schema, 8)
    expect(await verify(sql, schema)).toEqual({ ok: true, entries: 10 })
  })

  test('walks the chain in batches, across batch boundaries', async () => {
    const schema = await freshSchema()
    await fill(schema, 10)
    for (const batchSize of [1, 3, 10, 50])
      expect(await verify(sql, schema, { batchSize })).toEqual({ ok: true, entries: 10 })
  })

  test('an entry whose transaction rolls back leaves no trace in the chain', async () => {
    const schema = await freshSchema()
    await fill(schema, 2)
    await sql
      .begin(async (tx) => {
        await append(tx, schema, entry(3))
        throw new Error('the change failed')
      })
      .catch(() => {})
    await fill(schema, 1)
    expect(await verify(sql, schema)).toEqual({ ok: true, entries: 3 })
  })

  test('rebuild answers one stream’s entries in the order they were appended', async () => {
    const schema = await freshSchema()
    await fill(schema, 7)
    const stream = await rebuild(sql, schema, 'stock', 'SKU-1@default')
    expect(stream.map((e) => (e.data as { delta: number }).delta)).toEqual([1, 3, 5, 7])
    expect(await rebuild(sql, schema, 'stock', 'SKU-9@default')).toEqual([])
  })
})

describe('concurrent appends', () => {
  test('many connections appending at once keep one unbroken chain', async () => {
    const schema = await freshSchema()
    // Against a real server these are 40 transactions on up to 20 connections interleaving; PGlite runs them one
    // at a time.
    await Promise.all(
      Array.from({ length: 40 }, (_, t) =>
        sql.begin(async (tx) => {
          for (let n = 0; n < 5; n++) {
            await tx`select pg_sleep(0.001)`
            await append(tx, schema, entry(n, `SKU-${t}@default`))
          }
        }),
      ),
    )
    expect(await verify(sql, schema)).toEqual({ ok: true, entries: 200 })
    const [row] = await sql.unsafe(
      `select count(distinct prev_hash)::int as links from ${schema}.event_store`,
    )
    expect(row!.links).toBe(200)
  })

  test('an insert that does not link to the last entry is refused', async () => {
    const schema = await freshSchema()
    await fill(schema, 2)
    const [first] = await rebuild(sql, schema, 'stock', 'SKU-1@default')
    const fork = (prevHash: string) =>
      sql.unsafe(
        `insert into ${schema}.event_store (stream_type, stream_id, type, version, data, actor, occurred_at, prev_hash, hash)
         values ('stock', 'x', 'stock.adjusted', 1, '{}', 'usr_1', now(), $1, $2)`,
        [prevHash, 'a'.repeat(64)],
      )
    await expect(fork(first!.hash)).rejects.toThrow(/must link to the last one/)
    await expect(fork(genesisHash)).rejects.toThrow()
    expect(await verify(sql, schema)).toEqual({ ok: true, entries: 2 })
  })
})

describe('the database refuses changes', () => {
  test('UPDATE, DELETE and TRUNCATE are refused', async () => {
    const schema = await freshSchema()
    await fill(schema, 3)
    await expect(sql.unsafe(`update ${schema}.event_store set actor = 'usr_2'`)).rejects.toThrow(
      /append-only: UPDATE/,
    )
    await expect(sql.unsafe(`delete from ${schema}.event_store where seq = 2`)).rejects.toThrow(
      /append-only: DELETE/,
    )
    await expect(sql.unsafe(`truncate ${schema}.event_store`)).rejects.toThrow(/append-only: TRUNCATE/)
    expect(await verify(sql, schema)).toEqual({ ok: true, entries: 3 })
  })

  test('a session in replica mode, which skips ordinary triggers, is refused too', async () => {
    const schema = await freshSchema()
    await fill(schema, 3)
    await expect(
      sql.begin(async (tx) => {
        await tx.unsafe('set local session_replication_role = replica')
        await tx.unsafe(`update ${schema}.event_store set data = '{"delta": 100}' where seq = 2`)
      }),
    ).rejects.toThrow(/append-only/)
    expect(await verify(sql, schema)).toEqual({ ok: true, entries: 3 })
  })
})

describe('tampering behind the database’s back', () => {
  test('a row changed with the triggers disabled is found at its seq', async () => {
    const schema = await freshSchema()
    await fill(schema, 6)
    const target = (await seqs(schema))[3]!
    await behindTheBack(
      schema,
      `update ${schema}.event_store set data = '{"delta": 100}' where seq = ${target}`,
    )
    expect(await verify(sql, schema, { batchSize: 2 })).toEqual({
      ok: false,
      entries: 3,
      firstBroken: { seq: target, reason: 'its hash does not match its contents: the entry was changed' },
    })
  })

  test('a row rewritten with a recomputed hash is found at the entry after it', async () => {
    const schema = await freshSchema()
    await fill(schema, 5)
    const [, second] = await rebuild(sql, schema, 'stock', 'SKU-1@default')
    const forged = entryHash({ ...second!, actor: 'usr_mallory' })
    await behindTheBack(
      schema,
      `update ${schema}.event_store set actor = 'usr_mallory', hash = '${forged}' where seq = ${second!.seq}`,
    )
    const result = await verify(sql, schema)
    expect(result.ok).toBe(false)
    expect(result.firstBroken!.seq).toBe(second!.seq + 1)
    expect(result.firstBroken!.reason).toContain(`does not link to entry ${second!.seq}`)
  })

  test('a deleted middle row is found at the entry after it', async () => {
    const schema = await freshSchema()
    await fill(schema, 5)
    const all = await seqs(schema)
    await behindTheBack(schema, `delete from ${schema}.event_store where seq = ${all[2]}`)
    expect(await verify(sql, schema)).toEqual({
      ok: false,
      entries: 2,
      firstBroken: {
        seq: all[3]!,
        reason: `it does not link to entry ${all[1]}: an entry between them was removed, or entry ${all[1]} was rewritten`,
      },
    })
  })

  test('a deleted first row is found at the new first entry', async () => {
    const schema = await freshSchema()
    await fill(schema, 3)
    const all = await seqs(schema)
    await behindTheBack(schema, `delete from ${schema}.event_store where seq = ${all[0]}`)
    expect((await verify(sql, schema)).firstBroken).toEqual({
      seq: all[1]!,
      reason: 'it does not link to the start of the chain: an entry before it was removed',
    })
  })

  test('a row changed in replica mode with the triggers disabled is found', async () => {
    const schema = await freshSchema()
    await fill(schema, 4)
    const target = (await seqs(schema))[1]!
    await sql.begin(async (tx) => {
      await tx.unsafe(`alter table ${schema}.event_store disable trigger user`)
      await tx.unsafe('set local session_replication_role = replica')
      await tx.unsafe(
        `update ${schema}.event_store set occurred_at = occurred_at + interval '1 day' where seq = ${target}`,
      )
      for (const trigger of ['event_store_link', 'event_store_append_only', 'event_store_no_truncate'])
        await tx.unsafe(`alter table ${schema}.event_store enable always trigger ${trigger}`)
    })
    expect((await verify(sql, schema)).firstBroken).toEqual({
      seq: target,
      reason: 'its hash does not match its contents: the entry was changed',
    })
  })
})
