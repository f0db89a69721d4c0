import type { Db } from '@myshop/db'
import { openTestDatabase } from '@myshop/testing'

/** A fresh, lower-case name for a schema or database. */
export const freshName = (prefix: string) =>
  `${prefix}_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`

export interface TestDb {
  sql: Db
  close(): Promise<void>
}

/** A database of its own for one test file (see `openTestDatabase` in @myshop/testing). */
export const openTestDb = async (): Promise<TestDb> => {
  const db = await openTestDatabase()
  return { sql: db.sql, close: db.close }
}
