import { describe, expect, test } from 'bun:test'
import type { OrderDeps } from '../src/deps.ts'
import { recoverDue, SagaCrash } from '../src/sagas/service.ts'
import { checkoutPlatform } from './checkout-platform.ts'

const p = await checkoutPlatform()

describe('checkout under concurrency', () => {
  test('many buyers of a SKU with few units: exactly that many paid orders, the rest 409, never below zero', async () => {
    const units = 5
    const buyers = p.distributed ? 40 : 12
    const sku = await p.product(units)
    const carts = await Promise.all(Array.from({ length: buyers }, () => p.cart([{ sku, quantity: 1 }])))
    const answers = await Promise.all(carts.map((cartId) => p.checkout(p.checkoutBody(cartId))))
    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(units)
    expect(statuses.filter((s) => s === 409)).toHaveLength(buyers - units)
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body.code).toBe('insufficient_stock')
    expect(await p.stock(sku)).toEqual({ onHand: 0, reserved: 0, available: 0, ledger: 0 })
    const paid = await p.deps.sql<{ n: number }[]>`
      select count(*)::int as n from orders.orders o join orders.order_lines l on l.order_id = o.id
      where l.sku = ${sku} and o.status = 'paid'`
    expect(paid[0]!.n).toBe(units)
    const captured = await p.deps.sql<{ n: number }[]>`
      select count(*)::int as n from payments.payments p join orders.order_lines l on l.order_id = p.reference
      where l.sku = ${sku} and p.status = 'captured'`
    expect(captured[0]!.n).toBe(units)
  }, 60_000)

  test('two instances recovering at once never run the same saga', async () => {
    const sku = await p.product(20)
    const count = 6
    const orderIds: string[] = []
    for (let i = 0; i < count; i++) {
      const cartId = await p.cart([{ sku, quantity: 1 }])
      p.deps.sagas.fault = (at) => {
        if (at === 'forward:authorize_payment:effect') throw new SagaCrash(at)
      }
      try {
        expect((await p.checkout(p.checkoutBody(cartId))).status).toBe(500)
      } finally {
        p.deps.sagas.fault = undefined
      }
      const [row] = await p.deps.sql<{ orderId: string }[]>`
        select order_id as "orderId" from orders.sagas where payload ->> 'cartId' = ${cartId}`
      orderIds.push(row!.orderId)
    }
    p.advance(p.deps.sagas.settings.leaseMs + 1_000)
    // A second instance: the same services, another name on its leases.
    const other: OrderDeps = { ...p.deps, sagas: { ...p.deps.sagas, owner: `other-${crypto.randomUUID()}` } }
    const [a, b] = await Promise.all([recoverDue(p.deps), recoverDue(other)])
    expect(a + b).toBe(count)
    for (const orderId of orderIds) {
      expect((await p.sagaOf(orderId)).status).toBe('completed')
      const steps = await p.deps.sql<{ name: string; attempts: number }[]>`
        select s.name, s.attempts from orders.saga_steps s join orders.sagas g on g.id = s.saga_id
        where g.order_id = ${orderId} and s.direction = 'forward' order by s.seq`
      // The crashed attempt and the recovery's: never a third from the other instance.
      expect(steps.find((s) => s.name === 'authorize_payment')!.attempts).toBe(2)
      expect(
        steps
          .filter((s) => s.name !== 'authorize_payment' && s.name !== 'reserve_stock')
          .every((s) => s.attempts === 1),
      ).toBe(true)
      expect(await p.ledger(orderId)).toEqual([
        { kind: 'authorize', outcome: 'succeeded' },
        { kind: 'capture', outcome: 'succeeded' },
      ])
    }
    expect(await p.stock(sku)).toMatchObject({ onHand: 20 - count, reserved: 0 })
  }, 60_000)
})
