import { describe, expect, test } from 'bun:test'
import { newId } from '@myshop/ids'
import { rewriteAuditEntry } from '@myshop/testing'
import { orderFromAudit } from '../src/audit/service.ts'
import { getOrder, recordRefund, setPayment, transition } from '../src/orders/service.ts'
import { orderFixtures } from './fixtures.ts'
import { orderHarness } from './harness.ts'

const h = await orderHarness()
const f = await orderFixtures(h)

const audit = () => h.call('GET', '/api/v1/admin/audit/order', undefined, h.as(h.admin))

const entryCount = async () =>
  (await h.sql<{ n: number }[]>`select count(*)::int as n from orders.event_store`)[0]!.n

/** Each order rebuilt from its audit trail alone, next to the order its rows make. */
const rebuiltAndRows = async (ids: string[]) => ({
  rows: await Promise.all(ids.map((id) => getOrder(h.deps, id))),
  rebuilt: await Promise.all(ids.map((id) => orderFromAudit(h.deps, id))),
})

describe('the audit trail of orders', () => {
  test('rebuilds every order from its entries to exactly the order its rows make, through its whole life', async () => {
    const shipped = await f.place({ userId: 'usr_customer' })
    await h.sql.begin(async (tx) => {
      await transition(tx, h.deps, shipped.id, 'awaiting_payment', 'svc:order')
      await setPayment(tx, h.deps, shipped.id, { id: 'pay_1', status: 'authorized' })
    })
    h.advance(1_000)
    await h.sql.begin(async (tx) => {
      await transition(tx, h.deps, shipped.id, 'paid', 'svc:order', 'captured at once')
      await setPayment(tx, h.deps, shipped.id, { id: 'pay_1', status: 'captured' })
    })
    h.advance(1_000)
    expect(
      (
        await h.call(
          'POST',
          `/api/v1/orders/${shipped.id}/fulfillments`,
          { trackingNumber: 'T-1', carrier: 'DHL' },
          h.as(h.support),
        )
      ).status,
    ).toBe(201)
    h.advance(1_000)
    await h.call('POST', `/api/v1/orders/${shipped.id}/deliveries`, undefined, h.as(h.admin))
    for (const [amount, to] of [
      [700, 'partially_refunded'],
      [300, 'partially_refunded'],
      [4942, 'refunded'],
    ] as const)
      await h.sql.begin(async (tx) => {
        await recordRefund(tx, h.deps, shipped.id, amount, 'usr_admin')
        await transition(tx, h.deps, shipped.id, to, 'usr_admin', `refund of ${amount}`)
      })
    const cancelled = await f.place({ userId: null })
    await h.sql.begin((tx) =>
      transition(tx, h.deps, cancelled.id, 'cancelled', 'system', 'payment timed out'),
    )
    const untouched = await f.place()

    const { rows, rebuilt } = await rebuiltAndRows([shipped.id, cancelled.id, untouched.id])
    expect(rows[0]).toMatchObject({
      status: 'refunded',
      totals: { total: 5942, refunded: 5942 },
      payment: { id: 'pay_1', status: 'captured' },
    })
    expect(rows[0]!.history.map((e) => e.status)).toEqual([
      'pending',
      'awaiting_payment',
      'paid',
      'fulfilled',
      'delivered',
      'partially_refunded',
      'partially_refunded',
      'refunded',
    ])
    expect(rebuilt).toEqual(rows)
    expect((await audit()).body).toMatchObject({ service: 'order', ok: true })
  })

  test('knows no order the trail has never seen', async () => {
    expect(await orderFromAudit(h.deps, newId('ord'))).toBeNull()
  })

  test('a refused change records nothing', async () => {
    const order = await f.place()
    const before = await entryCount()
    await expect(
      h.sql.begin((tx) => transition(tx, h.deps, order.id, 'delivered', 'svc:order')),
    ).rejects.toMatchObject({ code: 'invalid_transition' })
    expect(
      (
        await h.call(
          'POST',
          `/api/v1/orders/${order.id}/fulfillments`,
          { trackingNumber: 'T' },
          h.as(h.admin),
        )
      ).status,
    ).toBe(409)
    expect(await entryCount()).toBe(before)
  })

  test('the database refuses to change or delete an entry', async () => {
    const order = await f.place()
    await expect(
      h.sql`update orders.event_store set actor = 'usr_mallory' where stream_id = ${order.id}`,
    ).rejects.toThrow(/append-only/)
    await expect(h.sql`delete from orders.event_store where stream_id = ${order.id}`).rejects.toThrow(
      /append-only/,
    )
    expect((await f.auditEntries(order.id)).map((e) => e.actor)).toEqual(['svc:order'])
  })
})

describe('GET /api/v1/admin/audit/order', () => {
  test('reports an intact trail with the number of entries checked', async () => {
    await f.place()
    expect(await audit()).toMatchObject({
      status: 200,
      body: { service: 'order', ok: true, entries: await entryCount() },
    })
  })

  test('reports the first entry changed behind the database’s back, whose order no longer rebuilds to its row', async () => {
    const order = await f.paid()
    const [placed] = await h.sql<{ seq: number; data: Record<string, unknown> }[]>`
      select seq, data from orders.event_store where stream_id = ${order.id} order by seq limit 1`
    const { seq, data } = placed!
    // The order placed for one cent instead of its total.
    await rewriteAuditEntry(h.sql, 'orders', seq, {
      ...data,
      totals: { subtotal: 1, shipping: 0, tax: 0, total: 1 },
    })
    try {
      const res = await audit()
      expect(res.status).toBe(200)
      expect(res.body.ok).toBe(false)
      expect(res.body.firstBroken).toEqual({
        seq,
        reason: 'its hash does not match its contents: the entry was changed',
      })
      expect((await orderFromAudit(h.deps, order.id))!.totals.total).toBe(1)
      expect((await getOrder(h.deps, order.id)).totals.total).toBe(5942)
    } finally {
      // Put back what was there, so the rest of the file sees an intact trail again.
      await rewriteAuditEntry(h.sql, 'orders', seq, data)
    }
    expect((await audit()).body.ok).toBe(true)
  })

  test('refuses the anonymous, customers and support, telling them nothing', async () => {
    expect((await h.call('GET', '/api/v1/admin/audit/order')).status).toBe(401)
    for (const token of [h.customer, h.support, f.catalogManager]) {
      const res = await h.call('GET', '/api/v1/admin/audit/order', undefined, h.as(token))
      expect(res.status).toBe(403)
      expect(res.body.ok).toBeUndefined()
    }
  })
})
