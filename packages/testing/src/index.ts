import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect, type Db, startEmbeddedPostgres } from '@myshop/db'
import Redis from 'ioredis'
import { closeAll, closeAtEnd } from './teardown.ts'

const templateDir = join(import.meta.dir, '../../../.myshop/cache/pglite-template')

// A fresh PGlite runs initdb, which takes seconds; copying an initialised data directory takes
// milliseconds, so the template is made once per checkout and copied for every test process.
const pgliteCopy = async (target?: string): Promise<string> => {
  if (!existsSync(templateDir)) {
    const building = `${templateDir}.${process.pid}`
    const embedded = await startEmbeddedPostgres({ dataDir: building })
    await embedded.stop()
    try {
      renameSync(building, templateDir)
    } catch {
      rmSync(building, { recursive: true, force: true })
    }
  }
  const dir = target ?? mkdtempSync(join(tmpdir(), 'myshop-pglite-'))
  cpSync(templateDir, dir, { recursive: true })
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Fills `dir` with a freshly initialised embedded database (removed when the process exits). */
export const freshPgliteDir = (dir: string): Promise<string> => pgliteCopy(dir)

export interface TestDatabase {
  sql: Db
  url: string
  /** `postgres` when DATABASE_URL points at a real server, `pglite` for the embedded one. */
  kind: 'postgres' | 'pglite'
}

/** A database of one's own, with `close()` to drop it (real server) or stop it (PGlite). */
export interface OwnTestDatabase extends TestDatabase {
  close(): Promise<void>
}

/**
 * A fresh database: on the server named by DATABASE_URL a new `myshop_test_…` database (dropped by `close`),
 * otherwise an embedded PGlite copied from an initialised template, reached through one connection.
 */
export const openTestDatabase = async (): Promise<OwnTestDatabase> => {
  const serverUrl = process.env.DATABASE_URL
  if (serverUrl) {
    const name = `myshop_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
    const admin = connect(serverUrl, { max: 1 })
    await admin.unsafe(`create database ${name}`)
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    const sql = connect(url.toString(), { max: 20, applicationName: 'myshop-test' })
    return {
      sql,
      url: url.toString(),
      kind: 'postgres',
      close: async () => {
        await sql.end({ timeout: 5 })
        await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {})
        await admin.end({ timeout: 5 })
      },
    }
  }
  const embedded = await startEmbeddedPostgres({ dataDir: await pgliteCopy() })
  const sql = connect(embedded.url, { max: 1 })
  return {
    sql,
    url: embedded.url,
    kind: 'pglite',
    close: async () => {
      await sql.end({ timeout: 5 })
      await embedded.stop()
    },
  }
}

let database: Promise<TestDatabase> | undefined

/**
 * The database shared by this test process (created on first use). Tests keep out of each other's way with
 * fresh ids and names; a suite that needs a database to itself uses `openTestDatabase`.
 */
export const testDatabase = (): Promise<TestDatabase> => {
  database ??= openTestDatabase().then((db) => {
    // Dropped after the last test (the preload's global afterAll: `bun test` emits no beforeExit), or when a
    // process that is not `bun test` ends; CI also sweeps `myshop_test_%` databases left by killed runs.
    closeAtEnd(() => db.close())
    process.once('beforeExit', () => void closeAll())
    return db
  })
  return database
}

/** A Redis client for REDIS_URL, or null when the suite runs on in-process equivalents. */
export const testRedis = (): Redis | null => {
  const url = process.env.REDIS_URL
  return url ? new Redis(url, { maxRetriesPerRequest: 1 }) : null
}

/** True when the suite runs against real PostgreSQL and Redis (the concurrency suites need both). */
export const hasRealInfrastructure = (): boolean => Boolean(process.env.DATABASE_URL && process.env.REDIS_URL)

/** A unique, valid email for a test account. */
export const uniqueEmail = (label = 'user'): string =>
  `${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@example.com`

/** Sends a JSON request to an in-process app (`app.handle`) or any fetch-like handler. */
export const jsonRequest = (
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Request =>
  new Request(`http://localhost${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })

/** A JSON response as tests read it: status, headers, and the body parsed when it is JSON. */
export interface TestResponse {
  status: number
  headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response bodies
  body: any
}

/** Calls a server over HTTP at `baseUrl` the way `appCaller` calls an in-process app. */
export const httpCaller = (baseUrl: string) =>
  appCaller({
    handle: async (request) => {
      const url = new URL(request.url)
      return fetch(`${baseUrl.replace(/\/+$/, '')}${url.pathname}${url.search}`, {
        method: request.method,
        headers: request.headers,
        ...(request.body && { body: await request.text() }),
      })
    },
  })

/** Calls an in-process app (`app.handle`) with a JSON request and reads the response. */
export const appCaller =
  (app: { handle(request: Request): Promise<Response> }) =>
  async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse> => {
    const res = await app.handle(jsonRequest(method, path, body, headers))
    const text = await res.text()
    let parsed: unknown = null
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = text
    }
    return { status: res.status, headers: res.headers, body: parsed }
  }
export { tamperWithEntry } from './event-store.ts'
export { eventually, privateRedis, redisServerPath, usePrivateRedis } from './private-redis.ts'
export { rewriteAuditEntry } from './tamper.ts'
export { type TestClaims, testTokens } from './tokens.ts'
