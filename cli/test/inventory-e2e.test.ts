// End to end: the inventory commands through the real CLI against MyShop booted as `myshop start` boots it, in
// distributed mode with DATABASE_URL / REDIS_URL, else embedded.
import { describe, expect, test } from 'bun:test'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { uniqueEmail } from '@myshop/testing'
import { generateCatalog } from '../src/catalog/generator.ts'
import { seedQuantity } from '../src/inventory/levels.ts'
import { runCli } from './run-cli.ts'
import { bootForFile } from './test-platform.ts'

const booted = bootForFile('copper-Meadow-71-falcon')
const home = mkdtempSync(join(tmpdir(), 'myshop-cli-inventory-e2e-'))

const cli = (...args: string[]) => runCli([...args, '--url', booted.platform.gatewayUrl], { home })
const json = async (...args: string[]) => {
  const result = await cli(...args, '--json')
  expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: 0, stderr: '' })
  return JSON.parse(result.stdout)
}
const file = (name: string, text: string) => {
  const path = join(home, name)
  writeFileSync(path, text)
  return path
}
type Location = { location: string; onHand: number; reserved: number; available: number }
const onHand = async (sku: string) =>
  Object.fromEntries(
    ((await json('inventory', 'show', sku)).locations as Location[]).map((l) => [l.location, l.onHand]),
  )

describe('myshop inventory against a running MyShop', () => {
  test('seed stocks its SKUs; adjust, threshold, low and import change and show stock through the real inventory service', async () => {
    expect(
      (await cli('login', '--email', booted.admin.email, '--password', booted.admin.password)).code,
    ).toBe(0)
    const seeded = await json('seed', '--products', '3', '--seed', '5', '--yes')
    expect(seeded).toMatchObject({ updated: 0, failed: [] })
    expect(seeded.stock).toMatchObject({ stocked: seeded.created, unchanged: 0, failed: [] })
    // Each SKU the seed created holds its seed quantity, at the location product.created counted it at.
    const skus = [...generateCatalog({ products: 3, seed: 5 })].map((row) => row.sku)
    expect(skus).toHaveLength(seeded.created)
    for (const sku of skus) expect(await onHand(sku)).toEqual({ default: seedQuantity(5, sku) })
    const low = await json('inventory', 'low')
    expect(low).toEqual({ items: [], nextCursor: null })

    const catalog = file(
      'catalog.csv',
      'sku,name,price,currency\nINV-E2E-1,Stock kettle,39.90,EUR\nINV-E2E-2,Stock mug,9.90,EUR\n',
    )
    expect((await cli('catalog', 'import', catalog)).code).toBe(0)
    // The inventory service learns of the SKUs from product.created; import waits for nothing, so poll.
    for (let tries = 0; (await cli('inventory', 'show', 'INV-E2E-2')).code !== 0; tries++) {
      expect(tries).toBeLessThan(100)
      await Bun.sleep(100)
    }
    expect(await onHand('INV-E2E-2')).toEqual({ default: 0 })

    const stock = file(
      'stock.csv',
      'sku,location,on_hand\nINV-E2E-1,default,12\nINV-E2E-1,berlin,4\nINV-E2E-2,default,0\n',
    )
    const imported = await json('inventory', 'import', stock)
    expect(imported).toEqual({
      changed: [
        { line: 2, sku: 'INV-E2E-1', location: 'default', from: 0, to: 12, delta: 12 },
        { line: 3, sku: 'INV-E2E-1', location: 'berlin', from: 0, to: 4, delta: 4 },
      ],
      unchanged: 1,
      failed: [],
    })
    expect(await onHand('INV-E2E-1')).toEqual({ berlin: 4, default: 12 })

    const adjusted = await json('inventory', 'adjust', 'INV-E2E-1', '-5', '--reason', 'damaged')
    expect(adjusted).toMatchObject({
      delta: -5,
      reason: 'damaged',
      location: 'default',
      stock: { onHand: 7 },
    })
    const short = await cli('inventory', 'adjust', 'INV-E2E-1', '-8', '--reason', 'damaged')
    expect(short.code).toBe(1)
    expect(short.stderr).toContain('insufficient_stock')

    expect(await json('inventory', 'threshold', 'INV-E2E-1', '11')).toMatchObject({
      available: 11,
      status: 'low',
    })
    expect((await json('inventory', 'low')).items).toEqual([
      { sku: 'INV-E2E-1', available: 11, threshold: 11, status: 'low' },
    ])

    // One bad line (an unknown SKU) and the whole file is refused: the good line changes nothing either.
    const bad = file('bad.csv', 'sku,location,on_hand\nINV-E2E-1,default,30\nINV-E2E-404,default,1\n')
    const refused = await cli('inventory', 'import', bad)
    expect(refused.code).toBe(1)
    expect(refused.stdout).toMatch(/3\s+INV-E2E-404\s+sku\s+MyShop keeps no stock for this SKU/)
    expect(await onHand('INV-E2E-1')).toEqual({ berlin: 4, default: 7 })

    // A shopper sees availability only, and may not count stock.
    const email = uniqueEmail('shopper')
    const customerHome = mkdtempSync(join(tmpdir(), 'myshop-cli-inventory-e2e-customer-'))
    const asCustomer = (...args: string[]) =>
      runCli([...args, '--url', booted.platform.gatewayUrl], { home: customerHome })
    const password = 'amber-Willow-44-harbor'
    await fetch(`${booted.platform.gatewayUrl}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, name: 'Shopper' }),
    })
    expect((await asCustomer('login', '--email', email, '--password', password)).code).toBe(0)
    const seen = await asCustomer('inventory', 'show', 'INV-E2E-1', '--json')
    expect(JSON.parse(seen.stdout)).toEqual({ sku: 'INV-E2E-1', available: 11, status: 'low' })
    const refusedAdjust = await asCustomer(
      'inventory',
      'adjust',
      'INV-E2E-1',
      '5',
      '--reason',
      'delivery',
      '--json',
    )
    expect(refusedAdjust.code).toBe(1)
    expect(JSON.parse(refusedAdjust.stderr)).toMatchObject({ status: 403 })
    expect(await onHand('INV-E2E-1')).toEqual({ berlin: 4, default: 7 })
  }, 120_000)
})
