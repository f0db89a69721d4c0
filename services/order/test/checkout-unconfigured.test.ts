import { describe, expect, test } from 'bun:test'
import { orderHarness } from './harness.ts'

const h = await orderHarness()

describe('checkout without service identities', () => {
  test('answers 503 unavailable, saying why, and writes nothing', async () => {
    const res = await h.call(
      'POST',
      '/api/v1/checkout',
      {
        cartId: 'cart_01KC0000000000000000000000',
        email: 'ada@example.com',
        shippingAddress: {
          name: 'Ada',
          line1: 'Hauptstr. 5',
          city: 'Köln',
          postalCode: '50667',
          country: 'DE',
        },
        shippingOption: 'shp_standard',
        payment: { provider: 'test', token: 'tok_visa' },
      },
      { 'idempotency-key': crypto.randomUUID() },
    )
    expect(res.status).toBe(503)
    expect(res.body.code).toBe('unavailable')
    expect(res.body.detail).toContain('SERVICE_SECRET')
    expect(
      await h.sql`select id from orders.sagas where payload ->> 'cartId' = 'cart_01KC0000000000000000000000'`,
    ).toHaveLength(0)
  })
})
