import { connect, type Db, startEmbeddedPostgres } from '@myshop/db'
import { Redis } from 'ioredis'

const suffix = () => crypto.randomUUID().replaceAll('-', '').slice(0, 12)

/** A fresh, lower-case name for a schema, database, stream prefix or group. */
export const freshName = (prefix: string) => `${prefix}_${suffix()}`

export interface TestDb {
  sql: Db
  /** True on the embedded PGlite, which allows only one connection. */
  embedded: boolean
  close(): Promise<void>
}

/**
 * A database of its own for one test file: a fresh database on the server named by DATABASE_URL (dropped at the
 * end), or an in-memory PGlite when DATABASE_URL is unset.
 */
export const openTestDb = async (): Promise<TestDb> => {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    const pg = await startEmbeddedPostgres()
    const sql = connect(pg.url, { max: 1 })
    return {
      sql,
      embedded: true,
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
  const sql = connect(url.toString(), { max: 10 })
  return {
    sql,
    embedded: false,
    close: async () => {
      await sql.end({ timeout: 5 })
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end({ timeout: 5 })
    },
  }
}

/** A Redis client plus a fresh key prefix; `close()` deletes every key under the prefix. */
export const openTestRedis = (url: string) => {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 })
  const prefix = freshName('myshop_test')
  return {
    redis,
    prefix,
    close: async () => {
      let cursor = '0'
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500)
        if (keys.length > 0) await redis.del(...keys)
        cursor = next
      } while (cursor !== '0')
      await redis.quit()
    },
  }
}

/** Polls `check` until it returns true, failing after `timeoutMs`. */
export const waitFor = async (
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
  label = 'condition',
) => {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`)
    await Bun.sleep(10)
  }
}
