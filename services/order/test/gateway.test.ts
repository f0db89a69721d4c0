import { describe, expect, test } from 'bun:test'
import { inProcessGateway } from '@myshop/edge-gateway/in-process'
import { productCatalog } from '../src/catalog/client.ts'
import { catalogServer, uniqueSku } from './catalog-server.ts'
import { orderHarness } from './harness.ts'

const catalog = catalogServer()
const h = await orderHarness({ catalog: productCatalog({ baseUrl: catalog.url }) })
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
