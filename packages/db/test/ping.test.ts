import { expect, test } from 'bun:test'
import { testDatabase } from '@myshop/testing'
import { connect, ping } from '../src/index.ts'

test('ping resolves while the database answers', async () => {
  const { sql } = await testDatabase()
  expect(await ping(sql)).toBeUndefined()
})

test('ping rejects when nothing answers at the address', async () => {
  const sql = connect('postgres://postgres@127.0.0.1:1/nowhere', { max: 1 })
  try {
    await expect(ping(sql)).rejects.toThrow()
  } finally {
    await sql.end({ timeout: 1 })
  }
})
