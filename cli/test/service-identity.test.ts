import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { serviceSecret } from '@myshop/auth'
import { serviceTokens } from '@myshop/service-kit'
import { uniqueEmail } from '@myshop/testing'
import type { RunningPlatform } from '../src/platform.ts'
import { startTestPlatform } from './test-platform.ts'

const shopSecret = 'a shop secret for services, thirty-two characters or more'
const adminEmail = uniqueEmail('admin')
const adminPassword = 'copper-Meadow-71-falcon'
let platform: RunningPlatform
let admin: string
const sku = `SVC-${crypto.randomUUID().slice(0, 8).toUpperCase()}`

const call = async (url: string, method: string, body?: unknown, token?: string, headers = {}) => {
  const res = await fetch(url, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
      ...headers,
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

beforeAll(async () => {
  platform = await startTestPlatform(
    { email: adminEmail, password: adminPassword },
    { SERVICE_AUTH_SECRET: shopSecret },
  )
  const gateway = platform.gatewayUrl
  admin = (await call(`${gateway}/api/v1/auth/login`, 'POST', { email: adminEmail, password: adminPassword }))
    .body.accessToken
  const product = await call(
    `${gateway}/api/v1/products`,
    'POST',
    {
      name: 'Service identity test',
      status: 'active',
      variants: [{ sku, price: { amount: 500, currency: 'EUR' } }],
    },
    admin,
  )
  expect(product.status).toBe(201)
  // The inventory service learns the SKU from product.created.
  for (let i = 0; i < 100; i++) {
    if ((await call(`${gateway}/api/v1/inventory/${sku}`, 'GET')).status === 200) break
    await Bun.sleep(50)
  }
  const stocked = await call(
    `${gateway}/api/v1/inventory/${sku}/adjustments`,
    'POST',
    { delta: 5, reason: 'received' },
    admin,
  )
  expect(stocked.status).toBe(201)
}, 60_000)
afterAll(() => platform?.stop())

describe('services calling each other with identities of their own', () => {
  const reserve = (url: string, token: string, key: string) =>
    call(
      `${url}/api/v1/reservations`,
      'POST',
      { reference: 'ord_test', lines: [{ sku, quantity: 1 }] },
      token,
      {
        'idempotency-key': key,
      },
    )

  test('the order service, with the secret myshop start derives for it, reserves stock directly at the inventory service', async () => {
    const tokens = serviceTokens({
      userServiceUrl: platform.services.user!,
      service: 'order',
      secret: await serviceSecret(shopSecret, 'order'),
    })
    const res = await reserve(platform.services.inventory!, await tokens.token(), crypto.randomUUID())
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ status: 'reserved', lines: [{ sku, quantity: 1 }] })
  })

  test('a shopper’s token is refused by the reservation endpoint, directly or through the gateway', async () => {
    const email = uniqueEmail('shopper')
    await call(`${platform.gatewayUrl}/api/v1/auth/register`, 'POST', {
      email,
      password: adminPassword,
      name: 'Shopper',
    })
    const shopper = (
      await call(`${platform.gatewayUrl}/api/v1/auth/login`, 'POST', { email, password: adminPassword })
    ).body.accessToken
    expect((await reserve(platform.services.inventory!, shopper, crypto.randomUUID())).status).toBe(403)
    expect((await reserve(platform.gatewayUrl, shopper, crypto.randomUUID())).status).toBe(403)
  })

  test('a service’s token is refused at the gateway, which is for people', async () => {
    const token = (
      await call(`${platform.services.user}/api/v1/auth/service-token`, 'POST', {
        service: 'order',
        secret: await serviceSecret(shopSecret, 'order'),
      })
    ).body.accessToken
    const res = await reserve(platform.gatewayUrl, token, crypto.randomUUID())
    expect(res.status).toBe(401)
    expect(res.body).toMatchObject({ code: 'invalid_token' })
  })

  test('a service without the permission is refused by the inventory service (403)', async () => {
    const tokens = serviceTokens({
      userServiceUrl: platform.services.user!,
      service: 'analytics',
      secret: await serviceSecret(shopSecret, 'analytics'),
    })
    expect(
      (await reserve(platform.services.inventory!, await tokens.token(), crypto.randomUUID())).status,
    ).toBe(403)
  })
})
