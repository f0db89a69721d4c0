import { describe, expect, test } from 'bun:test'
import { tamperWithEntry } from '@myshop/testing'
import { paymentFromAudit } from '../src/audit/service.ts'
import { refund } from '../src/payments/service.ts'
import { paymentHarness } from './harness.ts'

const h = await paymentHarness()
const { call, as, admin } = h
const path = '/api/v1/admin/audit/payment'

const audit = () => call('GET', path, undefined, as(admin))

/** A payment's audit entries, oldest first, as the database holds them. */
const stream = async (paymentId: string) =>
  (
    await h.sql<{ type: string; actor: string; data: Record<string, unknown> }[]>`
      select type, actor, data from payments.event_store
      where stream_type = 'payment' and stream_id = ${paymentId} order by seq`
  ).map((e) => [e.type, e.actor])

const entryCount = async () =>
  (await h.sql<{ n: number }[]>`select count(*)::int as n from payments.event_store`)[0]!.n

/** The payment rebuilt from its audit trail next to what its row holds. */
const rebuiltAndRow = async (paymentId: string) => {
  const [row] = await h.sql<
    { status: string; amount: number; currency: string; capturedAmount: number; refundedAmount: number }[]
  >`
    select status, amount::int as amount, currency, captured_amount::int as "capturedAmount",
           refunded_amount::int as "refundedAmount"
    from payments.payments where id = ${paymentId}`
  return { rebuilt: await paymentFromAudit(h.deps, paymentId), row: { ...row } }
}

const expectRebuilt = async (paymentId: string, status: string) => {
  const { rebuilt, row } = await rebuiltAndRow(paymentId)
  expect(row.status).toBe(status)
  expect(rebuilt).toEqual(row as never)
}

describe('the audit trail of payments', () => {
  test('records a payment authorized, captured and refunded in two parts, and rebuilds its row', async () => {
    const id = await h.captured(5000)
    expect((await h.refund(id, { amount: 2000 })).status).toBe(201)
    await expectRebuilt(id, 'partially_refunded')
    expect((await h.refund(id)).status).toBe(201)
    expect(await stream(id)).toEqual([
      ['payment.created', 'usr_admin'],
      ['payment.authorized', 'usr_admin'],
      ['payment.captured', 'usr_admin'],
      ['payment.refund_requested', 'usr_admin'],
      ['payment.refund_succeeded', 'usr_admin'],
      ['payment.refund_requested', 'usr_admin'],
      ['payment.refund_succeeded', 'usr_admin'],
    ])
    await expectRebuilt(id, 'refunded')
    expect((await audit()).body).toMatchObject({ service: 'payment', ok: true })
  })

  test('records a declined payment as failed, and a voided one', async () => {
    const declined = await h.authorize({ token: 'tok_chargeDeclined' })
    expect(declined.status).toBe(402)
    const [row] = await h.sql<{ id: string }[]>`
      select id from payments.payments where status = 'failed' order by created_at desc limit 1`
    expect(await stream(row!.id)).toEqual([
      ['payment.created', 'usr_admin'],
      ['payment.failed', 'usr_admin'],
    ])
    await expectRebuilt(row!.id, 'failed')

    const voided = (await h.authorize({})).body.id as string
    expect((await call('POST', `/api/v1/payments/${voided}/void`, undefined, as(admin))).status).toBe(200)
    expect((await stream(voided)).at(-1)).toEqual(['payment.voided', 'usr_admin'])
    await expectRebuilt(voided, 'voided')
  })

  test('records the customer’s approval as the provider’s callback', async () => {
    const res = await h.authorize({ token: 'tok_3ds', amount: 7000 })
    await expectRebuilt(res.body.id, 'requires_action')
    expect(
      (await h.app.handle(new Request(`http://localhost${res.body.nextAction.url}?outcome=approve`))).status,
    ).toBe(200)
    expect(await stream(res.body.id)).toEqual([
      ['payment.created', 'usr_admin'],
      ['payment.requires_action', 'usr_admin'],
      ['payment.authorized', 'provider:test'],
    ])
    await expectRebuilt(res.body.id, 'authorized')
  })

  test('a provider timeout records nothing until the retry settles it', async () => {
    const key = crypto.randomUUID()
    const reference = h.reference()
    expect((await h.authorize({ reference, token: 'tok_timeout' }, key)).status).toBe(504)
    const [row] = await h.sql<
      { id: string }[]
    >`select id from payments.payments where reference = ${reference}`
    expect(await stream(row!.id)).toEqual([['payment.created', 'usr_admin']])
    await expectRebuilt(row!.id, 'pending')
    expect((await h.authorize({ reference, token: 'tok_timeout' }, key)).status).toBe(201)
    expect((await stream(row!.id)).map(([type]) => type)).toEqual(['payment.created', 'payment.authorized'])
    await expectRebuilt(row!.id, 'authorized')
  })

  test('a refund the provider refuses gives its amount back, in the trail as in the row', async () => {
    const id = await h.captured(3000)
    const refusing = {
      ...h.deps,
      providers: {
        test: {
          ...h.deps.testProvider,
          refund: async () => ({
            outcome: 'declined' as const,
            reference: null,
            reason: 'invalid_request' as const,
          }),
        },
      },
    }
    await expect(refund(refusing, id, 1000, crypto.randomUUID(), 'usr_admin')).rejects.toMatchObject({
      code: 'payment_declined',
    })
    expect((await stream(id)).slice(-2)).toEqual([
      ['payment.refund_requested', 'usr_admin'],
      ['payment.refund_failed', 'usr_admin'],
    ])
    await expectRebuilt(id, 'captured')
  })

  test('a refused change, or one that changes nothing, records nothing', async () => {
    const id = await h.captured(1000)
    const before = await entryCount()
    expect((await call('POST', `/api/v1/payments/${id}/void`, undefined, as(admin))).status).toBe(409)
    expect((await call('POST', `/api/v1/payments/${id}/capture`, undefined, as(admin))).status).toBe(200)
    expect((await h.refund(id, { amount: 5000 })).status).toBe(409)
    expect(await entryCount()).toBe(before)
  })

  test('concurrent changes keep one chain and every payment rebuilds to its row', async () => {
    const ids = await Promise.all([h.captured(5000), h.captured(5000)])
    await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => h.refund(ids[i % 2]!, { amount: 300 })),
      ...Array.from({ length: 4 }, () => h.authorize({})),
      ...ids.map((id) => call('POST', `/api/v1/payments/${id}/capture`, undefined, as(admin))),
    ])
    for (const id of ids) {
      const { rebuilt, row } = await rebuiltAndRow(id)
      expect(rebuilt).toEqual(row as never)
      expect(row.refundedAmount).toBe(1800)
    }
    expect((await audit()).body.ok).toBe(true)
  })
})

describe('GET /api/v1/admin/audit/payment', () => {
  test('reports an intact trail with the number of entries checked', async () => {
    await h.captured(100)
    const res = await audit()
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ service: 'payment', ok: true, entries: await entryCount() })
  })

  test('reports the first entry changed behind the database’s back', async () => {
    const id = await h.captured(2500)
    const [entry] = await h.sql<{ seq: number; data: unknown }[]>`
      select seq, data from payments.event_store
      where stream_id = ${id} and type = 'payment.captured'`
    const tamper = (data: unknown) => tamperWithEntry(h.sql, 'payments', entry!.seq, data)
    await tamper({ amount: 25 })
    try {
      expect(await audit()).toMatchObject({
        status: 200,
        body: {
          service: 'payment',
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

  test('the database refuses to change or remove an entry', async () => {
    await h.captured(100)
    await expect(h.sql`update payments.event_store set actor = 'someone'`).rejects.toThrow(/append-only/)
    await expect(h.sql`delete from payments.event_store`).rejects.toThrow(/append-only/)
  })

  test('refuses the anonymous, customers and support, telling them nothing', async () => {
    expect((await call('GET', path)).status).toBe(401)
    for (const token of [h.customer, h.support, h.manager]) {
      const res = await call('GET', path, undefined, as(token))
      expect(res.status).toBe(403)
      expect(res.body.ok).toBeUndefined()
    }
  })
})
