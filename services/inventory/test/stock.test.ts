import { describe, expect, test } from 'bun:test'
import { inventoryHarness } from './harness.ts'

const h = await inventoryHarness()
const { call, as, manager, customer, catalogManager, admin } = h

const adjust = (sku: string, body: unknown, token = manager) =>
  call('POST', `/api/v1/inventory/${sku}/adjustments`, body, as(token))
const setThreshold = (sku: string, threshold: number | null, token = manager) =>
  call('PUT', `/api/v1/inventory/${sku}/threshold`, { threshold }, as(token))
const ledger = async (sku: string) => [
  ...(await h.sql<{ delta: number; reason: string; actor: string }[]>`
    select delta, reason, actor from inventory.adjustments where sku = ${sku} order by seq`),
]

describe('GET /api/v1/inventory/:sku', () => {
  test('tells anyone how many units are available and whether the SKU is in stock, nothing more', async () => {
    const sku = await h.stocked(7)
    for (const headers of [{}, as(customer)]) {
      const res = await call('GET', `/api/v1/inventory/${sku}`, undefined, headers)
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ sku, available: 7, status: 'in_stock' })
    }
  })

  test('shows holders of inventory:read each location and the threshold', async () => {
    const sku = await h.stocked(4)
    expect((await adjust(sku, { delta: 3, reason: 'transfer in', location: 'warehouse-2' })).status).toBe(201)
    for (const token of [manager, catalogManager, admin]) {
      const res = await call('GET', `/api/v1/inventory/${sku}`, undefined, as(token))
      expect(res.body).toEqual({
        sku,
        available: 7,
        status: 'in_stock',
        threshold: null,
        locations: [
          { location: 'default', onHand: 4, reserved: 0, available: 4 },
          { location: 'warehouse-2', onHand: 3, reserved: 0, available: 3 },
        ],
      })
    }
  })

  test('a new product’s SKU is out of stock, and one at its threshold is low', async () => {
    const [fresh] = await h.newSkus()
    expect((await call('GET', `/api/v1/inventory/${fresh}`)).body).toEqual({
      sku: fresh,
      available: 0,
      status: 'out',
    })
    const sku = await h.stocked(3)
    await setThreshold(sku, 3)
    expect((await call('GET', `/api/v1/inventory/${sku}`)).body.status).toBe('low')
  })

  test('answers 404 for a SKU it does not count, and 422 for one that cannot be a SKU', async () => {
    expect((await call('GET', `/api/v1/inventory/${h.unique('NOPE')}`)).status).toBe(404)
    expect((await call('GET', '/api/v1/inventory/-bad')).status).toBe(422)
  })
})

describe('POST /api/v1/inventory/:sku/adjustments', () => {
  test('appends to the ledger with actor and reason, changes the stock, and writes stock.adjusted', async () => {
    const [sku] = await h.newSkus()
    const res = await adjust(sku!, { delta: 12, reason: 'delivery' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      sku,
      location: 'default',
      delta: 12,
      reason: 'delivery',
      actor: 'usr_manager',
      reservationId: null,
      stock: { onHand: 12, reserved: 0, available: 12 },
    })
    expect(res.body.id).toMatch(/^adj_/)
    const out = await adjust(sku!, { delta: -5, reason: 'damaged' })
    expect(out.body.stock).toEqual({ onHand: 7, reserved: 0, available: 7 })
    expect(await ledger(sku!)).toEqual([
      { delta: 12, reason: 'delivery', actor: 'usr_manager' },
      { delta: -5, reason: 'damaged', actor: 'usr_manager' },
    ])
    expect(await h.stockRows(sku!)).toEqual([
      { location: 'default', onHand: 7, reserved: 0, available: 7, ledger: 7 },
    ])
    expect((await h.events('stock.adjusted', sku!)).map((e) => [e.delta, e.onHand, e.actor])).toEqual([
      [12, 12, 'usr_manager'],
      [-5, 7, 'usr_manager'],
    ])
  })

  test('counts stock in at a named location beside the default one', async () => {
    const sku = await h.stocked(2)
    const res = await adjust(sku, { delta: 9, reason: 'delivery', location: 'store-berlin' })
    expect(res.body).toMatchObject({ location: 'store-berlin', stock: { onHand: 9, available: 9 } })
    expect((await h.stockRows(sku)).map((r) => [r.location, r.onHand])).toEqual([
      ['default', 2],
      ['store-berlin', 9],
    ])
  })

  test('refuses to count out more than is available with 409 insufficient_stock, writing nothing', async () => {
    const sku = await h.stocked(3)
    // Reserved units are promised: they cannot be counted out either.
    expect((await h.reserve({ reference: 'ord-1', lines: [{ sku, quantity: 2 }] })).status).toBe(201)
    const before = await h.events('stock.adjusted', sku)
    for (const [delta, location] of [
      [-2, undefined],
      [-4, undefined],
      [-1, 'elsewhere'],
    ] as const) {
      const res = await adjust(sku, { delta, reason: 'shrinkage', ...(location && { location }) })
      expect(res.status).toBe(409)
      expect(res.body.code).toBe('insufficient_stock')
    }
    expect(await h.stockRows(sku)).toEqual([
      { location: 'default', onHand: 3, reserved: 2, available: 1, ledger: 3 },
    ])
    expect(await h.events('stock.adjusted', sku)).toEqual(before)
  })

  test('answers 404 for an unknown SKU and 422 for bad input, writing nothing', async () => {
    const unknown = h.unique('NOPE')
    expect((await adjust(unknown, { delta: 1, reason: 'delivery' })).status).toBe(404)
    expect(await h.sql`select 1 from inventory.stock where sku = ${unknown}`).toHaveLength(0)
    const sku = await h.stocked(1)
    for (const body of [
      { delta: 0, reason: 'nothing' },
      { delta: 1.5, reason: 'half' },
      { delta: 1 },
      { delta: 1, reason: ' ' },
      { delta: 1, reason: 'x', location: 'Not A Location' },
      { delta: 10_000_000, reason: 'too many' },
    ]) {
      const res = await adjust(sku, body)
      expect(res.status).toBe(422)
    }
    expect(await ledger(sku)).toHaveLength(1)
  })

  test('is refused to the anonymous (401), customers and catalog managers (403), writing nothing', async () => {
    const sku = await h.stocked(1)
    expect(
      (await call('POST', `/api/v1/inventory/${sku}/adjustments`, { delta: 5, reason: 'x' })).status,
    ).toBe(401)
    for (const token of [customer, catalogManager])
      expect((await adjust(sku, { delta: 5, reason: 'x' }, token)).status).toBe(403)
    expect(await ledger(sku)).toHaveLength(1)
  })

  test('the ledger cannot be edited or deleted, even by the service’s own connection', async () => {
    const sku = await h.stocked(1)
    expect(h.sql`update inventory.adjustments set delta = 100 where sku = ${sku}`).rejects.toThrow(
      /append-only/,
    )
    expect(h.sql`delete from inventory.adjustments where sku = ${sku}`).rejects.toThrow(/append-only/)
    expect(await ledger(sku)).toEqual([{ delta: 1, reason: 'delivery', actor: 'usr_manager' }])
  })
})

describe('PUT /api/v1/inventory/:sku/threshold and stock.low', () => {
  test('writes stock.low once per crossing below the threshold, and again only after stock rose above it', async () => {
    const sku = await h.stocked(10)
    const res = await setThreshold(sku, 5)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ sku, available: 10, status: 'in_stock', threshold: 5 })
    expect(await h.events('stock.low', sku)).toHaveLength(0)

    await adjust(sku, { delta: -5, reason: 'sold elsewhere' })
    await adjust(sku, { delta: -1, reason: 'damaged' })
    expect((await h.events('stock.low', sku)).map((e) => [e.available, e.threshold])).toEqual([[5, 5]])

    await adjust(sku, { delta: 1, reason: 'found' })
    expect(await h.events('stock.low', sku)).toHaveLength(1)
    await adjust(sku, { delta: 10, reason: 'delivery' })
    await adjust(sku, { delta: -12, reason: 'recount' })
    expect((await h.events('stock.low', sku)).map((e) => e.available)).toEqual([5, 3])
  })

  test('a reservation can cross the threshold, and a threshold raised above the stock is a crossing too', async () => {
    const sku = await h.stocked(6)
    await setThreshold(sku, 2)
    await h.reserve({ reference: 'ord-low', lines: [{ sku, quantity: 4 }] })
    expect((await h.events('stock.low', sku)).map((e) => e.available)).toEqual([2])

    const other = await h.stocked(6)
    await setThreshold(other, 8)
    expect((await h.events('stock.low', other)).map((e) => [e.available, e.threshold])).toEqual([[6, 8]])
    const cleared = await setThreshold(other, null)
    expect(cleared.body).toMatchObject({ threshold: null, status: 'in_stock' })
  })

  test('answers 404 for an unknown SKU and 422 for a bad threshold', async () => {
    expect((await setThreshold(h.unique('NOPE'), 1)).status).toBe(404)
    const sku = await h.stocked(1)
    for (const body of [{ threshold: -1 }, { threshold: 'low' }, {}])
      expect((await call('PUT', `/api/v1/inventory/${sku}/threshold`, body, as(manager))).status).toBe(422)
  })

  test('is refused to the anonymous, customers and catalog managers, changing nothing', async () => {
    const sku = await h.stocked(1)
    expect((await call('PUT', `/api/v1/inventory/${sku}/threshold`, { threshold: 3 })).status).toBe(401)
    for (const token of [customer, catalogManager])
      expect((await setThreshold(sku, 3, token)).status).toBe(403)
    expect((await call('GET', `/api/v1/inventory/${sku}`, undefined, as(manager))).body.threshold).toBeNull()
  })
})

describe('GET /api/v1/inventory/low', () => {
  test('lists SKUs at or below their threshold, by SKU, a page at a time', async () => {
    const low = [await h.stocked(1), await h.stocked(0), await h.stocked(5)]
    const fine = await h.stocked(9)
    for (const sku of [...low, fine]) await setThreshold(sku, 5)
    const seen: { sku: string; available: number; threshold: number; status: string }[] = []
    let cursor: string | null = null
    do {
      const res = await call(
        'GET',
        `/api/v1/inventory/low?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        undefined,
        as(manager),
      )
      expect(res.status).toBe(200)
      expect(res.body.items.length).toBeLessThanOrEqual(2)
      seen.push(...res.body.items)
      cursor = res.body.nextCursor
    } while (cursor)
    const skus = seen.map((item) => item.sku)
    expect(skus).toEqual([...skus].sort())
    expect(new Set(skus).size).toBe(skus.length)
    expect(seen.filter((item) => low.includes(item.sku) || item.sku === fine)).toEqual(
      [...low].sort().map((sku) => ({
        sku,
        available: sku === low[0] ? 1 : sku === low[1] ? 0 : 5,
        threshold: 5,
        status: sku === low[1] ? 'out' : 'low',
      })),
    )
  })

  test('is for holders of inventory:read only', async () => {
    expect((await call('GET', '/api/v1/inventory/low')).status).toBe(401)
    expect((await call('GET', '/api/v1/inventory/low', undefined, as(customer))).status).toBe(403)
    expect((await call('GET', '/api/v1/inventory/low', undefined, as(catalogManager))).status).toBe(200)
    expect((await call('GET', '/api/v1/inventory/low?limit=0', undefined, as(manager))).status).toBe(422)
  })
})
