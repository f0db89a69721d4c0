import { describe, expect, test } from 'bun:test'
import { inProcessGateway } from '@myshop/edge-gateway/in-process'
import { orderHarness } from './harness.ts'

const h = await orderHarness()
const gateway = inProcessGateway('order', (request) => h.app.handle(request), h.deps.verifier)
const send = async (method: string, path: string, token?: string, body?: unknown) => {
  const res = await gateway.send(method, path, token, body)
  return { status: res.status, body: res.text ? JSON.parse(res.text) : null }
}

const saga = 'sag_01KC0000000000000000000000'
const order = 'ord_01KC0000000000000000000000'

describe('checkout, cancel, refunds and the saga API at the gateway', () => {
  test('the saga API refuses the anonymous (401), customers and support (403) before the service', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/admin/sagas'],
      ['GET', `/api/v1/admin/sagas/${saga}`],
      ['POST', `/api/v1/admin/sagas/${saga}/retry`],
      ['POST', `/api/v1/admin/sagas/${saga}/compensate`],
    ] as const) {
      expect([method, path, (await send(method, path)).status]).toEqual([method, path, 401])
      for (const token of [h.customer, h.support])
        expect([method, path, (await send(method, path, token)).status]).toEqual([method, path, 403])
    }
  })

  test('passes administrators through to the saga API', async () => {
    const res = await send('GET', '/api/v1/admin/sagas?limit=1', h.admin)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ items: expect.any(Array) })
    expect((await send('GET', `/api/v1/admin/sagas/${saga}`, h.admin)).status).toBe(404)
  })

  test('refunds are for orders:write_all; cancelling needs a signed-in person; checkout is open to guests', async () => {
    expect((await send('POST', `/api/v1/orders/${order}/refunds`, undefined, {})).status).toBe(401)
    expect((await send('POST', `/api/v1/orders/${order}/refunds`, h.customer, {})).status).toBe(403)
    expect((await send('POST', `/api/v1/orders/${order}/refunds`, h.support, {})).status).toBe(404)
    expect((await send('POST', `/api/v1/orders/${order}/cancel`)).status).toBe(401)
    expect((await send('POST', `/api/v1/orders/${order}/cancel`, h.customer)).status).toBe(404)
    // A guest reaches checkout (here without service identities configured: 503, or 422 without a key).
    expect((await send('POST', '/api/v1/checkout', undefined, {})).status).toBe(422)
  })
})
