import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import { freshPgliteDir } from '@myshop/testing'
import { connect, type Db, startEmbeddedPostgres } from '../src/index.ts'

/** An initialised data directory of its own (copied from a template: initdb takes seconds). */
const dataDir = () => freshPgliteDir(mkdtempSync(join(tmpdir(), 'myshop-db-test-')))

// Embedded PGlite is one session reached through one connection: a statement that fails in a way the client and
// the server disagree about leaves every later query of the process waiting. Each failure kind is driven here on
// one connection, among other queries in flight (the client pipelines them), and each query must get its own
// answer afterwards. The same holds against a real server, where the connection is one of a pool.
const targets: { name: string; open: () => Promise<{ sql: Db; close: () => Promise<void> }> }[] = [
  {
    name: 'embedded PGlite',
    open: async () => {
      const embedded = await startEmbeddedPostgres({ dataDir: await dataDir() })
      const sql = connect(embedded.url, { max: 1 })
      return {
        sql,
        close: async () => {
          await sql.end({ timeout: 5 })
          await embedded.stop()
        },
      }
    },
  },
]
const serverUrl = process.env.DATABASE_URL
if (serverUrl)
  targets.push({
    name: 'PostgreSQL server',
    open: async () => {
      const sql = connect(serverUrl, { max: 1 })
      return { sql, close: () => sql.end({ timeout: 5 }) }
    },
  })

for (const target of targets)
  describe(`one connection to ${target.name}`, () => {
    let sql: Db
    let close: () => Promise<void>
    beforeAll(async () => {
      ;({ sql, close } = await target.open())
    }, 60_000)
    afterAll(() => close())

    /** Queries that must each get their own answer, sent alongside the failing ones. */
    const numbered = (from: number) =>
      Array.from({ length: 3 }, (_, i) =>
        sql<{ n: number }[]>`select ${from + i}::int as n`.then((r) => r[0]!.n),
      )

    const stillAnswers = async () => {
      expect(await Promise.all(numbered(100))).toEqual([100, 101, 102])
      expect((await sql`select 1 as one`)[0]!.one).toBe(1)
    }

    test('recovers from statements the server refuses, alone and among others', async () => {
      for (let round = 0; round < 3; round++) {
        const results = await Promise.allSettled([
          ...numbered(round * 10),
          sql`select ${'not a number'}::bigint`,
          sql`select ${'a\u0000b'}::text`,
          ...numbered(round * 10 + 3),
        ])
        expect(
          results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as { code: string }).code)),
        ).toEqual([
          round * 10,
          round * 10 + 1,
          round * 10 + 2,
          '22P02',
          '22021',
          round * 10 + 3,
          round * 10 + 4,
          round * 10 + 5,
        ])
      }
      await stillAnswers()
    })

    test('recovers from a parameter the client cannot encode, when its statement is already prepared', async () => {
      // The first run prepares the statement; the later ones encode the parameter as soon as they are queued,
      // behind the queries in flight: that is where a failure used to strand the queue.
      await sql`select ${'2026-01-01T00:00:00Z'}::timestamptz as at`
      for (let round = 0; round < 3; round++) {
        const results = await Promise.allSettled([
          ...numbered(round * 10),
          sql`select ${'true'}::timestamptz as at`,
          ...numbered(round * 10 + 3),
        ])
        expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'refused'))).toEqual([
          round * 10,
          round * 10 + 1,
          round * 10 + 2,
          'refused',
          round * 10 + 3,
          round * 10 + 4,
          round * 10 + 5,
        ])
        expect((results[3] as PromiseRejectedResult).reason).toBeInstanceOf(RangeError)
      }
      await stillAnswers()
    })

    test('recovers from a transaction aborted by a failed statement, and keeps none of its writes', async () => {
      await sql`create temporary table if not exists kept (n int)`
      for (let round = 0; round < 3; round++) {
        const outcome = await sql
          .begin(async (tx) => {
            await tx`insert into kept values (${round})`
            await tx`select ${'not a number'}::bigint`.catch(() => {})
            // The transaction is aborted: PostgreSQL refuses everything until it ends.
            await tx`insert into kept values (${round + 100})`
          })
          .then(
            () => 'committed',
            (e: { code?: string }) => e.code ?? String(e),
          )
        expect(['22P02', '25P02']).toContain(outcome)
        const encoded = await sql
          .begin(async (tx) => {
            await tx`insert into kept values (${round})`
            await tx`select ${'true'}::timestamptz`
          })
          .then(
            () => 'committed',
            (e: unknown) => (e instanceof RangeError ? 'refused' : String(e)),
          )
        expect(encoded).toBe('refused')
      }
      expect((await sql`select count(*)::int as n from kept`)[0]!.n).toBe(0)
      await stillAnswers()
    })
  })

describe('the embedded server when PGlite itself throws while running a message', () => {
  // Not a PostgreSQL error (those come back as ErrorResponse) but an exception out of PGlite: the socket server
  // drops that connection, and the shipped server then never ran another query for anyone. MyShop applies a patch
  // (patches/@electric-sql%2Fpglite-socket@*.patch); the client reconnects and the next queries are answered.
  test('drops only that connection; the next queries are answered', async () => {
    const db = await PGlite.create(await dataDir())
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 })
    await server.start()
    const sql = connect(`postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`, { max: 1 })
    try {
      expect((await sql`select 1 as one`)[0]!.one).toBe(1)
      const run = db.execProtocolRawStream.bind(db)
      let failures = 0
      db.execProtocolRawStream = (message, options) => {
        if (failures === 0 && Buffer.from(message).includes('fails inside PGlite')) {
          failures++
          throw new RangeError('Maximum call stack size exceeded')
        }
        return run(message, options)
      }
      await expect(sql`select 'fails inside PGlite' as x`).rejects.toMatchObject({
        code: 'CONNECTION_CLOSED',
      })
      expect(failures).toBe(1)
      expect(await Promise.all([1, 2, 3].map(async (n) => (await sql`select ${n}::int as n`)[0]!.n))).toEqual(
        [1, 2, 3],
      )
    } finally {
      await sql.end({ timeout: 5 })
      await server.stop()
      await db.close()
    }
  })
})
