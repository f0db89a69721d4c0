import { t } from '@myshop/http'
import { stockLimits } from '../stock/model.ts'
import { locationSchema, skuSchema } from '../stock/schemas.ts'

export const reservationLimits = { lines: 100, reference: 120, ttlSeconds: 7 * 24 * 3600 }

export const reservationInputSchema = t.Object(
  {
    reference: t.String({
      minLength: 1,
      maxLength: reservationLimits.reference,
      pattern: '^[\\x21-\\x7e]+$',
      description: 'What the stock is held for, such as an order id',
      examples: ['ord_01JD6Z3Q8X5V7W9Y2A4C6E8G0J'],
    }),
    lines: t.Array(
      t.Object(
        { sku: skuSchema, quantity: t.Integer({ minimum: 1, maximum: stockLimits.quantity, examples: [2] }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: reservationLimits.lines },
    ),
    ttlSeconds: t.Optional(
      t.Integer({
        minimum: 1,
        maximum: reservationLimits.ttlSeconds,
        description: 'How long the stock is held unless committed; the service default when absent',
      }),
    ),
  },
  { additionalProperties: false },
)

export const idempotencyHeaders = t.Object({
  'idempotency-key': t.String({
    minLength: 1,
    maxLength: 255,
    pattern: '^[\\x21-\\x7e]+$',
    description: 'The same key answers the reservation it made the first time',
  }),
})

export const reservationParams = t.Object({ id: t.String({ pattern: '^res_[0-9A-HJKMNP-TV-Z]{26}$' }) })

export const reservationSchema = t.Object({
  id: t.String(),
  reference: t.String(),
  status: t.Union([
    t.Literal('reserved'),
    t.Literal('committed'),
    t.Literal('released'),
    t.Literal('expired'),
  ]),
  lines: t.Array(
    t.Object({ sku: t.String(), location: locationSchema, quantity: t.Integer({ minimum: 1 }) }),
    { description: 'Units held per SKU and location' },
  ),
  expiresAt: t.String({ format: 'date-time' }),
  createdAt: t.String({ format: 'date-time' }),
  updatedAt: t.String({ format: 'date-time' }),
})

export const restockInputSchema = t.Object(
  {
    lines: t.Optional(
      t.Array(
        t.Object(
          {
            sku: skuSchema,
            quantity: t.Integer({ minimum: 1, maximum: stockLimits.quantity, examples: [1] }),
          },
          { additionalProperties: false },
        ),
        {
          minItems: 1,
          maxItems: reservationLimits.lines,
          description: 'What comes back; everything not yet back when absent',
        },
      ),
    ),
  },
  { additionalProperties: false },
)
