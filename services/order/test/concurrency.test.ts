// Two changes to one order at once only show what the row lock does under real concurrency: these run against a
// real PostgreSQL server (the embedded one has a single connection, so every transaction there runs alone).
import { describe, expect, test } from 'bun:test'
import { AppError } from '@myshop/errors'
import { hasRealInfrastructure } from '@myshop/testing'
import { orderFromAudit, verifyAudit } from '../src/audit/service.ts'
import { getOrder, recordRefund, transition } from '../src/orders/service.ts'
import { orderFixtures } from './fixtures.ts'
import { orderHarness } from './harness.ts'

const statuses = (responses: { status: number }[]) => {
  const counts: Record<number, number> = {}
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1
  return counts
}

describe.skipIf(!hasRealInfrastructure())('changes to one order at once', async () => {
  const h = await orderHarness()
  const f = await orderFixtures(h)

  const fulfil = (id: string, trackingNumber: string) =>
    h.call('POST', `/api/v1/orders/${id}/fulfillments`, { trackingNumber }, h.as(h.admin))

  test('twenty shipments of one paid order at once: one is recorded, nineteen get 409', async () => {
    const order = await f.paid()
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => fulfil(order.id, `T-${i}`)))
    expect(statuses(responses)).toEqual({ 201: 1, 409: 19 })
    for (const refused of responses.filter((r) => r.status === 409))
      expect(refused.body).toMatchObject({
        code: 'invalid_transition',
        detail: 'The order is already fulfilled',
      })
    const read = await getOrder(h.deps, order.id)
    expect(read.fulfillments).toHaveLength(1)
    expect(read.history.filter((e) => e.status === 'fulfilled')).toHaveLength(1)
    expect((await f.events(order.id)).filter((e) => e.type === 'order.fulfilled')).toHaveLength(1)
    expect(await orderFromAudit(h.deps, order.id)).toEqual(read)
  })

  test('a shipment waits for a cancellation under way, then is refused', async () => {
    const order = await f.paid()
    let shipment: Promise<{ status: number; body: { code?: string } }> | undefined
    await h.sql.begin(async (tx) => {
      await transition(tx, h.deps, order.id, 'cancelled', 'usr_customer')
      shipment = fulfil(order.id, 'T-late')
      // The shipment's transaction is waiting on the order's row meanwhile.
      const outcome = await Promise.race([
        shipment.then(() => 'answered'),
        Bun.sleep(300).then(() => 'waiting'),
      ])
      expect(outcome).toBe('waiting')
    })
    expect(await shipment!).toMatchObject({
      status: 409,
      body: { code: 'invalid_transition', detail: 'An order that is cancelled cannot become fulfilled' },
    })
    expect((await getOrder(h.deps, order.id)).fulfillments).toEqual([])
  })

  test('ten refunds of 1000 at once on a total of 5942: five are recorded, five refused, none beyond the total', async () => {
    const order = await f.paid()
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        h.sql
          .begin(async (tx) => {
            const refunded = await recordRefund(tx, h.deps, order.id, 1000, 'usr_admin')
            await transition(tx, h.deps, order.id, 'partially_refunded', 'usr_admin')
            return refunded
          })
          .then(
            () => 'recorded',
            (e: unknown) => (e instanceof AppError ? e.code : String(e)),
          ),
      ),
    )
    expect(outcomes.filter((o) => o === 'recorded')).toHaveLength(5)
    expect(outcomes.filter((o) => o === 'conflict')).toHaveLength(5)
    const read = await getOrder(h.deps, order.id)
    expect(read.totals.refunded).toBe(5000)
    expect(read.history.filter((e) => e.status === 'partially_refunded')).toHaveLength(5)
    expect(await orderFromAudit(h.deps, order.id)).toEqual(read)
  })

  test('orders placed and moved at once keep one chain, and each rebuilds to its rows', async () => {
    const orders = await Promise.all(Array.from({ length: 30 }, () => f.place()))
    await Promise.all(
      orders.map((o, i) =>
        f.moveTo(o.id, ...(i % 2 ? (['awaiting_payment', 'paid'] as const) : (['cancelled'] as const))),
      ),
    )
    for (const o of orders) expect(await orderFromAudit(h.deps, o.id)).toEqual(await getOrder(h.deps, o.id))
    expect(await verifyAudit(h.deps)).toMatchObject({ service: 'order', ok: true })
  })
})
