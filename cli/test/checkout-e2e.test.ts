// End to end: a shopper buys through the gateway of MyShop booted as `myshop start` boots it (every service, each
// with its service identity), in distributed mode with DATABASE_URL / REDIS_URL, else embedded.
import { describe, expect, test } from 'bun:test'
import { uniqueEmail } from '@myshop/testing'
import { bearer, shopAt } from './shop.ts'
import { bootForFile } from './test-platform.ts'

const booted = bootForFile('copper-Meadow-71-falcon')

describe('buying through the gateway', () => {
  test('a shopper fills a cart, checks out with a test card and reads the paid order; an operator sees the saga', async () => {
    const { api, signIn, register, stockedSku, cartOf, checkout, available } = shopAt(
      booted.platform.gatewayUrl,
    )
    const admin = await signIn(booted.admin.email, booted.admin.password)
    const sku = await stockedSku(admin, 'CHECKOUT', 'Checkout kettle', 2500, 3)

    const email = uniqueEmail('buyer')
    const shopper = await register(email, 'amber-Willow-44-harbor')
    const bought = await checkout(shopper, await cartOf(shopper, sku, 2), email)
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
    expect(await available(sku)).toBe(1)

    const saga = await api('GET', `/api/v1/admin/sagas/${bought.body.sagaId}`, undefined, bearer(admin))
    expect(saga.status).toBe(200)
    expect(saga.body).toMatchObject({ kind: 'checkout', status: 'completed', orderId: bought.body.id })
    expect(
      (await api('GET', `/api/v1/admin/sagas/${bought.body.sagaId}`, undefined, bearer(shopper))).status,
    ).toBe(403)

    // Three more units than are left: 409 naming the SKU, nothing held.
    const short = await checkout(shopper, await cartOf(shopper, sku, 3), email)
    expect(short.status).toBe(409)
    expect(short.body).toMatchObject({
      code: 'insufficient_stock',
      shortages: [{ sku, requested: 3, available: 1 }],
    })
    expect(await available(sku)).toBe(1)
  }, 60_000)
})
