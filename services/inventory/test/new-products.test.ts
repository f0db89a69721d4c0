import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { memoryBus, productUpdated } from '@myshop/events'
import { eventually, testDatabase } from '@myshop/testing'
import { inventoryService } from '../src/index.ts'
import { adjustStock, countNewSkus } from '../src/stock/service.ts'
import { inventoryHarness, productCreatedEvent } from './harness.ts'

const h = await inventoryHarness()

describe('product.created and product.updated', () => {
  test('counts the new product’s SKUs with no stock at the default location, once however often it comes', async () => {
    const skus = [h.unique('SKU'), h.unique('SKU')]
    const event = productCreatedEvent(skus)
    expect(await countNewSkus(h.deps, event)).toBe('handled')
    await adjustStock(h.deps, skus[0]!, { delta: 4, reason: 'delivery', location: 'default' }, 'usr_manager')
    expect(await countNewSkus(h.deps, event)).toBe('duplicate')
    expect(await h.stockRows(skus[0]!)).toEqual([
      { location: 'default', onHand: 4, reserved: 0, available: 4, ledger: 4 },
    ])
    expect(await h.stockRows(skus[1]!)).toEqual([
      { location: 'default', onHand: 0, reserved: 0, available: 0, ledger: 0 },
    ])
  })

  test('a SKU already counted keeps its stock when another product names it', async () => {
    const sku = await h.stocked(6)
    expect(await countNewSkus(h.deps, productCreatedEvent([sku]))).toBe('handled')
    expect((await h.stockRows(sku))[0]).toMatchObject({ onHand: 6 })
  })

  test('a variant added to a product later is counted from its product.updated; the others keep their stock', async () => {
    const sku = await h.stocked(3)
    const added = h.unique('SKU')
    const created = productCreatedEvent([sku])
    const updated = productUpdated.create(
      {
        ...created.data,
        variants: [...created.data.variants, { ...created.data.variants[0]!, id: 'var_added', sku: added }],
        changed: ['variants'],
      },
      { source: 'product' },
    )
    expect(await countNewSkus(h.deps, updated)).toBe('handled')
    expect(await countNewSkus(h.deps, updated)).toBe('duplicate')
    expect((await h.stockRows(sku))[0]).toMatchObject({ onHand: 3 })
    expect(await h.stockRows(added)).toEqual([
      { location: 'default', onHand: 0, reserved: 0, available: 0, ledger: 0 },
    ])
  })
})

describe('the inventory service booted by the kit', async () => {
  const { sql } = await testDatabase()
  const bus = memoryBus()
  const running = await inventoryService.start(
    inventoryService.loadConfig({
      INVENTORY_PORT: '0',
      MYSHOP_DATA_DIR: mkdtempSync(join(tmpdir(), 'myshop-inventory-')),
      RESERVATION_SWEEP_INTERVAL_MS: '20',
      LOG_LEVEL: 'silent',
    }),
    { sql, bus },
  )
  afterAll(() => running.stop())

  test('consumes product.created from the bus, a redelivery changing nothing', async () => {
    const sku = h.unique('SKU')
    const event = productCreatedEvent([sku])
    await bus.publish(event)
    await eventually(
      'the SKU is counted',
      async () => (await fetch(`${running.url}/api/v1/inventory/${sku}`)).ok,
    )
    expect(await (await fetch(`${running.url}/api/v1/inventory/${sku}`)).json()).toEqual({
      sku,
      available: 0,
      status: 'out',
    })
    await adjustStock(h.deps, sku, { delta: 2, reason: 'delivery', location: 'default' }, 'usr_manager')
    await bus.publish(event)
    await eventually(
      'the redelivery is handled',
      async () => (await sql`select 1 from inventory.inbox where event_id = ${event.id}`).length === 1,
    )
    await Bun.sleep(100)
    expect((await h.stockRows(sku))[0]).toMatchObject({ onHand: 2 })
  })

  test('its sweeper releases expired reservations', async () => {
    const sku = await h.stocked(2)
    const res = await h.reserve({ reference: h.unique('ord'), lines: [{ sku, quantity: 2 }], ttlSeconds: 1 })
    await eventually(
      'the reservation expires',
      async () =>
        (
          await sql<{ status: string }[]>`select status from inventory.reservations where id = ${res.body.id}`
        )[0]?.status === 'expired',
      10_000,
    )
    expect((await h.stockRows(sku))[0]).toMatchObject({ reserved: 0, available: 2 })
  })
})
