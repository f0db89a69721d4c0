import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshPgliteDir, testDatabase } from '@myshop/testing'
import { loadOrderConfig } from '../src/config.ts'
import { orderService } from '../src/index.ts'

describe('the order service', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'myshop-order-'))
  const env: Record<string, string> = { ORDER_PORT: '0', MYSHOP_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }
  if (process.env.DATABASE_URL) env.DATABASE_URL = (await testDatabase()).url
  else await freshPgliteDir(join(dataDir, 'pg'))
  if (process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL
  const running = await orderService.start(loadOrderConfig(env))
  afterAll(() => running.stop())

  test('boots on its own port with its schema migrated and answers /health and /ready', async () => {
    expect((await fetch(`${running.url}/health`)).status).toBe(200)
    const ready = await fetch(`${running.url}/ready`)
    expect(ready.status).toBe(200)
    const [row] = await running.deps.sql<{ n: number }[]>`
      select count(*)::int as n from information_schema.tables where table_schema = 'orders'`
    expect(row!.n).toBeGreaterThanOrEqual(2)
  })

  test('refuses a configuration with a bad service URL, naming the variable', () => {
    expect(() => loadOrderConfig({ ...env, INVENTORY_SERVICE_URL: 'not a url' })).toThrow(
      /INVENTORY_SERVICE_URL/,
    )
  })
})
