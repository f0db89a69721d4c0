import { describe, expect, test } from 'bun:test'
import { paymentHarness } from './harness.ts'

const h = await paymentHarness()
const { call, as, admin, customer, support } = h

const paymentCount = async (reference: string) =>
  Number(
    (
      await h.sql<{ n: string }[]>`select count(*) as n from payments.payments where reference = ${reference}`
    )[0]!.n,
  )

describe('POST /api/v1/payments', () => {
  test('authorizes tok_visa: 201 with the payment, its ledger, and payment.authorized', async () => {
    const reference = h.reference()
    const res = await h.authorize({ reference, amount: 4999, currency: 'EUR' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      reference,
      amount: 4999,
      currency: 'EUR',
      status: 'authorized',
      provider: 'test',
      nextAction: null,
      capturedAmount: 0,
      refundedAmount: 0,
    })
    expect(res.body.id).toMatch(/^pay_/)
    expect(res.body.providerReference).toMatch(/^tpc_/)
    expect(res.headers.get('location')).toBe(`/api/v1/payments/${res.body.id}`)
    expect(res.body.transactions).toMatchObject([
      {
        kind: 'authorize',
        amount: 4999,
        currency: 'EUR',
        outcome: 'succeeded',
        idempotencyKey: `${res.body.id}:authorize`,
      },
    ])
    expect(await h.events('payment.authorized', res.body.id)).toMatchObject([
      { paymentId: res.body.id, reference, amount: 4999, currency: 'EUR', provider: 'test' },
    ])
  })

  test('the same Idempotency-Key answers the same payment; with another request, 422', async () => {
    const key = crypto.randomUUID()
    const reference = h.reference()
    const first = await h.authorize({ reference }, key)
    const again = await h.authorize({ reference }, key)
    expect(again.status).toBe(201)
    expect(again.body).toEqual(first.body)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    const other = await h.authorize({ reference, amount: 1 }, key)
    expect(other.status).toBe(422)
    expect(other.body.code).toBe('idempotency_mismatch')
    const otherAdmin = await h.tokens.sign({ roles: ['admin'], sub: 'usr_other_admin' })
    expect((await h.authorize({ reference }, key, otherAdmin)).status).toBe(422)
    expect(await paymentCount(reference)).toBe(1)
    expect((await h.rows(first.body.id)).charges).toHaveLength(1)
  })

  test.each([
    ['tok_chargeDeclined', 'card_declined'],
    ['tok_insufficientFunds', 'insufficient_funds'],
  ])(
    '%s is declined: 402 payment_declined with the reason, the payment failed, payment.failed written',
    async (token, reason) => {
      const reference = h.reference()
      const key = crypto.randomUUID()
      const res = await h.authorize({ reference, token }, key)
      expect(res.status).toBe(402)
      expect(res.body.code).toBe('payment_declined')
      expect(res.body.detail).toContain(reason)
      const [row] = await h.sql<{ id: string; status: string; failureReason: string }[]>`
      select id, status, failure_reason as "failureReason" from payments.payments where reference = ${reference}`
      expect(row).toMatchObject({ status: 'failed', failureReason: reason })
      expect((await h.rows(row!.id)).ledger).toEqual([
        { kind: 'authorize', outcome: 'declined', amount: 4999 },
      ])
      expect(await h.events('payment.failed', row!.id)).toMatchObject([{ reason }])
      // Asked again with the same key, the same answer, and nothing more is charged.
      expect((await h.authorize({ reference, token }, key)).status).toBe(402)
      expect((await h.rows(row!.id)).ledger).toHaveLength(1)
    },
  )

  test('an unknown token is declined as invalid_token', async () => {
    const res = await h.authorize({ token: 'tok_nope' })
    expect(res.status).toBe(402)
    expect(res.body.detail).toContain('invalid_token')
  })

  test('refuses bad requests with 422, writing nothing', async () => {
    const reference = h.reference()
    for (const body of [
      { reference, amount: 0 },
      { reference, amount: 12.5 },
      { reference, amount: -100 },
      { reference, amount: 1e12 },
      { reference, currency: 'eur' },
      { reference, currency: 'XYZ' },
      { reference, provider: 'stripe' },
      { reference, token: '' },
      { reference: '' },
    ])
      expect([body, (await h.authorize(body)).status]).toEqual([body, 422])
    const noKey = await call(
      'POST',
      '/api/v1/payments',
      { reference, amount: 100, currency: 'EUR', provider: 'test', token: 'tok_visa' },
      as(admin),
    )
    expect(noKey.status).toBe(422)
    expect(await paymentCount(reference)).toBe(0)
  })

  test('is refused to the anonymous (401), customers and support (403), writing nothing', async () => {
    const reference = h.reference()
    const body = { reference, amount: 100, currency: 'EUR', provider: 'test', token: 'tok_visa' }
    expect((await call('POST', '/api/v1/payments', body, { 'idempotency-key': 'k1' })).status).toBe(401)
    for (const token of [customer, support, h.manager])
      expect((await h.authorize({ reference }, undefined, token)).status).toBe(403)
    expect(await paymentCount(reference)).toBe(0)
  })
})

describe('GET /api/v1/payments/:id', () => {
  test('answers the payment with its ledger; 404 unknown, 422 malformed; refused to others', async () => {
    const { body: payment } = await h.authorize({})
    expect((await call('GET', `/api/v1/payments/${payment.id}`, undefined, as(admin))).body).toEqual(payment)
    expect(
      (await call('GET', '/api/v1/payments/pay_00000000000000000000000000', undefined, as(admin))).status,
    ).toBe(404)
    expect((await call('GET', '/api/v1/payments/nope', undefined, as(admin))).status).toBe(422)
    expect((await call('GET', `/api/v1/payments/${payment.id}`)).status).toBe(401)
    expect((await call('GET', `/api/v1/payments/${payment.id}`, undefined, as(customer))).status).toBe(403)
  })
})

describe('capture and void', () => {
  test('capture takes the authorized amount once: captured, ledger, payment.captured; again changes nothing', async () => {
    const { body: payment } = await h.authorize({ amount: 2500 })
    const res = await call('POST', `/api/v1/payments/${payment.id}/capture`, undefined, as(admin))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'captured', capturedAmount: 2500 })
    const again = await call('POST', `/api/v1/payments/${payment.id}/capture`, undefined, as(admin))
    expect(again.body).toEqual(res.body)
    expect((await h.rows(payment.id)).ledger).toEqual([
      { kind: 'authorize', outcome: 'succeeded', amount: 2500 },
      { kind: 'capture', outcome: 'succeeded', amount: 2500 },
    ])
    expect(await h.events('payment.captured', payment.id)).toMatchObject([{ amount: 2500 }])
    expect((await h.rows(payment.id)).charges).toEqual([{ status: 'captured' }])
  })

  test('void releases an authorized payment; a voided one cannot be captured (409), nor a failed one voided', async () => {
    const { body: payment } = await h.authorize({})
    const res = await call('POST', `/api/v1/payments/${payment.id}/void`, undefined, as(admin))
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('voided')
    expect(await h.events('payment.voided', payment.id)).toHaveLength(1)
    expect((await call('POST', `/api/v1/payments/${payment.id}/void`, undefined, as(admin))).status).toBe(200)
    const capture = await call('POST', `/api/v1/payments/${payment.id}/capture`, undefined, as(admin))
    expect(capture.status).toBe(409)
    expect((await h.rows(payment.id)).payment).toMatchObject({ status: 'voided', capturedAmount: 0 })
    expect(await h.events('payment.voided', payment.id)).toHaveLength(1)

    const reference = h.reference()
    await h.authorize({ reference, token: 'tok_chargeDeclined' })
    const [failed] = await h.sql<
      { id: string }[]
    >`select id from payments.payments where reference = ${reference}`
    expect((await call('POST', `/api/v1/payments/${failed!.id}/void`, undefined, as(admin))).status).toBe(409)
  })

  test('a captured payment cannot be voided (409), changing nothing', async () => {
    const id = await h.captured(1000)
    expect((await call('POST', `/api/v1/payments/${id}/void`, undefined, as(admin))).status).toBe(409)
    expect((await h.rows(id)).payment).toMatchObject({ status: 'captured', capturedAmount: 1000 })
  })

  test('404 for an unknown payment; refused to the anonymous and customers, changing nothing', async () => {
    const { body: payment } = await h.authorize({})
    for (const action of ['capture', 'void']) {
      expect(
        (
          await call(
            'POST',
            `/api/v1/payments/pay_00000000000000000000000000/${action}`,
            undefined,
            as(admin),
          )
        ).status,
      ).toBe(404)
      expect((await call('POST', `/api/v1/payments/${payment.id}/${action}`)).status).toBe(401)
      expect(
        (await call('POST', `/api/v1/payments/${payment.id}/${action}`, undefined, as(customer))).status,
      ).toBe(403)
    }
    expect((await h.rows(payment.id)).payment!.status).toBe('authorized')
  })
})

describe('POST /api/v1/payments/:id/refunds', () => {
  test('partial refunds, then the rest: partially_refunded, then refunded, each with payment.refunded', async () => {
    const id = await h.captured(5000)
    const first = await h.refund(id, { amount: 1500 })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ status: 'partially_refunded', refundedAmount: 1500 })
    const rest = await h.refund(id)
    expect(rest.body).toMatchObject({ status: 'refunded', refundedAmount: 5000 })
    expect(rest.body.refunds.map((r: { amount: number }) => r.amount)).toEqual([1500, 3500])
    expect(await h.events('payment.refunded', id)).toMatchObject([
      { amount: 1500, refundedAmount: 1500, capturedAmount: 5000 },
      { amount: 3500, refundedAmount: 5000, capturedAmount: 5000 },
    ])
  })

  test('never more than captured: 409, nothing given back', async () => {
    const id = await h.captured(5000)
    await h.refund(id, { amount: 4000 })
    const over = await h.refund(id, { amount: 1001 })
    expect(over.status).toBe(409)
    expect((await h.rows(id)).payment).toMatchObject({ status: 'partially_refunded', refundedAmount: 4000 })
    expect((await h.rows(id)).ledger.filter((t) => t.kind === 'refund')).toHaveLength(1)
  })

  test('the same Idempotency-Key answers the same refund; another amount under it is 422', async () => {
    const id = await h.captured(5000)
    const key = crypto.randomUUID()
    const first = await h.refund(id, { amount: 1000 }, key)
    const again = await h.refund(id, { amount: 1000 }, key)
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body.refundedAmount).toBe(1000)
    expect(first.body.refunds).toHaveLength(1)
    expect((await h.refund(id, { amount: 2000 }, key)).status).toBe(422)
    expect((await h.rows(id)).payment!.refundedAmount).toBe(1000)
  })

  test('an authorized payment not captured cannot be refunded (409); bad amounts are 422', async () => {
    const { body: payment } = await h.authorize({})
    expect((await h.refund(payment.id, { amount: 100 })).status).toBe(409)
    const id = await h.captured(5000)
    for (const amount of [0, -1, 1.5, 1e12]) expect((await h.refund(id, { amount })).status).toBe(422)
    expect((await h.rows(id)).payment!.refundedAmount).toBe(0)
  })

  test('is refused to the anonymous, customers and support (who refund through the order), changing nothing', async () => {
    const id = await h.captured(5000)
    expect(
      (await call('POST', `/api/v1/payments/${id}/refunds`, {}, { 'idempotency-key': 'k' })).status,
    ).toBe(401)
    for (const token of [customer, support])
      expect((await h.refund(id, {}, undefined, token)).status).toBe(403)
    expect((await h.rows(id)).payment).toMatchObject({ status: 'captured', refundedAmount: 0 })
  })
})

describe('the ledger', () => {
  test('refuses updates and deletes', async () => {
    const { body: payment } = await h.authorize({})
    expect(
      h.sql`update payments.transactions set amount = 1 where payment_id = ${payment.id}`,
    ).rejects.toThrow(/append-only/)
    expect(h.sql`delete from payments.transactions where payment_id = ${payment.id}`).rejects.toThrow(
      /append-only/,
    )
    expect((await h.rows(payment.id)).ledger).toEqual([
      { kind: 'authorize', outcome: 'succeeded', amount: 4999 },
    ])
  })
})
