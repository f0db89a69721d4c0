// End to end: a shopper buys through the gateway of MyShop booted as `myshop start` boots it (every service, each
// with its service identity), in distributed mode with DATABASE_URL / REDIS_URL, else embedded.
import { describe, expect, test } from 'bun:test'
import { httpCaller, uniqueEmail } from '@myshop/testing'
import { bootForFile } from './test-platform.ts'

const booted = bootForFile('copper-Meadow-71-falcon')

const api = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  httpCaller(booted.platform.gatewayUrl)(method, path, body, headers)
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

const signIn = async (email: string, password: string) => {
  const res = await api('POST', '/api/v1/auth/login', { email, password })
  expect(res.status).toBe(200)
  return res.body.accessToken as string
}

describe('buying through the gateway', () => {
  test('a shopper fills a cart, checks out with a test card and reads the paid order; an operator sees the saga', async () => {
    const admin = await signIn(booted.admin.email, booted.admin.password)
    const sku = `E2E-CHECKOUT-${crypto.randomUUID().slice(0, 8).toUpperCase()}`
    const product = await api(
      'POST',
      '/api/v1/products',
      {
        name: 'Checkout kettle',
        status: 'active',
        variants: [{ sku, price: { amount: 2500, currency: 'EUR' } }],
      },
      bearer(admin),
    )
    expect(product.status).toBe(201)
    // The inventory service learns of the SKU from product.created.
    for (let tries = 0; (await api('GET', `/api/v1/inventory/${sku}`)).status !== 200; tries++) {
      expect(tries).toBeLessThan(100)
      await Bun.sleep(50)
    }
    const stocked = await api(
      'POST',
      `/api/v1/inventory/${sku}/adjustments`,
      { delta: 3, reason: 'received' },
      bearer(admin),
    )
    expect(stocked.status).toBe(201)

    const email = uniqueEmail('buyer')
    const password = 'amber-Willow-44-harbor'
    expect((await api('POST', '/api/v1/auth/register', { email, password, name: 'Buyer' })).status).toBe(201)
    const shopper = await signIn(email, password)
    const cart = await api('POST', '/api/v1/carts', undefined, bearer(shopper))
    expect(cart.status).toBe(201)
    const added = await api(
      'POST',
      `/api/v1/carts/${cart.body.id}/items`,
      { sku, quantity: 2 },
      bearer(shopper),
    )
    expect(added.status).toBe(200)

    const body = {
      cartId: cart.body.id,
      email,
      shippingAddress: {
        name: 'Grace Buyer',
        line1: '7 Rue Neuve',
        city: 'Lyon',
        postalCode: '69002',
        country: 'FR',
      },
      shippingOption: 'shp_standard',
      payment: { provider: 'test', token: 'tok_visa' },
    }
    const key = crypto.randomUUID()
    const bought = await api('POST', '/api/v1/checkout', body, { ...bearer(shopper), 'idempotency-key': key })
    expect(bought.status).toBe(201)
    expect(bought.body).toMatchObject({
      status: 'paid',
      email,
      lines: [{ sku, quantity: 2, unitPrice: 2500, lineTotal: 5000 }],
      totals: { subtotal: 5000 },
      payment: { status: 'captured' },
      nextAction: null,
    })
    const order = await api('GET', `/api/v1/orders/${bought.body.id}`, undefined, bearer(shopper))
    expect(order.body).toMatchObject({ id: bought.body.id, status: 'paid' })
    const stock = await api('GET', `/api/v1/inventory/${sku}`)
    expect(stock.body.available).toBe(1)

    const saga = await api('GET', `/api/v1/admin/sagas/${bought.body.sagaId}`, undefined, bearer(admin))
    expect(saga.status).toBe(200)
    expect(saga.body).toMatchObject({ kind: 'checkout', status: 'completed', orderId: bought.body.id })
    expect(
      (await api('GET', `/api/v1/admin/sagas/${bought.body.sagaId}`, undefined, bearer(shopper))).status,
    ).toBe(403)

    // Three more units than are left: 409 naming the SKU, nothing held.
    const second = await api('POST', '/api/v1/carts', undefined, bearer(shopper))
    await api('POST', `/api/v1/carts/${second.body.id}/items`, { sku, quantity: 3 }, bearer(shopper))
    const short = await api(
      'POST',
      '/api/v1/checkout',
      { ...body, cartId: second.body.id },
      { ...bearer(shopper), 'idempotency-key': crypto.randomUUID() },
    )
    expect(short.status).toBe(409)
    expect(short.body).toMatchObject({
      code: 'insufficient_stock',
      shortages: [{ sku, requested: 3, available: 1 }],
    })
    expect((await api('GET', `/api/v1/inventory/${sku}`)).body.available).toBe(1)
  }, 60_000)
})
