import { beforeEach, describe, expect, test } from 'bun:test'
import { paymentHarness } from './harness.ts'

const h = await paymentHarness()
const { call, as, admin } = h

// Each test compares from its own start, so the payments earlier tests made are outside its window.
let since = ''
beforeEach(async () => {
  await Bun.sleep(5)
  since = new Date().toISOString()
  await Bun.sleep(5)
})

const reconcile = (token = admin) =>
  call(
    'GET',
    `/api/v1/admin/payments/reconciliation?provider=test&since=${encodeURIComponent(since)}`,
    undefined,
    as(token),
  )

const chargeOf = async (paymentId: string) =>
  (
    await h.sql<{ id: string }[]>`
    select id from payments.test_provider_charges where idempotency_key = ${`${paymentId}:authorize`}`
  )[0]!.id

describe('GET /api/v1/admin/payments/reconciliation', () => {
  test('agreeing ledger and provider answer no differences, counting every payment compared', async () => {
    const captured = await h.captured(5000)
    await h.refund(captured, { amount: 1000 })
    await h.authorize({ amount: 700 })
    await h.authorize({ token: 'tok_chargeDeclined' })
    const res = await reconcile()
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ provider: 'test', since, checked: 3, differences: [] })
  })

  test('finds a refund made only at the provider, a capture the provider lost, and a charge the ledger never made', async () => {
    const refundedOutside = await h.captured(4000)
    const outside = await chargeOf(refundedOutside)
    await h.sql`update payments.test_provider_charges set refunded_amount = 1500 where id = ${outside}`
    await h.sql`
      insert into payments.test_provider_operations (id, idempotency_key, charge_id, kind, amount, created_at)
      values (${`tpo_${crypto.randomUUID()}`}, ${crypto.randomUUID()}, ${outside}, 'refund', 1500, now())`

    const lost = await h.captured(3000)
    await h.sql`
      update payments.test_provider_charges set status = 'authorized', captured_amount = 0
      where id = ${await chargeOf(lost)}`

    const stranger = await h.deps.testProvider.authorize({
      paymentId: 'ext',
      description: 'made from the dashboard',
      amount: 999,
      currency: 'EUR',
      token: 'tok_visa',
      returnUrl: 'http://x',
      cancelUrl: 'http://x',
      idempotencyKey: `dashboard-${crypto.randomUUID()}`,
    })

    const res = await reconcile()
    expect(res.status).toBe(200)
    const byKind = Object.fromEntries((res.body.differences as { kind: string }[]).map((d) => [d.kind, d]))
    expect(Object.keys(byKind).sort()).toEqual([
      'missing_capture',
      'refund_only_at_provider',
      'unknown_to_ledger',
    ])
    expect(byKind.refund_only_at_provider).toMatchObject({
      paymentId: refundedOutside,
      ours: { refundedAmount: 0 },
      theirs: { refundedAmount: 1500 },
    })
    expect(byKind.missing_capture).toMatchObject({ paymentId: lost, ours: { capturedAmount: 3000 } })
    expect(byKind.unknown_to_ledger).toMatchObject({
      paymentId: null,
      providerReference: stranger.outcome === 'succeeded' ? stranger.reference : '',
      theirs: { amount: 999 },
    })
  })

  test('a bad provider or date is 422; only payments:reconcile (admin, support) may compare', async () => {
    for (const query of [
      'provider=bitcoin&since=2026-01-01T00:00:00Z',
      'provider=test&since=yesterday',
      'provider=test',
    ])
      expect(
        (await call('GET', `/api/v1/admin/payments/reconciliation?${query}`, undefined, as(admin))).status,
      ).toBe(422)
    expect((await reconcile(h.support)).status).toBe(200)
    for (const token of [h.customer, h.manager]) expect((await reconcile(token)).status).toBe(403)
    expect(
      (await call('GET', `/api/v1/admin/payments/reconciliation?provider=test&since=${since}`)).status,
    ).toBe(401)
  })

  test('a provider without credentials is 422 provider_unavailable', async () => {
    const res = await call(
      'GET',
      `/api/v1/admin/payments/reconciliation?provider=stripe&since=${encodeURIComponent(since)}`,
      undefined,
      as(admin),
    )
    expect(res.status).toBe(422)
    expect(res.body.code).toBe('provider_unavailable')
  })
})

describe('GET /api/v1/admin/payments/:id/provider', () => {
  test("shows the payment beside the provider's record, with their differences", async () => {
    const id = await h.captured(2500)
    const agreeing = await call('GET', `/api/v1/admin/payments/${id}/provider`, undefined, as(admin))
    expect(agreeing.status).toBe(200)
    expect(agreeing.body).toMatchObject({
      payment: { id, status: 'captured', capturedAmount: 2500 },
      provider: { paymentId: id, status: 'captured', amount: 2500, capturedAmount: 2500, refundedAmount: 0 },
      differences: [],
    })
    expect(agreeing.body.provider.captures).toHaveLength(1)

    await h.sql`update payments.test_provider_charges set amount = 2600 where id = ${await chargeOf(id)}`
    const differing = await call('GET', `/api/v1/admin/payments/${id}/provider`, undefined, as(admin))
    expect(differing.body.differences).toMatchObject([{ kind: 'amount_mismatch' }])
  })

  test('an unknown payment is 404; a customer may not look', async () => {
    const missing = await call(
      'GET',
      '/api/v1/admin/payments/pay_01KC0000000000000000000000/provider',
      undefined,
      as(admin),
    )
    expect(missing.status).toBe(404)
    const id = await h.captured(100)
    expect(
      (await call('GET', `/api/v1/admin/payments/${id}/provider`, undefined, as(h.customer))).status,
    ).toBe(403)
  })
})
