import { afterAll, expect } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { memorySessionStore, serviceSecret } from '@myshop/auth'
import { memoryBus } from '@myshop/events'
import { inventoryService } from '@myshop/inventory-service'
import { paymentService } from '@myshop/payment-service'
import type { RunningService } from '@myshop/service-kit'
import { testDatabase, uniqueEmail } from '@myshop/testing'
import { userService } from '@myshop/user-service'
import type { OrderDeps } from '../src/deps.ts'
import { orderService } from '../src/index.ts'
import { catalogServer, uniqueSku } from './catalog-server.ts'

export const shopSecret = 'a shop secret for checkout tests, thirty-two characters or more'
const adminPassword = 'copper-Meadow-71-falcon'
const shopperPassword = 'lantern-Orchid-42-harbor'

export interface JsonResponse {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are read field by field
  body: any
  headers: Headers
}

/** A JSON request over real HTTP. */
export const http = async (
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> => {
  const res = await fetch(url, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {}
  return { status: res.status, body: parsed, headers: res.headers }
}

/** The rows of a query as a plain array. */
const rows = async <T>(query: Promise<readonly T[]>): Promise<T[]> => [...(await query)]

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/**
 * The services checkout runs across, each the real one on a port of its own, on the test database: the user service
 * (issuing the order service its service tokens, and shoppers theirs), inventory, payment, and the order service
 * itself (its recovery loop slowed down so tests run recovery when they choose), with a product service of the
 * test's own for prices. `env` adds to every service's configuration.
 */
export const checkoutPlatform = async (env: Record<string, string> = {}) => {
  const catalog = catalogServer()
  const dataDir = mkdtempSync(join(tmpdir(), 'myshop-checkout-'))
  const adminEmail = uniqueEmail('admin')
  const db = await testDatabase()
  const distributed = Boolean(process.env.DATABASE_URL)
  const base: Record<string, string> = {
    USER_PORT: '0',
    INVENTORY_PORT: '0',
    PAYMENT_PORT: '0',
    ORDER_PORT: '0',
    MYSHOP_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SERVICE_AUTH_SECRET: shopSecret,
    MYSHOP_ADMIN_EMAIL: adminEmail,
    MYSHOP_ADMIN_PASSWORD: adminPassword,
    PRODUCT_SERVICE_URL: catalog.url,
    SAGA_RECOVERY_INTERVAL_MS: '3600000',
    SAGA_RETRY_BASE_MS: '50',
    ...(distributed && { DATABASE_URL: db.url }),
    ...(process.env.REDIS_URL && { REDIS_URL: process.env.REDIS_URL }),
    ...env,
  }
  /** What a separate order-service process needs to join these services. */
  const processEnv = (): Record<string, string> => ({
    ...base,
    USER_SERVICE_URL: user.url,
    INVENTORY_SERVICE_URL: inventory.url,
    PAYMENT_SERVICE_URL: payment.url,
  })
  const shared = distributed ? {} : { sql: db.sql, sessions: memorySessionStore(), bus: memoryBus() }
  const stops: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const stop of stops) await stop()
  })
  const start = async <D>(
    service: {
      name: string
      loadConfig(env: Record<string, string | undefined>): never
      start(config: never, shared?: never): Promise<RunningService<D>>
    },
    more: Record<string, string>,
  ) => {
    const config = service.loadConfig({
      ...base,
      ...more,
      SERVICE_SECRET: await serviceSecret(shopSecret, service.name as 'order'),
    })
    const running = await service.start(config, shared as never)
    stops.unshift(() => running.stop())
    return running
  }
  // biome-ignore lint/suspicious/noExplicitAny: each service's own configuration type is not needed here
  const any = (service: unknown) => service as any
  const user = await start(any(userService), {})
  const urls = { USER_SERVICE_URL: user.url }
  const inventory = await start(any(inventoryService), urls)
  const payment = await start(any(paymentService), urls)
  const serviceUrls = { ...urls, INVENTORY_SERVICE_URL: inventory.url, PAYMENT_SERVICE_URL: payment.url }
  const order = (await start(any(orderService), serviceUrls)) as RunningService<OrderDeps>
  const deps = order.deps
  let offsetMs = 0
  deps.now = () => Date.now() + offsetMs

  const signIn = async (email: string, password: string) => {
    const res = await http(`${user.url}/api/v1/auth/login`, 'POST', { email, password })
    expect(res.status).toBe(200)
    const token = res.body.accessToken as string
    const sub = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub as string
    return { token, userId: sub }
  }
  const admin = await signIn(adminEmail, adminPassword)

  /** A token of the order service's own identity, as it calls other services with. */
  const serviceToken = async () => {
    const res = await http(`${user.url}/api/v1/auth/service-token`, 'POST', {
      service: 'order',
      secret: await serviceSecret(shopSecret, 'order'),
    })
    expect(res.status).toBe(200)
    return res.body.accessToken as string
  }

  /** A shopper of their own, signed in. */
  const shopper = async () => {
    const email = uniqueEmail('shopper')
    const res = await http(`${user.url}/api/v1/auth/register`, 'POST', {
      email,
      password: shopperPassword,
      name: 'Shopper',
    })
    expect(res.status).toBe(201)
    return { email, ...(await signIn(email, shopperPassword)) }
  }

  /** A new SKU priced at `price` (EUR minor units) with `onHand` units in stock. */
  const product = async (onHand: number, price = 1000) => {
    const sku = catalog.put({ sku: uniqueSku('CHK'), price: { amount: price, currency: 'EUR' } })
    // The inventory service learns a product's SKUs from product.created; this product service of the test's own
    // writes no events, so the SKU is counted in the way that consumer does.
    await (inventory.deps as { sql: OrderDeps['sql'] }).sql`
      insert into inventory.skus (sku) values (${sku}) on conflict do nothing`
    if (onHand > 0) {
      const res = await http(
        `${inventory.url}/api/v1/inventory/${sku}/adjustments`,
        'POST',
        { delta: onHand, reason: 'received' },
        bearer(admin.token),
      )
      expect(res.status).toBe(201)
    }
    return sku
  }

  /** A cart holding `lines`, a guest's unless a shopper's token is given. */
  const cart = async (lines: { sku: string; quantity: number }[], token?: string) => {
    const auth = token ? bearer(token) : {}
    const created = await http(`${order.url}/api/v1/carts`, 'POST', undefined, auth)
    expect([200, 201]).toContain(created.status)
    for (const line of lines) {
      const res = await http(`${order.url}/api/v1/carts/${created.body.id}/items`, 'POST', line, auth)
      expect(res.status).toBe(200)
    }
    return created.body.id as string
  }

  const checkoutBody = (cartId: string, token = 'tok_visa', email = 'buyer@example.com') => ({
    cartId,
    email,
    shippingAddress: {
      name: 'Ada Buyer',
      line1: '1 Main St',
      city: 'Berlin',
      postalCode: '10115',
      country: 'DE',
    },
    shippingOption: 'shp_standard',
    payment: { provider: 'test', token },
  })

  const checkout = (body: unknown, key: string = crypto.randomUUID(), token?: string) =>
    http(`${order.url}/api/v1/checkout`, 'POST', body, {
      'idempotency-key': key,
      ...(token && bearer(token)),
    })

  /** What the database holds for a SKU at the inventory service. */
  const stock = async (sku: string) => {
    const [row] = await deps.sql<{ onHand: number; reserved: number; available: number; ledger: number }[]>`
      select s.on_hand as "onHand", s.reserved, s.available,
             coalesce((select sum(a.delta) from inventory.adjustments a where a.sku = s.sku), 0)::int as ledger
      from inventory.stock s where s.sku = ${sku}`
    return row ?? null
  }

  /** An order's reservations at the inventory service, by status. */
  const reservations = async (orderId: string) =>
    rows(deps.sql<{ id: string; status: string }[]>`
      select id, status from inventory.reservations where reference = ${orderId} order by created_at`)

  /** The payment ledger of an order: every provider call made, by kind and outcome. */
  const ledger = async (orderId: string) =>
    rows(deps.sql<{ kind: string; outcome: string }[]>`
      select t.kind, t.outcome from payments.transactions t join payments.payments p on p.id = t.payment_id
      where p.reference = ${orderId} order by t.created_at, t.id`)

  const payments = async (orderId: string) =>
    rows(deps.sql<{ id: string; status: string; capturedAmount: number; refundedAmount: number }[]>`
      select id, status, captured_amount::int as "capturedAmount", refunded_amount::int as "refundedAmount"
      from payments.payments where reference = ${orderId}`)

  /** The charges the test provider itself holds for an order's payments (what the card was charged). */
  const charges = async (orderId: string) =>
    rows(deps.sql<{ status: string }[]>`
      select c.status from payments.test_provider_charges c
      join payments.payments p on c.idempotency_key = p.id || ':authorize' where p.reference = ${orderId}`)

  const sagaOf = async (orderId: string) =>
    (
      await deps.sql<{ id: string; status: string }[]>`
        select id, status from orders.sagas where order_id = ${orderId} and kind = 'checkout'`
    )[0]!

  return {
    user,
    inventory,
    payment,
    order,
    deps,
    catalog,
    admin,
    kind: db.kind,
    distributed,
    shopper,
    serviceToken,
    processEnv,
    product,
    cart,
    checkoutBody,
    checkout,
    stock,
    reservations,
    ledger,
    payments,
    charges,
    sagaOf,
    advance: (ms: number) => {
      offsetMs += ms
    },
  }
}

export type CheckoutPlatform = Awaited<ReturnType<typeof checkoutPlatform>>
