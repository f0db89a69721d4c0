import { afterAll, beforeAll, expect, test } from 'bun:test'
import { type OwnTestDatabase, openTestDatabase } from '@myshop/testing'
import { embeddedAutovacuum, tablesDueForVacuum } from '../src/index.ts'

let db: OwnTestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
}, 60_000)
afterAll(() => db.close())

const until = async (check: () => Promise<boolean> | boolean, ms = 20_000) => {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await Bun.sleep(50)
  }
}

test('the tables autovacuum would take are vacuumed and analysed, and only those', async () => {
  const { sql } = db
  const churned = `vac_${Math.random().toString(36).slice(2, 8)}`
  const quiet = `${churned}_quiet`
  // The server's own autovacuum (when there is one) leaves these two alone, so the test sees only ours.
  const conn = await sql.reserve()
  try {
    for (const t of [churned, quiet])
      await conn.unsafe(`create table ${t} (id int primary key, v int) with (autovacuum_enabled = false)`)
    await conn.unsafe(`insert into ${quiet} select g, g from generate_series(1, 1000) g`)
    // Its insert counted before the analysis, not after it: the session reports statistics when it goes idle.
    await conn`select pg_stat_force_next_flush()`
    await conn.unsafe(`analyze ${quiet}`)
    await conn.unsafe(`insert into ${churned} select g, g from generate_series(1, 1000) g`)
    await conn.unsafe(`update ${churned} set v = v + 1`)
    await conn.unsafe(`update ${churned} set v = v + 1`)
    // Statistics reach the shared views when a session goes idle; this one says so at once.
    await conn`select pg_stat_force_next_flush()`
  } finally {
    conn.release()
  }
  await until(async () => (await tablesDueForVacuum(sql)).includes(`public.${churned}`))
  expect(await tablesDueForVacuum(sql)).not.toContain(`public.${quiet}`)

  const vacuumed: string[] = []
  const autovacuum = embeddedAutovacuum(sql, { intervalMs: 50, onVacuumed: (t) => vacuumed.push(...t) })
  await until(() => vacuumed.includes(`public.${churned}`))
  await autovacuum.stop()
  expect(vacuumed).not.toContain(`public.${quiet}`)

  const stats = async () =>
    (
      await sql<{ vacuumed: boolean; analysed: boolean; dead: number }[]>`
        select last_vacuum is not null as vacuumed, last_analyze is not null as analysed, n_dead_tup::int as dead
        from pg_stat_user_tables where relname = ${churned}`
    )[0]!
  await until(async () => (await stats()).vacuumed)
  expect(await stats()).toEqual({ vacuumed: true, analysed: true, dead: 0 })
  expect(await tablesDueForVacuum(sql)).not.toContain(`public.${churned}`)
}, 60_000)
