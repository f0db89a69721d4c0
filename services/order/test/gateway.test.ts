import { describe, expect, test } from 'bun:test'
import { inProcessGateway } from '@myshop/edge-gateway/in-process'
import { getOrder } from '../src/orders/service.ts'
import { orderFixtures } from './fixtures.ts'
import { orderHarness } from './harness.ts'

const h = await orderHarness()
const f = await orderFixtures(h)
const gateway = inProcessGateway('order', (request) => h.app.handle(request), h.deps.verifier)

/** A request through the gateway, its body read as JSON. */
const send = async (method: string, path: string, token?: string, body?: unknown) => {
  const res = await gateway.send(method, path, token, body)
  return { status: res.status, body: res.text ? JSON.parse(res.text) : null }
}

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
