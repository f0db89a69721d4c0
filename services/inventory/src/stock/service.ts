import type { Tx } from '@myshop/db'
import { AppError } from '@myshop/errors'
import {
  type EnvelopeMeta,
  type EnvelopeOf,
  inbox,
  outbox,
  type productCreated,
  type productUpdated,
  stockAdjusted,
  stockLow,
} from '@myshop/events'
import { newId } from '@myshop/ids'
import { auditAdjustment } from '../audit/service.ts'
import { type InventoryDeps, schema, source } from '../deps.ts'
import { defaultLocation, isLow, type LocationStock, type StockStatus, stockStatus } from './model.ts'
import * as stock from './repository.ts'

/** The request an event was caused by, so traces and logs connect across services. */
export interface EventContext {
  requestId?: string
  traceparent?: string
}

export const eventMeta = (deps: InventoryDeps, ctx: EventContext): EnvelopeMeta => ({
  source,
  occurredAt: new Date(deps.now()),
  ...ctx,
})

const notFound = () => new AppError('not_found', { detail: 'No stock is kept for this SKU' })

/** A SKU as shoppers see it, and with `detailed` as inventory managers do: per location, with its threshold. */
export interface StockView {
  sku: string
  available: number
  status: StockStatus
  threshold?: number | null
  locations?: LocationStock[]
}

export const getStock = async (deps: InventoryDeps, sku: string, detailed: boolean): Promise<StockView> => {
  const known = await stock.findSku(deps.sql, sku)
  if (!known) throw notFound()
  const locations = await stock.locations(deps.sql, sku)
  const available = locations.reduce((sum, l) => sum + l.available, 0)
  const view = { sku, available, status: stockStatus(available, known.threshold) }
  return detailed ? { ...view, threshold: known.threshold, locations } : view
}

/** Locks the stock rows of the SKUs for the rest of the transaction, in an order every writer shares. */
/** Why the ledger's rows of units put back from a committed reservation were written. */
export const returnedReason = 'returned to stock'

/** Units of a reservation already put back on hand, per SKU and location. */
export const returnedUnits = (tx: Tx, reservationId: string) =>
  stock.returnedUnits(tx, reservationId, returnedReason)

export const lockStock = (tx: Tx, skus: string[]) => stock.lock(tx, [...new Set(skus)].sort())

/** A change to a location's counts, made under `lockStock`. */
export const moveStock = (
  deps: InventoryDeps,
  tx: Tx,
  change: { sku: string; location: string; onHand: number; reserved: number },
) => stock.move(tx, { ...change, at: new Date(deps.now()) })

/**
 * Appends a row to the ledger for a change of on_hand just made with `moveStock`, and its `stock.adjusted` event.
 */
export const recordAdjustment = async (
  deps: InventoryDeps,
  tx: Tx,
  row: stock.StockRow,
  entry: { delta: number; reason: string; actor: string; reservationId: string | null },
  ctx: EventContext,
) => {
  const at = new Date(deps.now())
  const adjustment = await stock.insertAdjustment(tx, {
    id: newId('adj', at.getTime()),
    sku: row.sku,
    location: row.location,
    ...entry,
    at,
  })
  await outbox.add(
    tx,
    schema,
    stockAdjusted.create(
      {
        adjustmentId: adjustment.id,
        sku: row.sku,
        location: row.location,
        delta: entry.delta,
        reason: entry.reason,
        actor: entry.actor,
        reservationId: entry.reservationId,
        onHand: row.onHand,
        reserved: row.reserved,
        available: row.available,
        occurredAt: at.toISOString(),
      },
      eventMeta(deps, ctx),
    ),
  )
  return adjustment
}

/**
 * After the SKUs' available stock changed (their rows locked by `lockStock`): a SKU that fell to or below its
 * threshold gets one `stock.low`, and one that rose above it again is armed for the next crossing.
 */
export const followThresholds = async (deps: InventoryDeps, tx: Tx, skus: string[], ctx: EventContext) => {
  for (const level of await stock.levels(tx, [...new Set(skus)])) {
    const below = isLow(level.available, level.threshold)
    if (below === level.low) continue
    await stock.setLow(tx, level.sku, below)
    if (below)
      await outbox.add(
        tx,
        schema,
        stockLow.create(
          {
            sku: level.sku,
            available: Math.max(level.available, 0),
            threshold: level.threshold!,
            occurredAt: new Date(deps.now()).toISOString(),
          },
          eventMeta(deps, ctx),
        ),
      )
  }
}

/**
 * Counts stock in (a positive delta) or out at a location, the default one unless named; a count out of more than
 * is available there is refused.
 */
export const adjustStock = async (
  deps: InventoryDeps,
  sku: string,
  {
    delta,
    reason,
    location = defaultLocation,
  }: { delta: number; reason: string; location?: string | undefined },
  actor: string,
  ctx: EventContext = {},
) => {
  const input = { delta, reason, location }
  if (input.delta === 0)
    throw new AppError('validation_failed', {
      detail: 'An adjustment counts at least one unit in or out',
      errors: [{ path: '/delta', message: 'must not be 0' }],
    })
  const result = await deps.sql.begin(async (tx) => {
    if (!(await stock.findSku(tx, sku))) throw notFound()
    await stock.addLocation(tx, sku, input.location, new Date(deps.now()))
    const current = (await lockStock(tx, [sku])).find((row) => row.location === input.location)!
    if (current.available + input.delta < 0)
      throw new AppError('insufficient_stock', {
        detail: `${sku} has ${current.available} available at ${input.location}, fewer than the ${-input.delta} counted out`,
        errors: [{ path: '/delta', message: `${current.available} available` }],
      })
    const row = await moveStock(deps, tx, { sku, location: input.location, onHand: input.delta, reserved: 0 })
    const adjustment = await recordAdjustment(
      deps,
      tx,
      row,
      { delta: input.delta, reason: input.reason, actor, reservationId: null },
      ctx,
    )
    await followThresholds(deps, tx, [sku], ctx)
    await auditAdjustment(
      deps,
      tx,
      {
        sku,
        location: input.location,
        adjustmentId: adjustment.id,
        delta: input.delta,
        reason: input.reason,
      },
      actor,
    )
    return { ...adjustment, stock: { onHand: row.onHand, reserved: row.reserved, available: row.available } }
  })
  deps.eventsWritten()
  return result
}

/** Sets or clears (null) a SKU's low-stock threshold; crossing it by the change itself counts as a crossing. */
export const setThreshold = async (
  deps: InventoryDeps,
  sku: string,
  threshold: number | null,
  ctx: EventContext = {},
) => {
  await deps.sql.begin(async (tx) => {
    if (!(await stock.findSku(tx, sku))) throw notFound()
    await lockStock(tx, [sku])
    await stock.setThreshold(tx, sku, threshold, new Date(deps.now()))
    await followThresholds(deps, tx, [sku], ctx)
  })
  deps.eventsWritten()
  return getStock(deps, sku, true)
}

/** SKUs at or below their threshold, a page at a time by SKU; `nextCursor` is null on the last page. */
export const listLow = async (deps: InventoryDeps, page: { cursor?: string | undefined; limit: number }) => {
  const rows = await stock.low(deps.sql, page.cursor ?? null, page.limit + 1)
  const items = rows
    .slice(0, page.limit)
    .map((r) => ({ ...r, status: stockStatus(r.available, r.threshold) }))
  return { items, nextCursor: rows.length > page.limit ? items.at(-1)!.sku : null }
}

/** The inbox name of the consumer of product events: each event is handled once under it. */
export const newSkusConsumer = 'inventory-new-skus'

/**
 * Starts counting the SKUs a product event names that are not counted yet (a new product's, or variants added to
 * one), each with no stock at the default location. Through the inbox, so a redelivered event changes nothing; a
 * SKU already counted is left as it is.
 */
export const countNewSkus = (
  deps: InventoryDeps,
  event: EnvelopeOf<typeof productCreated> | EnvelopeOf<typeof productUpdated>,
) =>
  inbox.handleOnce(deps.sql, schema, newSkusConsumer, event, (tx) =>
    stock.addSkus(
      tx,
      [...new Set(event.data.variants.map((v) => v.sku))],
      defaultLocation,
      new Date(deps.now()),
    ),
  )
