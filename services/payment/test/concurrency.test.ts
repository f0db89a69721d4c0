// Double charges and over-refunds only show under real concurrency: these run against a real PostgreSQL server (the
// embedded one has a single connection, so every transaction there runs alone).
import { describe, expect, test } from 'bun:test'
import { hasRealInfrastructure } from '@myshop/testing'
import { paymentHarness } from './harness.ts'

describe.skipIf(!hasRealInfrastructure())('payments under concurrency', async () => {
  const h = await paymentHarness()

  test('20 identical authorize requests at once make one payment, one charge and one authorization', async () => {
    const key = crypto.randomUUID()
    const reference = h.reference()
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => h.authorize({ reference, amount: 1234 }, key)),
    )
    for (const res of responses) expect([201, 409]).toContain(res.status)
    const ids = new Set(responses.filter((r) => r.status === 201).map((r) => r.body.id))
    expect(ids.size).toBe(1)
    const rows = await h.sql<
      { id: string }[]
    >`select id from payments.payments where reference = ${reference}`
    expect(rows).toHaveLength(1)
    const after = await h.rows(rows[0]!.id)
    expect(after.charges).toHaveLength(1)
    expect(after.ledger).toEqual([{ kind: 'authorize', outcome: 'succeeded', amount: 1234 }])
    expect(await h.events('payment.authorized', rows[0]!.id)).toHaveLength(1)
  })

  test('30 refunds of 300 at once on 5000 captured: 16 given back, the rest 409, never more than captured', async () => {
    const id = await h.captured(5000)
    const responses = await Promise.all(Array.from({ length: 30 }, () => h.refund(id, { amount: 300 })))
    const given = responses.filter((r) => r.status === 201).length
    expect(given).toBe(16)
    for (const res of responses.filter((r) => r.status !== 201)) expect(res.status).toBe(409)
    const after = await h.rows(id)
    expect(after.payment).toMatchObject({
      status: 'partially_refunded',
      refundedAmount: 4800,
      capturedAmount: 5000,
    })
    expect(after.ledger.filter((t) => t.kind === 'refund')).toHaveLength(16)
    const [provider] = await h.sql<{ refunded: number }[]>`
      select refunded_amount as refunded from payments.test_provider_charges
      where id = (select provider_reference from payments.payments where id = ${id})`
    expect(provider!.refunded).toBe(4800)
  })

  test('concurrent captures of one payment capture it once', async () => {
    const { body: payment } = await h.authorize({ amount: 900 })
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        h.call('POST', `/api/v1/payments/${payment.id}/capture`, undefined, h.as(h.admin)),
      ),
    )
    for (const res of responses) expect([200, 409]).toContain(res.status)
    expect((await h.rows(payment.id)).ledger.filter((t) => t.kind === 'capture')).toHaveLength(1)
    expect(await h.events('payment.captured', payment.id)).toHaveLength(1)
  })
})
