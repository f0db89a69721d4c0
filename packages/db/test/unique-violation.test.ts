import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { type OwnTestDatabase, openTestDatabase } from '@myshop/testing'
import { isUniqueViolation } from '../src/index.ts'

let db: OwnTestDatabase
const schema = `uv_${Math.random().toString(36).slice(2, 8)}`
beforeAll(async () => {
  db = await openTestDatabase()
  await db.sql.unsafe(`create schema ${schema};
    create table ${schema}.things (
      id int primary key,
      slug text not null constraint things_slug_key unique
    )`)
}, 60_000)
afterAll(() => db.close())

/** The error a statement fails with. */
const failure = async (run: () => Promise<unknown>) => {
  try {
    await run()
  } catch (error) {
    return error
  }
  throw new Error('the statement succeeded')
}

describe('isUniqueViolation', () => {
  test('recognises a duplicate key, and which constraint it broke', async () => {
    await db.sql.unsafe(`insert into ${schema}.things values (1, 'one')`)
    const error = await failure(() => db.sql.unsafe(`insert into ${schema}.things values (2, 'one')`))
    expect(isUniqueViolation(error)).toBe(true)
    expect(isUniqueViolation(error, 'things_slug_key')).toBe(true)
    expect(isUniqueViolation(error, 'things_pkey')).toBe(false)
  })

  test('refuses other database errors and anything that is not one', async () => {
    const error = await failure(() => db.sql.unsafe(`insert into ${schema}.things values (3, null)`))
    expect((error as { code?: string }).code).toBe('23502')
    expect(isUniqueViolation(error)).toBe(false)
    expect(isUniqueViolation(new Error('duplicate key'))).toBe(false)
    expect(isUniqueViolation(undefined)).toBe(false)
    expect(isUniqueViolation('23505')).toBe(false)
  })
})
