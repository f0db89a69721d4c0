import { describe, expect, test } from 'bun:test'
import { tamperWithEntry } from '@myshop/testing'
import { stockFromAudit } from '../src/audit/service.ts'
import { reservationSweeper } from '../src/reservations/sweeper.ts'
import { inventoryHarness } from './harness.ts'

const h = await inventoryHarness()

const audit = () => h.call('GET', '/api/v1/admin/audit/inventory', undefined, h.as(h.admin))

/** The audit trail's entries about one stream, oldest first, as the database holds them. */
const stream = (streamType: string, streamId: string) =>
  h.sql<{ type: string; actor: string; data: Record<string, unknown> }[]>`
    select type, actor, data from inventory.event_store
    where stream_type = ${streamType} and stream_id = ${streamId} order by seq`

const entryCount = async () =>
  (await h.sql<{ n: number }[]>`select count(*)::int as n from inventory.event_store`)[0]!.n

/** Every location's counts rebuilt from the audit trail next to the stock rows. */
const rebuiltAndRows = async (sku: string) => {
  const rows = await h.stockRows(sku)
  const rebuilt = await Promise.all(rows.map((row) => stockFromAudit(h.deps, sku, row.location)))
  return { rows: rows.map(({ onHand, reserved }) => ({ onHand, reserved })), rebuilt }
}

describe('the audit trail of stock changes', () => {
  test('records adjustments, reservations, commits, releases and expiries, and rebuilds each location’s stock', async () => {
    const sku = await h.stocked(10)
    await h.call(
      'POST',
      `/api/v1/inventory/${sku}/adjustments`,
      { delta: 4, reason: 'transfer', location: 'back' },
      h.as(h.manager),
    )
    // 12 units, taken in location order: the 4 in the back room, then 8 at default.
    const committed = await h.reserve({ reference: h.unique('ord'), lines: [{ sku, quantity: 12 }] })
    expect(committed.status).toBe(201)
    expect(
      (await h.call('POST', `/api/v1/reservations/${committed.body.id}/commit`, undefined, h.as(h.admin)))
        .status,
    ).toBe(200)
    await h.call(
      'POST',
      `/api/v1/inventory/${sku}/adjustments`,
      { delta: 6, reason: 'delivery' },
      h.as(h.manager),
    )
    const released = await h.reserve({ reference: h.unique('ord'), lines: [{ sku, quantity: 3 }] })
    expect(
      (await h.call('POST', `/api/v1/reservations/${released.body.id}/release`, undefined, h.as(h.admin)))
        .status,
    ).toBe(200)
    const expiring = await h.reserve({
      reference: h.unique('ord'),
      lines: [{ sku, quantity: 2 }],
      ttlSeconds: 30,
    })
    const held = await h.reserve({ reference: h.unique('ord'), lines: [{ sku, quantity: 1 }] })
    expect(held.status).toBe(201)
    h.advance(31_000)
    expect(await reservationSweeper(h.deps, 60_000).sweep()).toBeGreaterThanOrEqual(1)

    expect(
      (await stream('stock', `${sku}@default`)).map((e) => [
        e.type,
        e.actor,
        e.data.delta ?? e.data.quantity,
      ]),
    ).toEqual([
      ['stock.adjusted', 'usr_manager', 10],
      ['stock.reserved', 'usr_admin', 8],
      ['stock.committed', 'usr_admin', 8],
      ['stock.adjusted', 'usr_manager', 6],
      ['stock.reserved', 'usr_admin', 3],
      ['stock.released', 'usr_admin', 3],
      ['stock.reserved', 'usr_admin', 2],
      ['stock.reserved', 'usr_admin', 1],
      ['stock.released', 'system', 2],
    ])
    expect((await stream('reservation', expiring.body.id)).map((e) => [e.type, e.actor])).toEqual([
      ['reservation.made', 'usr_admin'],
      ['reservation.expired', 'system'],
    ])
    expect((await stream('reservation', committed.body.id)).map((e) => e.type)).toEqual([
      'reservation.made',
      'reservation.committed',
    ])

    const { rows, rebuilt } = await rebuiltAndRows(sku)
    expect(rows).toEqual([
      { onHand: 0, reserved: 0 },
      { onHand: 8, reserved: 1 },
    ])
    expect(rebuilt).toEqual(rows)
    expect((await audit()).body).toMatchObject({ service: 'inventory', ok: true })
  })

  test('a refused change records nothing', async () => {
    const sku = await h.stocked(2)
    const before = await entryCount()
    expect(
      (
        await h.call(
          'POST',
          `/api/v1/inventory/${sku}/adjustments`,
          { delta: -3, reason: 'lost' },
          h.as(h.manager),
        )
      ).status,
    ).toBe(409)
    expect((await h.reserve({ reference: h.unique('ord'), lines: [{ sku, quantity: 3 }] })).status).toBe(409)
    expect(await entryCount()).toBe(before)
  })

  test('concurrent changes keep one chain and every location rebuilds to its row', async () => {
    const skus = await Promise.all([h.stocked(30), h.stocked(30)])
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? h.reserve({ reference: h.unique('ord'), lines: skus.map((sku) => ({ sku, quantity: 1 })) })
          : h.call(
              'POST',
              `/api/v1/inventory/${skus[i % 4 === 0 ? 0 : 1]}/adjustments`,
              { delta: 1, reason: 'found' },
              h.as(h.manager),
            ),
      ),
    )
    for (const sku of skus) {
      const { rows, rebuilt } = await rebuiltAndRows(sku)
      expect(rebuilt).toEqual(rows)
    }
    expect((await audit()).body.ok).toBe(true)
  })
})

describe('GET /api/v1/admin/audit/inventory', () => {
  test('reports an intact trail with the number of entries checked', async () => {
    await h.stocked(1)
    const res = await audit()
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ service: 'inventory', ok: true, entries: await entryCount() })
  })

  test('reports the first entry changed behind the database’s back', async () => {
    const sku = await h.stocked(5)
    const [entry] = await h.sql<{ seq: number; data: unknown }[]>`
      select seq, data from inventory.event_store where stream_id = ${`${sku}@default`}`
    const tamper = (data: unknown) => tamperWithEntry(h.sql, 'inventory', entry!.seq, data)
    await tamper({ ...(entry!.data as object), delta: 500 })
    try {
      expect(await audit()).toMatchObject({
        status: 200,
        body: {
          service: 'inventory',
          ok: false,
          firstBroken: {
            seq: entry!.seq,
            reason: 'its hash does not match its contents: the entry was changed',
          },
        },
      })
    } finally {
      // Put back what was there, so the rest of the file sees an intact trail again.
      await tamper(entry!.data)
    }
    expect((await audit()).body.ok).toBe(true)
  })

  test('refuses the anonymous, customers and inventory managers, telling them nothing', async () => {
    const path = '/api/v1/admin/audit/inventory'
    expect((await h.call('GET', path)).status).toBe(401)
    for (const token of [h.customer, h.manager, h.catalogManager]) {
      const res = await h.call('GET', path, undefined, h.as(token))
      expect(res.status).toBe(403)
      expect(res.body.ok).toBeUndefined()
    }
  })
})
