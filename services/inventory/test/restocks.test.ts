import { describe, expect, test } from 'bun:test'
import { stockFromAudit } from '../src/audit/service.ts'
import { inventoryHarness } from './harness.ts'

const h = await inventoryHarness()
const { call, as, admin, manager, customer } = h

/** A reservation of `quantity` of a SKU with `onHand` units, committed (the order was paid). */
const committed = async (onHand: number, quantity: number) => {
  const sku = await h.stocked(onHand)
  const res = await h.reserve({ reference: h.unique('ord'), lines: [{ sku, quantity }] })
  const id = res.body.id as string
  expect((await call('POST', `/api/v1/reservations/${id}/commit`, undefined, as(admin))).status).toBe(200)
  return { sku, id }
}

const restock = (id: string, body: unknown, key: string = crypto.randomUUID(), token = admin) =>
  call('POST', `/api/v1/reservations/${id}/restocks`, body, { ...as(token), 'idempotency-key': key })

describe('POST /api/v1/reservations/:id/restocks', () => {
  test('puts every committed unit back on hand, written to the ledger and the audit trail', async () => {
    const { sku, id } = await committed(5, 3)
    expect((await h.stockRows(sku))[0]).toMatchObject({ onHand: 2, available: 2, ledger: 2 })
    const res = await restock(id, {})
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ id, status: 'committed' })
    expect(await h.stockRows(sku)).toEqual([
      { location: 'default', onHand: 5, reserved: 0, available: 5, ledger: 5 },
    ])
    expect(await h.events('stock.adjusted', id)).toEqual([
      expect.objectContaining({ delta: -3, reason: 'reservation committed' }),
      expect.objectContaining({ delta: 3, reason: 'returned to stock', reservationId: id, onHand: 5 }),
    ])
    expect(await stockFromAudit(h.deps, sku, 'default')).toMatchObject({ onHand: 5, reserved: 0 })
  })

  test('puts back part, then the rest, never more than was taken (409, nothing changed)', async () => {
    const { sku, id } = await committed(10, 4)
    expect((await restock(id, { lines: [{ sku, quantity: 1 }] })).status).toBe(201)
    expect((await h.stockRows(sku))[0]).toMatchObject({ onHand: 7, ledger: 7 })
    const tooMany = await restock(id, { lines: [{ sku, quantity: 4 }] })
    expect(tooMany.status).toBe(409)
    expect(tooMany.body.detail).toContain('3 left to put back')
    expect((await h.stockRows(sku))[0]).toMatchObject({ onHand: 7, ledger: 7 })
    expect((await restock(id, {})).status).toBe(201)
    expect((await h.stockRows(sku))[0]).toMatchObject({ onHand: 10, ledger: 10 })
    // Nothing is left to put back: a further request changes nothing.
    expect((await restock(id, {})).status).toBe(201)
    expect((await h.stockRows(sku))[0]).toMatchObject({ onHand: 10, ledger: 10 })
  })

  test('the same Idempotency-Key puts nothing back twice; with other lines, 422', async () => {
    const { sku, id } = await committed(6, 2)
    const key = crypto.randomUUID()
    const [first, second] = await Promise.all([restock(id, {}, key), restock(id, {}, key)])
    expect([first.status, second.status]).toEqual([201, 201])
    expect((await restock(id, {}, key)).status).toBe(201)
    expect((await h.stockRows(sku))[0]).toMatchObject({ onHand: 6, ledger: 6 })
    expect((await restock(id, { lines: [{ sku, quantity: 1 }] }, key)).status).toBe(422)
    expect(await h.events('stock.adjusted', id)).toHaveLength(2)
  })

  test('refuses a reservation that was never committed (409), an unknown one (404) and bad input (422)', async () => {
    const sku = await h.stocked(5)
    const held = await h.reserve({ reference: h.unique('ord'), lines: [{ sku, quantity: 2 }] })
    expect((await restock(held.body.id, {})).status).toBe(409)
    expect((await h.stockRows(sku))[0]).toMatchObject({ onHand: 5, reserved: 2 })
    expect((await restock('res_00000000000000000000000000', {})).status).toBe(404)
    const { id } = await committed(5, 1)
    expect((await restock(id, { lines: [{ sku, quantity: 0 }] })).status).toBe(422)
    expect((await restock(id, { lines: [] })).status).toBe(422)
    expect((await restock(id, { lines: 'all' })).status).toBe(422)
    expect((await call('POST', `/api/v1/reservations/${id}/restocks`, {}, as(admin))).status).toBe(422)
    // A SKU the reservation never held cannot come back through it.
    expect((await restock(id, { lines: [{ sku, quantity: 1 }] })).status).toBe(409)
  })

  test('is refused to the anonymous, customers and inventory managers, changing nothing', async () => {
    const { sku, id } = await committed(5, 2)
    expect(
      (await call('POST', `/api/v1/reservations/${id}/restocks`, {}, { 'idempotency-key': 'k' })).status,
    ).toBe(401)
    for (const token of [customer, manager])
      expect((await restock(id, {}, undefined, token)).status).toBe(403)
    expect((await h.stockRows(sku))[0]).toMatchObject({ onHand: 3 })
  })
})
