import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type OwnTestDatabase, openTestDatabase } from '@myshop/testing'
import { migrate, readMigrations } from '../src/index.ts'

let db: OwnTestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
}, 60_000)
afterAll(() => db.close())

const folder = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'myshop-migrations-'))
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql)
  return dir
}
const schemaName = () => `mig_${Math.random().toString(36).slice(2, 8)}`

describe('migrate', () => {
  test('applies pending files in order, once, and records them', async () => {
    const schema = schemaName()
    const dir = folder({
      '0001_things.sql': `create table ${schema}.things (id int primary key);`,
      '0002_more.sql': `alter table ${schema}.things add column name text;`,
    })
    expect(await migrate(db.sql, schema, dir)).toEqual({
      schema,
      applied: ['0001_things', '0002_more'],
      current: 2,
    })
    expect(await migrate(db.sql, schema, dir)).toEqual({ schema, applied: [], current: 2 })
    const rows = await db.sql.unsafe(`select version from ${schema}.schema_migrations order by version`)
    expect(rows.map((r) => r.version)).toEqual([1, 2])
  })

  test('refuses an applied migration that was edited afterwards', async () => {
    const schema = schemaName()
    const dir = folder({ '0001_things.sql': `create table ${schema}.things (id int primary key);` })
    await migrate(db.sql, schema, dir)
    writeFileSync(join(dir, '0001_things.sql'), `create table ${schema}.things (id bigint primary key);`)
    await expect(migrate(db.sql, schema, dir)).rejects.toThrow('edited after it was applied')
  })

  test('a failing file leaves nothing of itself behind', async () => {
    const schema = schemaName()
    const dir = folder({
      '0001_ok.sql': `create table ${schema}.a (id int);`,
      '0002_broken.sql': `create table ${schema}.b (id int); select * from nowhere;`,
    })
    await expect(migrate(db.sql, schema, dir)).rejects.toThrow()
    const [row] =
      await db.sql`select count(*)::int as n from information_schema.tables where table_schema = ${schema}`
    expect(row?.n).toBe(0)
  })

  test('rejects badly named files and gaps in numbering', () => {
    expect(() => readMigrations(folder({ 'init.sql': 'select 1' }))).toThrow('NNNN_name.sql')
    expect(() => readMigrations(folder({ '0001_a.sql': 'select 1', '0003_c.sql': 'select 1' }))).toThrow(
      'without gaps',
    )
  })

  test('concurrent boots apply each file once', async () => {
    const schema = schemaName()
    const dir = folder({
      '0001_counter.sql': `create table ${schema}.counter (n int); insert into ${schema}.counter values (1);`,
    })
    const results = await Promise.all([
      migrate(db.sql, schema, dir),
      migrate(db.sql, schema, dir),
      migrate(db.sql, schema, dir),
    ])
    expect(results.flatMap((r) => r.applied)).toEqual(['0001_counter'])
    const [row] = await db.sql.unsafe(`select count(*)::int as n from ${schema}.counter`)
    expect(row?.n).toBe(1)
  })
})
