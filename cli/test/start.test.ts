// `myshop start` and `myshop db migrate` as an operator runs them: real subprocesses on a fresh data directory.
import { afterAll, describe, expect, test } from 'bun:test'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshPgliteDir, type OwnTestDatabase, openTestDatabase } from '@myshop/testing'
import { runCli } from './run-cli.ts'

const cliPath = join(import.meta.dir, '../src/index.ts')
const databases: OwnTestDatabase[] = []
afterAll(async () => {
  for (const db of databases) await db.close()
}, 60_000)

/** An environment for one MyShop: embedded on a fresh data directory, or on a fresh database when DATABASE_URL is set. */
const freshEnv = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'myshop-start-'))
  const env: Record<string, string> = { MYSHOP_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NO_COLOR: '1' }
  if (process.env.DATABASE_URL) {
    // A database of its own: the migration test must see it empty.
    const db = await openTestDatabase()
    databases.push(db)
    await db.sql.end()
    env.USER_DATABASE_URL = db.url
    env.PRODUCT_DATABASE_URL = db.url
  } else await freshPgliteDir(join(dataDir, 'pg'))
  // The suite's own DATABASE_URL / REDIS_URL must not leak into a MyShop meant to use only USER_DATABASE_URL.
  return { dataDir, env: { ...env, DATABASE_URL: '', REDIS_URL: '' } }
}

const run = (args: string[], env: Record<string, string>) => runCli(args, { home: env.MYSHOP_DATA_DIR!, env })

describe('myshop db migrate', () => {
  test('applies the migrations once, then reports the schema up to date', async () => {
    const { env } = await freshEnv()
    const first = await run(['db', 'migrate', '--json'], env)
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toEqual([
      { service: 'user', schema: 'users', applied: '0001_init, 0002_next_signing_key', current: '0002' },
      {
        service: 'product',
        schema: 'catalog',
        applied:
          '0001_init, 0002_search_indexes, 0003_search_versions, 0004_reindex_jobs, 0005_product_category_ids, 0006_category_ids_written_with_products, 0007_name_trigram_counts, 0008_facet_groups, 0009_gin_pending_lists, 0010_folded_search, 0011_brand_price_indexes, 0012_variant_option_search, 0013_option_facets, 0014_set_based_derivations',
        current: '0014',
      },
    ])
    const second = await run(['db', 'migrate', '--json'], env)
    expect(JSON.parse(second.stdout).map((r: { applied: string }) => r.applied)).toEqual([
      'none (up to date)',
      'none (up to date)',
    ])
  }, 60_000)

  test('fails clearly on a database it cannot reach', async () => {
    const { env } = await freshEnv()
    const res = await run(['db', 'migrate'], {
      ...env,
      USER_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
    })
    expect(res.code).not.toBe(0)
    expect(res.stderr).toContain('error')
  }, 60_000)
})

describe('myshop start', () => {
  test('boots the gateway and the user service, serves requests, and stops cleanly on SIGINT', async () => {
    const { env, dataDir } = await freshEnv()
    const proc = Bun.spawn([process.execPath, cliPath, 'start', '--json'], {
      env: { ...process.env, ...env, GATEWAY_PORT: '0', USER_PORT: '0', PRODUCT_PORT: '0' },
      stdout: 'pipe',
      stderr: 'pipe',
      stdin: 'ignore',
    })
    const reader = proc.stdout.getReader()
    let text = ''
    let summary: { mode: string; gateway: string; services: Record<string, string> } | undefined
    while (!summary) {
      const { value, done } = await reader.read()
      if (done) throw new Error(`myshop start exited early: ${await new Response(proc.stderr).text()}`)
      text += new TextDecoder().decode(value)
      try {
        summary = JSON.parse(text)
      } catch {}
    }
    expect(summary.mode).toBe(process.env.DATABASE_URL ? 'distributed' : 'embedded')
    const health = await fetch(`${summary.gateway}/ready`)
    expect(health.status).toBe(200)
    expect(
      ((await health.json()) as { services: Record<string, { status: string }> }).services.user?.status,
    ).toBe('ok')
    if (!process.env.DATABASE_URL) {
      expect(existsSync(join(dataDir, 'myshop.pid'))).toBe(true)
      // A second MyShop on the same data directory is refused instead of corrupting it.
      const second = await run(['start'], { ...env, GATEWAY_PORT: '0', USER_PORT: '0', PRODUCT_PORT: '0' })
      expect(second.code).toBe(1)
      expect(second.stderr).toContain('already running')
    }
    proc.kill('SIGINT')
    expect(await proc.exited).toBe(0)
    expect(existsSync(join(dataDir, 'myshop.pid'))).toBe(false)
  }, 90_000)
})
