import { t } from '@myshop/http'
import { locationPattern, skuPattern, stockLimits } from './model.ts'

export const skuSchema = t.String({
  minLength: 1,
  maxLength: stockLimits.sku,
  pattern: skuPattern,
  examples: ['SHIRT-LINEN-M'],
})
export const locationSchema = t.String({
  minLength: 1,
  maxLength: stockLimits.location,
  pattern: locationPattern,
  examples: ['default'],
})
const count = t.Integer({ minimum: 0 })
const threshold = t.Union([t.Integer({ minimum: 0, maximum: stockLimits.threshold }), t.Null()], {
  description: 'Available stock at or below which the SKU is low; null for none',
})
const status = t.Union([t.Literal('in_stock'), t.Literal('low'), t.Literal('out')])

export const skuParams = t.Object({ sku: skuSchema })

export const locationStockSchema = t.Object({
  location: t.String(),
  onHand: count,
  reserved: count,
  available: count,
})

export const stockSchema = t.Object({
  sku: t.String(),
  available: count,
  status,
  threshold: t.Optional(threshold),
  locations: t.Optional(
    t.Array(locationStockSchema, { description: 'Per location; only for holders of inventory:read' }),
  ),
})

export const adjustmentInputSchema = t.Object(
  {
    delta: t.Integer({
      minimum: -stockLimits.quantity,
      maximum: stockLimits.quantity,
      description: 'Units counted in (positive) or out (negative); not 0',
      examples: [12],
    }),
    reason: t.String({ minLength: 1, maxLength: stockLimits.reason, pattern: '\\S', examples: ['delivery'] }),
    location: t.Optional(locationSchema),
  },
  { additionalProperties: false },
)

export const adjustmentSchema = t.Object({
  id: t.String(),
  sku: t.String(),
  location: t.String(),
  delta: t.Integer(),
  reason: t.String(),
  actor: t.String(),
  reservationId: t.Union([t.String(), t.Null()]),
  createdAt: t.String({ format: 'date-time' }),
  stock: t.Object(
    { onHand: count, reserved: count, available: count },
    { description: 'The location after it' },
  ),
})

export const thresholdInputSchema = t.Object({ threshold }, { additionalProperties: false })

export const lowQuerySchema = t.Object({
  limit: t.Optional(t.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: t.Optional(skuSchema),
})

export const lowPageSchema = t.Object({
  items: t.Array(t.Object({ sku: t.String(), available: t.Integer(), threshold: count, status })),
  nextCursor: t.Union([t.String(), t.Null()]),
})
