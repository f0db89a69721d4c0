import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshPgliteDir, testDatabase, testRedis } from '@myshop/testing'
import { loadOrderConfig } from '../src/config.ts'
import { orderService, type RunningOrderService } from '../src/index.ts'
import { catalogServer, uniqueSku } from './catalog-server.ts'

// The order service as it boots: carts in PostgreSQL (embedded) without Redis, in Redis with it.
const catalog = catalogServer()
const dataDir = mkdtempSync(join(tmpdir(), 'myshop-order-carts-'))
const prefix = `myshop-test:${crypto.randomUUID()}`
const env: Record<string, string> = {
  ORDER_PORT: '0',
  MYSHOP_DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  PRODUCT_SERVICE_URL: catalog.url,
  REDIS_PREFIX: prefix,
}
if (process.env.DATABASE_URL) env.DATABASE_URL = (await testDatabase()).url
else await freshPgliteDir(join(dataDir, 'pg'))
if (process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL
const redis = testRedis()

let running: RunningOrderService | undefined
afterAll(async () => {
  await running?.stop()
  if (redis) {
    const keys = await redis.keys(`${prefix}:cart*`)
    if (keys.length > 0) await redis.del(...keys)
    await redis.quit()
  }
})

const send = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${running!.url}${path}`, {
    method,
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  })
  return { status: res.status, body: await res.json() }
}

describe('carts across a restart of the order service', () => {
  test(`are kept in ${redis ? 'Redis' : 'PostgreSQL'} and are still there after it`, async () => {
    running = await orderService.start(loadOrderConfig(env))
    const sku = catalog.put({ sku: uniqueSku(), price: { amount: 750, currency: 'EUR' } })
    const id = (await send('POST', '/api/v1/carts')).body.id as string
    const cart = (await send('POST', `/api/v1/carts/${id}/items`, { sku, quantity: 4 })).body
    expect(cart.totals).toEqual({ subtotal: 3000, itemCount: 4 })

    const [row] = await running.deps.sql<
      { n: number }[]
    >`select count(*)::int as n from orders.carts where id = ${id}`
    if (redis) {
      expect(await redis.exists(`${prefix}:cart:${id}`)).toBe(1)
      expect(await redis.pttl(`${prefix}:cart:${id}`)).toBeGreaterThan(29 * 24 * 3600 * 1000)
      expect(row!.n).toBe(0)
    } else expect(row!.n).toBe(1)

    await running.stop()
    running = await orderService.start(loadOrderConfig(env))
    expect(await send('GET', `/api/v1/carts/${id}`)).toEqual({ status: 200, body: cart })
  })
})
