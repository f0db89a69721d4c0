import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { memorySessionStore } from '@myshop/auth'
import { startProductService } from '@myshop/product-service'
import { loadProductConfig } from '@myshop/product-service/config'
import { freshPgliteDir, openTestDatabase, testTokens } from '@myshop/testing'
import { productCatalog } from '../src/catalog/client.ts'
import { uniqueSku } from './catalog-server.ts'
import { orderHarness } from './harness.ts'

// The real product service (its own database: embedded, or on DATABASE_URL), trusting the test's signing key.
const tokens = await testTokens()
const jwks = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: () => Response.json(tokens.jwks) })
const dataDir = mkdtempSync(join(tmpdir(), 'myshop-catalog-'))
const env: Record<string, string> = {
  PRODUCT_PORT: '0',
  MYSHOP_DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  JWKS_URL: `http://127.0.0.1:${jwks.port}/`,
}
const db = process.env.DATABASE_URL ? await openTestDatabase() : null
if (db) env.DATABASE_URL = db.url
else await freshPgliteDir(join(dataDir, 'pg'))
const sessions = memorySessionStore()
await sessions.add('ses_test', 'usr_catalog', 3600)
const product = await startProductService(loadProductConfig(env), { sessions })
afterAll(async () => {
  await product.stop()
  await db?.close()
  jwks.stop(true)
})
const manager = await tokens.sign({ roles: ['catalog_manager'], sub: 'usr_catalog' })

const create = async (body: Record<string, unknown>) => {
  const res = await fetch(`${product.url}/api/v1/products`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` },
    body: JSON.stringify({ name: 'Lamp', status: 'active', ...body }),
  })
  if (res.status !== 201) throw new Error(`creating a product answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as { id: string }
}
const variant = (sku: string, amount = 1999, options?: Record<string, string>) => ({
  sku,
  price: { amount, currency: 'EUR' },
  ...(options && { options }),
})

describe('the catalog client against the product service', () => {
  const catalog = productCatalog({ baseUrl: product.url })

  test('prices the SKUs of active products and leaves out draft, archived and unknown ones', async () => {
    const [m, l, draft, archived, unknown] = Array.from({ length: 5 }, () => uniqueSku()) as [
      string,
      string,
      string,
      string,
      string,
    ]
    const shirt = await create({
      name: 'Linen shirt',
      variants: [variant(m, 4900, { Size: 'M' }), variant(l, 5200, { Size: 'L' })],
    })
    await create({ status: 'draft', variants: [variant(draft)] })
    await create({ status: 'archived', variants: [variant(archived)] })
    const found = await catalog.lookup([m, l, draft, archived, unknown])
    expect([...found.keys()].sort()).toEqual([m, l].sort())
    expect(found.get(m)).toEqual({
      sku: m,
      productId: shirt.id,
      name: 'Linen shirt — M',
      price: { amount: 4900, currency: 'EUR' },
    })
  })

  test('asks for more than 100 SKUs in batches', async () => {
    const skus = Array.from({ length: 130 }, () => uniqueSku())
    await create({ variants: skus.slice(0, 65).map((sku) => variant(sku)) })
    await create({ variants: skus.slice(65).map((sku) => variant(sku)) })
    expect((await catalog.lookup(skus)).size).toBe(130)
  })

  test('a cart takes its names and prices from the product service', async () => {
    const sku = uniqueSku()
    await create({ name: 'Desk lamp', variants: [variant(sku, 3450, { Colour: 'Brass' })] })
    const h = await orderHarness({ catalog })
    const id = (await h.call('POST', '/api/v1/carts')).body.id
    const res = await h.call('POST', `/api/v1/carts/${id}/items`, { sku, quantity: 2, price: 1 })
    expect(res.body.items).toMatchObject([
      { sku, name: 'Desk lamp — Brass', unitPrice: 3450, lineTotal: 6900 },
    ])
  })
})

describe('the catalog client when the product service fails', () => {
  test('counts an error answer, a garbled one or no answer in time as unavailable (503, Retry-After)', async () => {
    const answers = [
      () => new Response('boom', { status: 500 }),
      () => new Response('not json', { status: 200 }),
      () => Bun.sleep(2_000).then(() => Response.json({ items: [] })),
    ]
    for (const answer of answers) {
      const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: answer })
      const catalog = productCatalog({ baseUrl: `http://127.0.0.1:${server.port}`, timeoutMs: 300 })
      await expect(catalog.lookup(['A'])).rejects.toMatchObject({
        status: 503,
        code: 'unavailable',
        headers: { 'retry-after': '5' },
      })
      server.stop(true)
    }
  })
})
