import { describe, expect, test } from 'bun:test'
import { inProcessGateway } from '@myshop/edge-gateway/in-process'
import { productCatalog } from '../src/catalog/client.ts'
import { getOrder } from '../src/orders/service.ts'
import { catalogServer, uniqueSku } from './catalog-server.ts'
import { orderFixtures } from './fixtures.ts'
import { orderHarness } from './harness.ts'

const catalog = catalogServer()
const h = await orderHarness({ catalog: productCatalog({ baseUrl: catalog.url }) })
const f = await orderFixtures(h)
const gateway = inProcessGateway('order', (request) => h.app.handle(request), h.deps.verifier)
const send = async (method: string, path: string, token?: string, body?: unknown) => {
  const res = await gateway.send(method, path, token, body)
  return { status: res.status, body: res.text ? JSON.parse(res.text) : null }
}

describe('the cart routes at the gateway', () => {
  test('a guest builds a cart, signs in, and finds it theirs; others get 404', async () => {
    const sku = catalog.put({ sku: uniqueSku(), price: { amount: 3000, currency: 'EUR' } })
    const created = await send('POST', '/api/v1/carts')
    expect(created.status).toBe(201)
    const id = created.body.id as string
    const added = await send('POST', `/api/v1/carts/${id}/items`, undefined, { sku, quantity: 2 })
    expect([added.status, added.body.totals]).toEqual([200, { subtotal: 6000, itemCount: 2 }])
    expect((await send('PATCH', `/api/v1/carts/${id}/items/${sku}`, undefined, { quantity: 1 })).status).toBe(
      200,
    )

    const shopper = await h.tokens.sign({ roles: ['customer'], sub: 'usr_gateway_shopper' })
    const mine = await send('GET', `/api/v1/carts/${id}`, shopper)
    expect(mine).toMatchObject({ status: 200, body: { id, userId: 'usr_gateway_shopper' } })

    const other = await h.tokens.sign({ roles: ['customer'], sub: 'usr_gateway_other' })
    for (const token of [undefined, other, h.admin]) {
      expect((await send('GET', `/api/v1/carts/${id}`, token)).status).toBe(404)
      expect((await send('DELETE', `/api/v1/carts/${id}/items/${sku}`, token)).status).toBe(404)
    }
    expect((await send('GET', `/api/v1/carts/${id}`, 'not.a.token')).status).toBe(401)
    expect((await send('DELETE', `/api/v1/carts/${id}/items/${sku}`, shopper)).body.items).toEqual([])
  })

  test('refuses bad input at the service through the gateway (422)', async () => {
    const id = (await send('POST', '/api/v1/carts')).body.id
    expect(
      (await send('POST', `/api/v1/carts/${id}/items`, undefined, { sku: 'A', quantity: 0 })).status,
    ).toBe(422)
    expect((await send('GET', '/api/v1/carts/nope')).status).toBe(422)
  })
})

describe('the order routes at the gateway', async () => {
  const order = await f.paid()
  const writes: [string, string, unknown][] = [
    ['POST', `/api/v1/orders/${order.id}/fulfillments`, { trackingNumber: 'T-1' }],
    ['POST', `/api/v1/orders/${order.id}/deliveries`, undefined],
  ]

  test('a customer reads their own orders and order; someone else’s order is missing', async () => {
    const own = await send('GET', '/api/v1/orders', h.customer)
    expect(own.status).toBe(200)
    expect(own.body.items.map((o: { id: string }) => o.id)).toContain(order.id)
    expect(await send('GET', `/api/v1/orders/${order.id}`, h.customer)).toMatchObject({
      status: 200,
      body: { id: order.id, status: 'paid' },
    })
    expect((await send('GET', `/api/v1/orders/${order.id}`, f.otherCustomer)).status).toBe(404)
    const theirs = await send('GET', '/api/v1/orders', f.otherCustomer)
    expect(theirs.body.items.map((o: { id: string }) => o.id)).not.toContain(order.id)
  })

  test('refuses the anonymous (401) and customers (403) before the service, changing nothing', async () => {
    for (const [method, path, body] of [
      ...writes,
      ['GET', '/api/v1/orders', undefined],
      ['GET', `/api/v1/orders/${order.id}`, undefined],
      ['GET', '/api/v1/admin/orders', undefined],
      ['GET', '/api/v1/admin/audit/order', undefined],
    ] as [string, string, unknown][])
      expect([method, path, (await send(method, path, undefined, body)).status]).toEqual([method, path, 401])
    for (const [method, path, body] of [
      ...writes,
      ['GET', '/api/v1/admin/orders', undefined],
      ['GET', '/api/v1/admin/audit/order', undefined],
    ] as [string, string, unknown][])
      expect([method, path, (await send(method, path, h.customer, body)).status]).toEqual([method, path, 403])
    // A catalog manager has no orders to read; support does not verify audit trails.
    expect((await send('GET', '/api/v1/orders', f.catalogManager)).status).toBe(403)
    expect((await send('GET', '/api/v1/admin/audit/order', h.support)).status).toBe(403)
    expect((await getOrder(h.deps, order.id)).status).toBe('paid')
  })

  test('passes support and admins through', async () => {
    expect((await send('GET', '/api/v1/admin/orders?limit=1', h.support)).status).toBe(200)
    expect((await send('GET', `/api/v1/orders/${order.id}`, h.support)).body.id).toBe(order.id)
    expect(
      (await send('POST', `/api/v1/orders/${order.id}/fulfillments`, h.support, { trackingNumber: 'T-1' }))
        .status,
    ).toBe(201)
    expect((await send('POST', `/api/v1/orders/${order.id}/deliveries`, h.admin)).body.status).toBe(
      'delivered',
    )
    expect(await send('GET', '/api/v1/admin/audit/order', h.admin)).toMatchObject({
      status: 200,
      body: { service: 'order', ok: true },
    })
  })
})
