import { describe, expect, test } from 'bun:test'
import { createGateway } from '@myshop/edge-gateway'
import { gatewayConfig } from '@myshop/edge-gateway/config'
import { paymentHarness } from './harness.ts'

const h = await paymentHarness()
// The gateway as `myshop start` runs it, handing requests to the service in process.
const gateway = createGateway({
  config: gatewayConfig({ JWKS_URL: 'http://127.0.0.1:9/jwks.json' }),
  store: null,
  verifier: h.deps.verifier,
  getClientIp: () => '203.0.113.7',
  local: { payment: (request) => h.app.handle(request) },
})

const send = async (method: string, path: string, token?: string, body?: unknown, headers = {}) => {
  const res = await gateway.fetch(
    new Request(`http://gateway.test${path}`, {
      method,
      headers: {
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    }),
  )
  return { status: res.status, text: await res.text() }
}

describe('the payment routes at the gateway', async () => {
  const captured = await h.captured(3000)
  const threeDs = await h.authorize({ token: 'tok_3ds' })
  const key = { 'idempotency-key': crypto.randomUUID() }
  const body = { reference: 'ord_x', amount: 100, currency: 'EUR', provider: 'test', token: 'tok_visa' }
  const guarded: [string, string, unknown][] = [
    ['POST', '/api/v1/payments', body],
    ['GET', `/api/v1/payments/${captured}`, undefined],
    ['POST', `/api/v1/payments/${captured}/capture`, undefined],
    ['POST', `/api/v1/payments/${captured}/void`, undefined],
    ['POST', `/api/v1/payments/${captured}/refunds`, { amount: 1 }],
  ]

  test('refuses the anonymous (401), customers and support (403) before the service, changing nothing', async () => {
    for (const [method, path, payload] of guarded) {
      expect([path, (await send(method, path, undefined, payload, key)).status]).toEqual([path, 401])
      expect([path, (await send(method, path, h.customer, payload, key)).status]).toEqual([path, 403])
      expect([path, (await send(method, path, h.support, payload, key)).status]).toEqual([path, 403])
    }
    expect((await h.rows(captured)).payment).toMatchObject({ status: 'captured', refundedAmount: 0 })
  })

  test('administrators reach them', async () => {
    expect((await send('GET', `/api/v1/payments/${captured}`, h.admin)).status).toBe(200)
    expect(
      (await send('POST', `/api/v1/payments/${captured}/refunds`, h.admin, { amount: 1 }, key)).status,
    ).toBe(201)
  })

  test('the customer opens the test provider’s check page without signing in; its callback needs no token', async () => {
    const page = await send('GET', threeDs.body.nextAction.url)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Approve')
    const { text, signature } = h.signed({
      id: `evt_${crypto.randomUUID()}`,
      charge: 'tpc_x',
      outcome: 'succeeded',
    })
    const callback = await gateway.fetch(
      new Request('http://gateway.test/api/v1/webhooks/test-provider', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'test-provider-signature': signature },
        body: text,
      }),
    )
    expect(callback.status).toBe(200)
    expect(await callback.json()).toEqual({ paymentId: null, status: null })
    const forged = await gateway.fetch(
      new Request('http://gateway.test/api/v1/webhooks/test-provider', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'test-provider-signature': 't=1,v1=00' },
        body: text,
      }),
    )
    expect(forged.status).toBe(400)
  })
})
