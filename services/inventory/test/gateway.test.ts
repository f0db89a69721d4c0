import { describe, expect, test } from 'bun:test'
import { createGateway } from '@myshop/edge-gateway'
import { gatewayConfig } from '@myshop/edge-gateway/config'
import { inventoryHarness } from './harness.ts'

const h = await inventoryHarness()
// The gateway as `myshop start` runs it, handing requests to the service in process.
const gateway = createGateway({
  config: gatewayConfig({ JWKS_URL: 'http://127.0.0.1:9/jwks.json' }),
  store: null,
  verifier: h.deps.verifier,
  getClientIp: () => '203.0.113.7',
  local: { inventory: (request) => h.app.handle(request) },
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
  return { status: res.status, body: await res.json().catch(() => null) }
}

describe('the inventory routes at the gateway', async () => {
  const sku = await h.stocked(5)
  const held = await h.reserve({ reference: h.unique('ord'), lines: [{ sku, quantity: 1 }] })
  const id = held.body.id as string
  const writes: [string, string, unknown][] = [
    ['POST', `/api/v1/inventory/${sku}/adjustments`, { delta: -5, reason: 'gone' }],
    ['PUT', `/api/v1/inventory/${sku}/threshold`, { threshold: 4 }],
  ]
  const reservations: [string, string, unknown][] = [
    ['POST', '/api/v1/reservations', { reference: 'x', lines: [{ sku, quantity: 4 }] }],
    ['GET', `/api/v1/reservations/${id}`, undefined],
    ['POST', `/api/v1/reservations/${id}/commit`, undefined],
    ['POST', `/api/v1/reservations/${id}/release`, undefined],
  ]
  const key = { 'idempotency-key': crypto.randomUUID() }

  test('anyone reads a SKU’s availability; holders of inventory:read see its locations', async () => {
    expect(await send('GET', `/api/v1/inventory/${sku}`)).toEqual({
      status: 200,
      body: { sku, available: 4, status: 'in_stock' },
    })
    expect((await send('GET', `/api/v1/inventory/${sku}`, h.manager)).body.locations).toHaveLength(1)
    expect((await send('GET', '/api/v1/inventory/low', h.manager)).status).toBe(200)
  })

  test('refuses the anonymous (401), customers and the wrong roles (403) before the service, changing nothing', async () => {
    for (const [method, path, body] of [
      ...writes,
      ...reservations,
      ['GET', '/api/v1/inventory/low', undefined] as [string, string, unknown],
    ]) {
      expect([method, path, (await send(method, path, undefined, body, key)).status]).toEqual([
        method,
        path,
        401,
      ])
      expect([method, path, (await send(method, path, h.customer, body, key)).status]).toEqual([
        method,
        path,
        403,
      ])
    }
    // A catalog manager reads stock but does not change it; an inventory manager does not reserve.
    for (const [method, path, body] of writes)
      expect((await send(method, path, h.catalogManager, body, key)).status).toBe(403)
    for (const [method, path, body] of reservations)
      expect((await send(method, path, h.manager, body, key)).status).toBe(403)
    expect(await h.stockRows(sku)).toEqual([
      { location: 'default', onHand: 5, reserved: 1, available: 4, ledger: 5 },
    ])
    expect((await send('GET', `/api/v1/reservations/${id}`, h.admin)).body.status).toBe('reserved')
  })

  test('passes the allowed callers through', async () => {
    expect(
      (await send('PUT', `/api/v1/inventory/${sku}/threshold`, h.manager, { threshold: 1 })).status,
    ).toBe(200)
    expect((await send('POST', `/api/v1/reservations/${id}/commit`, h.admin)).status).toBe(200)
  })

  test('lets only holders of audit:read (admins) verify the audit trail', async () => {
    const path = '/api/v1/admin/audit/inventory'
    expect((await send('GET', path)).status).toBe(401)
    for (const token of [h.customer, h.manager, h.catalogManager])
      expect((await send('GET', path, token)).status).toBe(403)
    expect(await send('GET', path, h.admin)).toMatchObject({
      status: 200,
      body: { service: 'inventory', ok: true },
    })
  })
})
