// `myshop start` and `myshop db migrate` as an operator runs them: real subprocesses on a fresh data directory.
import { afterAll, describe, expect, test } from 'bun:test'
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshPgliteDir, type OwnTestDatabase, openTestDatabase } from '@myshop/testing'
import { serviceNamesInBootOrder, servicePorts } from '../src/services.ts'
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
    env.INVENTORY_DATABASE_URL = db.url
    env.PAYMENT_DATABASE_URL = db.url
    env.ORDER_DATABASE_URL = db.url
    env.NOTIFICATION_DATABASE_URL = db.url
    env.ANALYTICS_DATABASE_URL = db.url
  } else await freshPgliteDir(join(dataDir, 'pg'))
  // The suite's own DATABASE_URL / REDIS_URL must not leak into a MyShop meant to use only USER_DATABASE_URL.
  return { dataDir, env: { ...env, DATABASE_URL: '', REDIS_URL: '' } }
}

/** What migrating a new database reports: every service in boot order, each with every file of its folder. */
const expectedMigrations = () =>
  serviceNamesInBootOrder.map((service) => {
    const files = readdirSync(join(import.meta.dir, '../../db/migrations', service))
      .filter((file) => file.endsWith('.sql'))
      .sort()
      .map((file) => file.replace(/\.sql$/, ''))
    return {
      service,
      schema: schemas[service],
      applied: files.join(', '),
      current: files.at(-1)!.slice(0, 4),
    }
  })
const schemas = {
  user: 'users',
  product: 'catalog',
  inventory: 'inventory',
  payment: 'payments',
  order: 'orders',
  notification: 'notifications',
  analytics: 'analytics',
}

const run = (args: string[], env: Record<string, string>) => runCli(args, { home: env.MYSHOP_DATA_DIR!, env })

describe('myshop db migrate', () => {
  test('applies the migrations once, then reports the schema up to date', async () => {
    const { env } = await freshEnv()
    const first = await run(['db', 'migrate', '--json'], env)
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toEqual(expectedMigrations())
    const second = await run(['db', 'migrate', '--json'], env)
    expect(JSON.parse(second.stdout).map((r: { applied: string }) => r.applied)).toEqual(
      serviceNamesInBootOrder.map(() => 'none (up to date)'),
    )
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

describe('myshop db migrate names the shop it migrates', () => {
  // The embedded shop is the default when no database URL is set: these run in both modes, with those unset.
  const embeddedEnv = (dataDir: string) => ({
    MYSHOP_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    DATABASE_URL: '',
    REDIS_URL: '',
  })

  test('refuses a folder holding no database, says what to set, and creates nothing; --create migrates it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'myshop-empty-'))
    const refused = await run(['db', 'migrate'], embeddedEnv(dataDir))
    expect(refused.code).toBe(2)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toBe(
      `error: no MyShop database in ${dataDir}. Name the shop to migrate: MYSHOP_DATA_DIR or --data-dir for an ` +
        'embedded one, DATABASE_URL or --database-url for PostgreSQL; or add --create to start a new one there\n',
    )
    expect(readdirSync(dataDir)).toEqual([])
    const created = await run(['db', 'migrate', '--create', '--json'], embeddedEnv(dataDir))
    expect(created.code).toBe(0)
    expect(JSON.parse(created.stdout).map((r: { current: string }) => r.current)).toEqual(
      expectedMigrations().map((r) => r.current),
    )
    expect(created.stderr).toBe(`migrating the embedded database in ${dataDir}\n`)
  }, 60_000)

  test('without MYSHOP_DATA_DIR looks in ./.myshop and says that the variable is unset', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'myshop-cwd-'))
    const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '' }
    delete env.MYSHOP_DATA_DIR
    const child = Bun.spawn([process.execPath, cliPath, 'db', 'migrate'], {
      cwd,
      env,
      stdout: 'pipe',
      stderr: 'pipe',
    })
    expect(await child.exited).toBe(2)
    expect(await new Response(child.stderr).text()).toStartWith(
      `error: no MyShop database in ${join(cwd, '.myshop')} (MYSHOP_DATA_DIR is not set).`,
    )
    expect(readdirSync(cwd)).toEqual([])
  })

  test('refuses while the shop on that folder is running', async () => {
    const { env, dataDir } = await freshEnv()
    // This test process stands in for the running shop: alive, and not the CLI itself.
    writeFileSync(join(dataDir, 'myshop.pid'), String(process.pid))
    const refused = await run(['db', 'migrate', '--data-dir', dataDir], {
      ...env,
      USER_DATABASE_URL: '',
      PRODUCT_DATABASE_URL: '',
      INVENTORY_DATABASE_URL: '',
      PAYMENT_DATABASE_URL: '',
    })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toBe(
      `error: MyShop is running on ${dataDir} (pid ${process.pid}) and applied its migrations at boot; stop it to migrate offline\n`,
    )
  }, 60_000)

  test('--database-url migrates that database and leaves the embedded one alone; --url is no option of it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'myshop-unused-'))
    const unreachable = 'postgres://postgres:secret@127.0.0.1:1/nowhere'
    const failed = await run(['db', 'migrate', '--database-url', unreachable], embeddedEnv(dataDir))
    expect(failed.code).toBe(1)
    expect(failed.stderr).toStartWith('migrating postgres://postgres@127.0.0.1:1/nowhere\nerror: ')
    expect(readdirSync(dataDir)).toEqual([])
    if (process.env.DATABASE_URL) {
      const db = await openTestDatabase()
      databases.push(db)
      await db.sql.end()
      const migrated = await run(['db', 'migrate', '--database-url', db.url, '--json'], embeddedEnv(dataDir))
      expect(migrated.code).toBe(0)
      expect(JSON.parse(migrated.stdout).map((r: { current: string }) => r.current)).toEqual(
        expectedMigrations().map((r) => r.current),
      )
      expect(readdirSync(dataDir)).toEqual([])
    }
    const url = await run(['db', 'migrate', '--url', 'http://127.0.0.1:8080'], embeddedEnv(dataDir))
    expect(url.code).toBe(2)
    expect(url.stderr).toContain("unknown option '--url'")
  }, 60_000)
})

describe('myshop start', () => {
  test('boots the gateway and the user service, serves requests, and stops cleanly on SIGINT', async () => {
    const { env, dataDir } = await freshEnv()
    const proc = Bun.spawn([process.execPath, cliPath, 'start', '--json'], {
      env: {
        ...process.env,
        ...env,
        GATEWAY_PORT: '0',
        ...servicePorts(),
      },
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
      const second = await run(['start'], {
        ...env,
        GATEWAY_PORT: '0',
        ...servicePorts(),
      })
      expect(second.code).toBe(1)
      expect(second.stderr).toContain('already running')
    }
    proc.kill('SIGINT')
    expect(await proc.exited).toBe(0)
    expect(existsSync(join(dataDir, 'myshop.pid'))).toBe(false)
  }, 90_000)

  /** Runs `myshop start` on a fresh folder, expects a refusal that started nothing, and gives its heading and problems. */
  const refusedStart = async (env: Record<string, string>) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'myshop-start-'))
    const res = await run(['start'], { MYSHOP_DATA_DIR: dataDir, DATABASE_URL: '', ...env })
    expect(res.code).toBe(2)
    expect(res.stdout).toBe('')
    expect(res.stderr).not.toMatch(/NaN|received|\n\s+at /)
    // Nothing ran: no embedded database, no pid file.
    expect(readdirSync(dataDir)).toEqual([])
    const lines = res.stderr.split('\n')
    return { heading: lines[0], problems: lines.filter((line) => line.startsWith('  - ')).sort() }
  }

  test('reports every problem of every process together, in words, and starts nothing', async () => {
    const { heading, problems } = await refusedStart({
      LOG_LEVEL: 'loud',
      USER_PORT: 'abc',
      PRODUCT_PORT: '-1',
      GATEWAY_PORT: '99999',
      REDIS_URL: 'redis host',
      MYSHOP_ADMIN_EMAIL: 'owner@example.com',
      MYSHOP_ADMIN_PASSWORD: 'password1',
    })
    expect(problems).toEqual([
      '  - GATEWAY_PORT must be a whole number between 0 and 65535 (0 picks a free port); got "99999". (read by edge-gateway)',
      '  - LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent; got "loud". (read by user, product, inventory, payment, order, notification, analytics, edge-gateway)',
      '  - MYSHOP_ADMIN_PASSWORD is refused: This password is too common or too easy to guess. Choose a stronger passphrase. (read by user)',
      '  - PRODUCT_PORT must be a whole number between 0 and 65535 (0 picks a free port); got "-1". (read by product)',
      '  - REDIS_URL must be a URL (scheme://host…); got "redis host". (read by user, product, inventory, payment, order, notification, analytics, edge-gateway)',
      '  - USER_PORT must be a whole number between 0 and 65535 (0 picks a free port); got "abc". (read by user)',
    ])
    expect(heading).toBe('error: MyShop cannot start. The configuration has 6 problems:')
  }, 60_000)

  test('a weak MYSHOP_ADMIN_PASSWORD alone is a configuration problem: one sentence, exit 2, nothing started', async () => {
    expect(
      await refusedStart({
        REDIS_URL: '',
        MYSHOP_ADMIN_EMAIL: 'owner@example.com',
        MYSHOP_ADMIN_PASSWORD: 'owner@example.com1',
      }),
    ).toEqual({
      heading: 'error: MyShop cannot start. The configuration has a problem:',
      problems: [
        '  - MYSHOP_ADMIN_PASSWORD is refused: This password is too common or too easy to guess. Choose a stronger passphrase. (read by user)',
      ],
    })
  }, 60_000)

  test('reports its problems as a problem document under --json', async () => {
    const res = await run(['start', '--json'], {
      MYSHOP_DATA_DIR: mkdtempSync(join(tmpdir(), 'myshop-start-')),
      USER_PORT: 'abc',
    })
    expect(res.code).toBe(2)
    const problem = JSON.parse(res.stderr)
    expect(problem.code).toBe('invalid_config')
    expect(problem.title).toContain('USER_PORT must be a whole number between 0 and 65535')
  }, 60_000)
})
