import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { memoryBus, paymentDisputed } from '@myshop/events'
import { silentLogger } from '@myshop/logger'
import { eventually, testDatabase } from '@myshop/testing'
import { orderFromAudit } from '../src/audit/service.ts'
import { orderService } from '../src/index.ts'
import { getOrder, onPaymentDisputed } from '../src/orders/service.ts'
import { orderFixtures } from './fixtures.ts'
import { orderHarness } from './harness.ts'

/** What the order service logged at warn level: the fields and the message. */
const warnings: { fields: Record<string, unknown>; message: string }[] = []
const logger = Object.assign(Object.create(silentLogger()), {
  warn: (fields: Record<string, unknown>, message: string) => warnings.push({ fields, message }),
})
const h = await orderHarness({ logger })
const f = await orderFixtures(h)

/** A payment.disputed for the payment of `orderId`, as the payment service writes it. */
const disputed = (
  orderId: string,
  facts: { disputeId?: string; status?: string; amount?: number; occurredAt?: string } = {},
) =>
  paymentDisputed.create(
    {
      paymentId: 'pay_01KC0000000000000000000000',
      reference: orderId,
      provider: 'stripe',
      providerReference: 'pi_3Q0000',
      currency: 'EUR',
      occurredAt: facts.occurredAt ?? '2026-03-02T10:15:00Z',
      disputeId: facts.disputeId ?? `du_${crypto.randomUUID().slice(0, 8)}`,
      amount: facts.amount ?? 5942,
      reason: 'fraudulent',
      status: facts.status ?? 'needs_response',
    },
    { source: 'payment' },
  )

const adminList = (query: string) =>
  h.call('GET', `/api/v1/admin/orders?limit=100&${query}`, undefined, h.as(h.admin))

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((o) => o.id)

describe('payment.disputed', () => {
  test('the order shows the dispute and a history entry noting it; its status stays; operators are warned', async () => {
    const order = await f.paid()
    const event = disputed(order.id, { disputeId: 'du_1Q2w3E' })
    warnings.length = 0
    expect(await onPaymentDisputed(h.deps, event)).toBe('handled')
    const res = await h.call('GET', `/api/v1/orders/${order.id}`, undefined, h.as(h.admin))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      status: 'paid',
      dispute: {
        id: 'du_1Q2w3E',
        amount: 5942,
        currency: 'EUR',
        reason: 'fraudulent',
        status: 'needs_response',
        openedAt: '2026-03-02T10:15:00.000Z',
      },
    })
    expect(res.body.history.at(-1)).toEqual({
      status: 'paid',
      at: res.body.updatedAt,
      actor: 'provider:stripe',
      note: 'Payment disputed: 59.42 EUR, reason fraudulent, status needs_response (dispute du_1Q2w3E)',
    })
    expect(res.body.history).toHaveLength(order.history.length + 1)
    expect(warnings).toEqual([
      {
        message: 'payment disputed',
        fields: expect.objectContaining({ orderId: order.id, disputeId: 'du_1Q2w3E', amount: 5942 }),
      },
    ])
    // The audit trail tells it too: the order rebuilt from it is the order its rows make.
    expect((await f.auditEntries(order.id)).at(-1)).toMatchObject({
      type: 'order.disputed',
      actor: 'provider:stripe',
      data: { dispute: res.body.dispute, note: res.body.history.at(-1).note },
    })
    expect(await orderFromAudit(h.deps, order.id)).toEqual(await getOrder(h.deps, order.id))
    // The customer reads it on their own order.
    const own = await h.call('GET', `/api/v1/orders/${order.id}`, undefined, h.as(h.customer))
    expect(own.body.dispute).toEqual(res.body.dispute)
  })

  test('a repeated event changes nothing', async () => {
    const order = await f.paid()
    const event = disputed(order.id)
    expect(await onPaymentDisputed(h.deps, event)).toBe('handled')
    const before = { order: await getOrder(h.deps, order.id), counts: await f.counts() }
    warnings.length = 0
    h.advance(1_000)
    expect(await onPaymentDisputed(h.deps, event)).toBe('duplicate')
    expect({ order: await getOrder(h.deps, order.id), counts: await f.counts() }).toEqual(before)
    expect(warnings).toEqual([])
  })

  test('a later report of the same dispute updates it, keeping when it was opened; the same report again is no change', async () => {
    const order = await f.paid()
    await onPaymentDisputed(h.deps, disputed(order.id, { disputeId: 'du_later' }))
    h.advance(1_000)
    await onPaymentDisputed(
      h.deps,
      disputed(order.id, { disputeId: 'du_later', status: 'won', occurredAt: '2026-04-01T09:00:00Z' }),
    )
    const updated = await getOrder(h.deps, order.id)
    expect(updated.dispute).toMatchObject({
      id: 'du_later',
      status: 'won',
      openedAt: '2026-03-02T10:15:00.000Z',
    })
    expect(updated.history.at(-1)!.note).toBe(
      'Payment disputed (updated): 59.42 EUR, reason fraudulent, status won (dispute du_later)',
    )
    const counts = await f.counts()
    h.advance(1_000)
    expect(
      await onPaymentDisputed(
        h.deps,
        disputed(order.id, { disputeId: 'du_later', status: 'won', occurredAt: '2026-04-02T09:00:00Z' }),
      ),
    ).toBe('handled')
    expect(await getOrder(h.deps, order.id)).toEqual(updated)
    expect(await f.counts()).toEqual(counts)
    expect(await orderFromAudit(h.deps, order.id)).toEqual(updated)
  })

  test('an event for an order this shop does not know is acknowledged, writing nothing but the inbox row', async () => {
    const counts = await f.counts()
    const event = disputed('ord_01KC0000000000000000000000')
    warnings.length = 0
    expect(await onPaymentDisputed(h.deps, event)).toBe('handled')
    expect(await f.counts()).toEqual(counts)
    expect(await h.sql`select 1 from orders.inbox where event_id = ${event.id}`).toHaveLength(1)
    expect(warnings).toEqual([
      {
        message: 'payment disputed',
        fields: expect.objectContaining({ orderId: 'ord_01KC0000000000000000000000', unknownOrder: true }),
      },
    ])
  })
})

describe('GET /api/v1/admin/orders?disputed=', () => {
  test('true lists only orders whose payment is disputed; false only the others', async () => {
    const [quarrel, calm] = [await f.paid(), await f.paid()]
    await onPaymentDisputed(h.deps, disputed(quarrel.id))
    const only = await adminList('disputed=true')
    expect(only.status).toBe(200)
    expect(ids(only)).toContain(quarrel.id)
    expect(ids(only)).not.toContain(calm.id)
    expect(only.body.items.every((o: { dispute: unknown }) => o.dispute !== null)).toBe(true)
    const others = await adminList('disputed=false')
    expect(ids(others)).toContain(calm.id)
    expect(ids(others)).not.toContain(quarrel.id)
    // With the other filters.
    expect(ids(await adminList('disputed=true&status=paid'))).toContain(quarrel.id)
    expect(ids(await adminList('disputed=true&status=cancelled'))).not.toContain(quarrel.id)
    // Without it, both.
    expect(ids(await adminList(''))).toEqual(expect.arrayContaining([quarrel.id, calm.id]))
  })

  test('422 for a value that is not true or false; 403 for a customer', async () => {
    expect((await adminList('disputed=maybe')).status).toBe(422)
    const customer = await h.call('GET', '/api/v1/admin/orders?disputed=true', undefined, h.as(h.customer))
    expect(customer.status).toBe(403)
  })
})

describe('the order service booted by the kit', async () => {
  const { sql } = await testDatabase()
  const bus = memoryBus()
  const running = await orderService.start(
    orderService.loadConfig({
      ORDER_PORT: '0',
      MYSHOP_DATA_DIR: mkdtempSync(join(tmpdir(), 'myshop-order-')),
      LOG_LEVEL: 'silent',
    }),
    { sql, bus },
  )
  afterAll(() => running.stop())

  test('consumes payment.disputed from the bus', async () => {
    const order = await f.paid()
    await bus.publish(disputed(order.id, { disputeId: 'du_bus' }))
    await eventually(
      'the order shows the dispute',
      async () => (await getOrder(h.deps, order.id)).dispute?.id === 'du_bus',
    )
  })
})
