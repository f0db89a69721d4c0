import { describe, expect, test } from 'bun:test'
import { inProcessGateway } from '@myshop/edge-gateway/in-process'
import { orderHarness } from './harness.ts'

const h = await orderHarness()
const gateway = inProcessGateway('order', (request) => h.app.handle(request), h.deps.verifier)
const send = async (method: string, path: string, token?: string, body?: unknown) => {
  const res = await gateway.send(method, path, token, body)
  return { status: res.status, body: res.text ? JSON.parse(res.text) : null }
}

describe('the shipping and tax routes at the gateway', () => {
  const option = {
    name: 'Gateway courier',
    prices: [{ currency: 'EUR', amount: 500 }],
    estimatedDays: { min: 1, max: 2 },
  }
  const admin: [string, string, unknown][] = [
    ['GET', '/api/v1/admin/shipping-options', undefined],
    ['POST', '/api/v1/admin/shipping-options', option],
    ['GET', '/api/v1/admin/shipping-options/shp_standard', undefined],
    ['PATCH', '/api/v1/admin/shipping-options/shp_standard', { name: 'Renamed' }],
    ['DELETE', '/api/v1/admin/shipping-options/shp_standard', undefined],
    ['GET', '/api/v1/admin/tax-rates', undefined],
    ['PUT', '/api/v1/admin/tax-rates/DE', { rate: 1900 }],
    ['DELETE', '/api/v1/admin/tax-rates/DE', undefined],
  ]

  test('anyone lists the shipping options offered to a destination', async () => {
    const res = await send('GET', '/api/v1/shipping-options?country=DE&currency=EUR')
    expect(res.status).toBe(200)
    expect(res.body.items[0]).toMatchObject({ id: 'shp_standard', isDefault: true })
  })

  test('refuses the anonymous (401), customers and support (403) before the service, changing nothing', async () => {
    for (const [method, path, body] of admin) {
      expect([method, path, (await send(method, path, undefined, body)).status]).toEqual([method, path, 401])
      for (const token of [h.customer, h.support])
        expect([method, path, (await send(method, path, token, body)).status]).toEqual([method, path, 403])
    }
    const [standard] = await h.sql`select name, active from orders.shipping_options where id = 'shp_standard'`
    expect(standard).toEqual({ name: 'Standard delivery', active: true })
    expect(await h.sql`select * from orders.tax_rates`).toHaveLength(0)
    expect(await h.sql`select * from orders.shipping_options where name = 'Gateway courier'`).toHaveLength(0)
  })

  test('passes admins through', async () => {
    expect((await send('PUT', '/api/v1/admin/tax-rates/DE', h.admin, { rate: 1900 })).status).toBe(200)
    expect((await send('GET', '/api/v1/admin/tax-rates', h.admin)).body.items).toHaveLength(1)
    expect((await send('DELETE', '/api/v1/admin/tax-rates/DE', h.admin)).status).toBe(204)
    expect((await send('POST', '/api/v1/admin/shipping-options', h.admin, option)).status).toBe(201)
    expect((await send('GET', '/api/v1/admin/shipping-options/shp_standard', h.admin)).status).toBe(200)
  })
})
