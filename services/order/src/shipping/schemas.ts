import { t } from '@myshop/http'
import { countryPattern } from './countries.ts'
import { shippingLimits } from './model.ts'

export const countrySchema = t.String({
  minLength: 2,
  maxLength: 2,
  pattern: countryPattern,
  description: 'ISO 3166-1 alpha-2 country code, upper case',
  examples: ['DE'],
})
export const currencySchema = t.String({
  minLength: 3,
  maxLength: 3,
  pattern: '^[A-Z]{3}$',
  description: 'ISO 4217 currency code',
  examples: ['EUR'],
})
const amount = (description: string) => t.Integer({ minimum: 0, maximum: shippingLimits.amount, description })
const days = t.Integer({ minimum: 0, maximum: shippingLimits.days })
const estimatedDays = t.Object(
  { min: days, max: days },
  {
    additionalProperties: false,
    description: 'Working days from dispatch to delivery, at least and at most',
  },
)
const name = t.String({ minLength: 1, maxLength: shippingLimits.name, pattern: '\\S' })
const description = t.String({ maxLength: shippingLimits.description })
const countries = t.Array(countrySchema, {
  maxItems: 249,
  description: 'The destinations the option delivers to; empty for everywhere',
})
const priceInput = t.Object(
  {
    currency: currencySchema,
    amount: amount('The price in minor units (495 is 4.95 EUR)'),
    freeOver: t.Optional(
      t.Union([amount('The subtotal in minor units at or above which shipping is free'), t.Null()]),
    ),
  },
  { additionalProperties: false },
)
const prices = t.Array(priceInput, {
  minItems: 1,
  maxItems: shippingLimits.prices,
  description: 'One price per currency; the option is offered only in these currencies',
})

export const shippingIdParams = t.Object({
  id: t.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
})

export const offeredQuerySchema = t.Object({ country: countrySchema, currency: currencySchema })

const offeredOptionSchema = t.Object({
  id: t.String(),
  name: t.String(),
  description: t.String(),
  price: t.Object({ amount: t.Integer({ minimum: 0 }), currency: t.String() }),
  freeOver: t.Optional(t.Integer({ minimum: 0, description: 'Shipping is free at or above this subtotal' })),
  estimatedDays: t.Object({ min: t.Integer(), max: t.Integer() }),
  isDefault: t.Boolean(),
})

export const offeredListSchema = t.Object({ items: t.Array(offeredOptionSchema) })

export const shippingOptionSchema = t.Object({
  id: t.String(),
  name: t.String(),
  description: t.String(),
  countries: t.Array(t.String()),
  prices: t.Array(
    t.Object({
      currency: t.String(),
      amount: t.Integer({ minimum: 0 }),
      freeOver: t.Union([t.Integer({ minimum: 0 }), t.Null()]),
    }),
  ),
  estimatedDays: t.Object({ min: t.Integer(), max: t.Integer() }),
  isDefault: t.Boolean(),
  active: t.Boolean({ description: 'An inactive option is offered to no one' }),
  createdAt: t.String({ format: 'date-time' }),
  updatedAt: t.String({ format: 'date-time' }),
})

export const shippingOptionListSchema = t.Object({ items: t.Array(shippingOptionSchema) })

export const newShippingOptionSchema = t.Object(
  {
    name,
    description: t.Optional(description),
    countries: t.Optional(countries),
    prices,
    estimatedDays,
    isDefault: t.Optional(
      t.Boolean({ description: 'Make it the default, in place of the current one (default false)' }),
    ),
    active: t.Optional(t.Boolean({ description: 'Default true' })),
  },
  { additionalProperties: false },
)

export const shippingOptionChangesSchema = t.Object(
  {
    name: t.Optional(name),
    description: t.Optional(description),
    countries: t.Optional(countries),
    prices: t.Optional(prices),
    estimatedDays: t.Optional(estimatedDays),
    isDefault: t.Optional(
      t.Boolean({
        description: 'true makes it the default in place of the current one; the default cannot be unset',
      }),
    ),
    active: t.Optional(t.Boolean({ description: 'The default cannot be deactivated' })),
  },
  { minProperties: 1, additionalProperties: false },
)
