import { z } from 'zod'
import { defineEvent } from '../envelope.ts'

const count = z.number().int().nonnegative()
const line = z.object({
  sku: z.string().min(1),
  location: z.string().min(1),
  quantity: z.number().int().positive(),
})

/**
 * A row was appended to the adjustments ledger: stock counted in or out by an operator, or taken out by a
 * committed reservation (then `reservationId` names it). Carries the location's counts after the change.
 */
export const stockAdjusted = defineEvent({
  type: 'stock.adjusted',
  version: 1,
  schema: z.object({
    adjustmentId: z.string().min(1),
    sku: z.string().min(1),
    location: z.string().min(1),
    delta: z.number().int(),
    reason: z.string().min(1),
    actor: z.string().min(1),
    reservationId: z.string().min(1).nullable(),
    onHand: count,
    reserved: count,
    available: count,
    occurredAt: z.iso.datetime(),
  }),
})

/** Stock was set aside for a reference (an order) until it is committed, released or expires. */
export const stockReserved = defineEvent({
  type: 'stock.reserved',
  version: 1,
  schema: z.object({
    reservationId: z.string().min(1),
    reference: z.string().min(1),
    lines: z.array(line),
    expiresAt: z.iso.datetime(),
    occurredAt: z.iso.datetime(),
  }),
})

/** A reservation gave its stock back: released by its holder, or expired without being committed. */
export const stockReleased = defineEvent({
  type: 'stock.released',
  version: 1,
  schema: z.object({
    reservationId: z.string().min(1),
    reference: z.string().min(1),
    status: z.enum(['released', 'expired']),
    lines: z.array(line),
    occurredAt: z.iso.datetime(),
  }),
})

/**
 * A SKU's available stock (all locations together) fell to or below its low-stock threshold. Written once per
 * crossing: not again until the stock has risen above the threshold.
 */
export const stockLow = defineEvent({
  type: 'stock.low',
  version: 1,
  schema: z.object({
    sku: z.string().min(1),
    available: count,
    threshold: count,
    occurredAt: z.iso.datetime(),
  }),
})
