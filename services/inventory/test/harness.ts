import { join } from 'node:path'
import { migrate } from '@myshop/db'
import { productCreated } from '@myshop/events'
import { silentLogger } from '@myshop/logger'
import { appCaller, testDatabase, testTokens } from '@myshop/testing'
import { createApp } from '../src/app.ts'
import type { InventoryDeps } from '../src/deps.ts'
import { countNewSkus } from '../src/stock/service.ts'

export const migrationsDir = join(import.meta.dir, '../../../db/migrations/inventory')

/** An inventory service app on the test database, with a clock tests can move forward. */
export const inventoryHarness = async (overrides: Partial<InventoryDeps> = {}) => {
  const { sql, kind } = await testDatabase()
  await migrate(sql, 'inventory', migrationsDir)
  const tokens = await testTokens()
  let offsetMs = 0
  let eventsWritten = 0
  const deps: InventoryDeps = {
    sql,
    now: () => Date.now() + offsetMs,
    logger: silentLogger(),
    verifier: tokens.verifier(async () => true),
    eventsWritten: () => eventsWritten++,
    settings: { reservationTtlSeconds: 900 },
    ...overrides,
  }
  const app = createApp(deps)
  const call = appCaller(app)
  const as = (token: string) => ({ authorization: `Bearer ${token}` })
  const [admin, manager, customer, catalogManager] = await Promise.all([
    tokens.sign({ roles: ['admin'], sub: 'usr_admin' }),
    tokens.sign({ roles: ['inventory_manager'], sub: 'usr_manager' }),
    tokens.sign({ roles: ['customer'], sub: 'usr_customer' }),
    tokens.sign({ roles: ['catalog_manager'], sub: 'usr_catalog' }),
  ])
  const unique = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}`.toUpperCase()

  /** New SKUs, counted the way a new product's are (from its `product.created`), with no stock. */
  const newSkus = async (count = 1): Promise<string[]> => {
    const skus = Array.from({ length: count }, () => unique('SKU'))
    await countNewSkus(deps, productCreatedEvent(skus))
    return skus
  }

  /** A new SKU with `onHand` units at the default location, counted in by the inventory manager. */
  const stocked = async (onHand: number, location?: string): Promise<string> => {
    const [sku] = await newSkus()
    if (onHand === 0) return sku!
    const res = await call(
      'POST',
      `/api/v1/inventory/${sku}/adjustments`,
      { delta: onHand, reason: 'delivery', ...(location && { location }) },
      as(manager),
    )
    if (res.status !== 201) throw new Error(`stocking failed: ${res.status} ${JSON.stringify(res.body)}`)
    return sku!
  }

  /** Reserves as an administrator (who holds inventory:reserve) under a fresh idempotency key unless given one. */
  const reserve = (body: unknown, key: string = crypto.randomUUID(), token = admin) =>
    call('POST', '/api/v1/reservations', body, { ...as(token), 'idempotency-key': key })

  /** The events of `type` the service wrote about `subject` (a SKU or reservation id found in their data). */
  const events = async (type: string, subject: string) =>
    (
      await sql<{ data: Record<string, unknown> }[]>`
        select data from inventory.outbox where type = ${type} and data::text like ${`%"${subject}"%`}
        order by seq`
    ).map((row) => row.data)

  /** What the database holds for a SKU: its stock rows and the sum of its ledger per location. */
  const stockRows = async (sku: string) => [
    ...(await sql<
      { location: string; onHand: number; reserved: number; available: number; ledger: number }[]
    >`
      select s.location, s.on_hand as "onHand", s.reserved, s.available,
             coalesce((select sum(a.delta) from inventory.adjustments a
                       where a.sku = s.sku and a.location = s.location), 0)::int as ledger
      from inventory.stock s where s.sku = ${sku} order by s.location`),
  ]

  return {
    app,
    deps,
    sql,
    kind,
    call,
    as,
    admin,
    manager,
    customer,
    catalogManager,
    tokens,
    unique,
    newSkus,
    stocked,
    reserve,
    events,
    stockRows,
    /** Moves the service's clock forward. */
    advance: (ms: number) => {
      offsetMs += ms
    },
    eventsWritten: () => eventsWritten,
  }
}

export type InventoryHarness = Awaited<ReturnType<typeof inventoryHarness>>

/** A `product.created` for a new active product with one variant per SKU. */
export const productCreatedEvent = (skus: string[]) =>
  productCreated.create(
    {
      productId: `prd_${crypto.randomUUID().replaceAll('-', '').slice(0, 26).toUpperCase()}`,
      slug: `lamp-${crypto.randomUUID().slice(0, 8)}`,
      name: 'Lamp',
      brand: null,
      status: 'active',
      categoryIds: [],
      variants: skus.map((sku, i) => ({
        id: `var_${i}`,
        sku,
        options: {},
        price: { amount: 1999, currency: 'EUR' },
        compareAtPrice: null,
      })),
      occurredAt: new Date().toISOString(),
    },
    { source: 'product' },
  )
