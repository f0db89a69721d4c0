import { connect, type Db, startEmbeddedPostgres } from '@myshop/db'

/** A fresh, lower-case name for a schema or database. */
export const freshName = (prefix: string) =>
  `${prefix}_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`

export interface TestDb {
  sql: Db
  close(): Promise<void>
}

/**
 * A database of its own for one test file: a fresh database on the server named by DATABASE_URL (dropped at the
 * end), or an in-memory PGlite (one connection) when DATABASE_URL is unset.
 */
export const openTestDb = async (): Promise<TestDb> => {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    const pg = await startEmbeddedPostgres()
    const sql = connect(pg.url, { max: 1 })
    return {
      sql,
      close: async () => {
        await sql.end({ timeout: 5 })
        await pg.stop()
      },
    }
  }
  const name = freshName('myshop_test')
  const admin = connect(serverUrl, { max: 1 })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const sql = connect(url.toString(), { max: 20 })
  return {
    sql,
    close: async () => {
      await sql.end({ timeout: 5 })
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end({ timeout: 5 })
    },
  }
}
