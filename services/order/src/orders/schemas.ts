import { eventEmailPattern } from '@myshop/events'
import { t } from '@myshop/http'
import { orderLimits } from './model.ts'

const text = (maxLength: number, extra: { description?: string; examples?: string[] } = {}) =>
  t.String({ minLength: 1, maxLength, pattern: '\\S', ...extra })
const minor = t.Integer({ minimum: 0, description: 'Minor units of the order’s currency' })
const dateTime = t.String({ format: 'date-time' })
const nullable = <S extends Parameters<typeof t.Union>[0][number]>(schema: S) => t.Union([schema, t.Null()])

// Literals rather than t.UnionEnum(orderStatuses): Elysia fills an optional UnionEnum in a query with its first
// value, which would turn "no status filter" into "pending only". The model's test checks the list is the same.
export const orderStatusSchema = t.Union(
  [
    t.Literal('pending'),
    t.Literal('awaiting_payment'),
    t.Literal('paid'),
    t.Literal('fulfilled'),
    t.Literal('delivered'),
    t.Literal('cancelled'),
    t.Literal('partially_refunded'),
    t.Literal('refunded'),
  ],
  {
    description: 'pending → awaiting_payment → paid → fulfilled → delivered; cancelled; (partially_)refunded',
  },
)

export const orderIdSchema = t.String({
  pattern: '^ord_[0-9A-HJKMNP-TV-Z]{26}$',
  examples: ['ord_01KC0000000000000000000000'],
})

/** Where an order is shipped to; checkout takes it in this shape and every order answers it. */
export const shippingAddressSchema = t.Object(
  {
    name: text(100),
    line1: text(200),
    line2: t.Optional(text(200)),
    city: text(100),
    postalCode: t.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9][A-Za-z0-9 -]*$' }),
    region: t.Optional(text(100)),
    country: t.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2', examples: ['DE'] }),
    phone: t.Optional(t.String({ pattern: '^\\+?[0-9][0-9 ()/-]{2,29}$', maxLength: 30 })),
  },
  { additionalProperties: false },
)

export const emailSchema = t.String({ format: 'email', pattern: eventEmailPattern, maxLength: 254 })

/** The order every order route answers. */
export const orderSchema = t.Object({
  id: t.String(),
  userId: nullable(t.String()),
  email: t.String(),
  status: orderStatusSchema,
  currency: t.String({ pattern: '^[A-Z]{3}$' }),
  lines: t.Array(
    t.Object({
      sku: t.String(),
      productId: t.String(),
      name: t.String(),
      unitPrice: minor,
      quantity: t.Integer({ minimum: 1 }),
      lineTotal: minor,
    }),
  ),
  totals: t.Object(
    { subtotal: minor, shipping: minor, tax: minor, total: minor, refunded: minor },
    { description: 'total = subtotal + shipping + tax; refunded is all given back so far' },
  ),
  shippingAddress: shippingAddressSchema,
  shippingOption: t.Object({ id: t.String(), name: t.String(), amount: minor }),
  payment: t.Object({ id: nullable(t.String()), provider: t.String(), status: nullable(t.String()) }),
  fulfillments: t.Array(
    t.Object({
      id: t.String(),
      trackingNumber: t.String(),
      carrier: nullable(t.String()),
      shippedAt: dateTime,
    }),
  ),
  history: t.Array(
    t.Object({
      status: orderStatusSchema,
      at: dateTime,
      actor: t.String({
        description: 'usr_…, svc:order, system, or provider:<name> (a dispute it reported)',
      }),
      note: nullable(t.String()),
    }),
    { description: 'Oldest first' },
  ),
  dispute: nullable(
    t.Object(
      {
        id: t.String({ description: "The provider's id of the dispute" }),
        amount: minor,
        currency: t.String({ pattern: '^[A-Z]{3}$' }),
        reason: t.String({ examples: ['fraudulent'] }),
        status: t.String({
          description: "The provider's status of the dispute",
          examples: ['needs_response'],
        }),
        openedAt: dateTime,
      },
      {
        description:
          "A chargeback the shopper's bank opened over the payment, as the provider last reported it; null when none",
      },
    ),
  ),
  sagaId: nullable(t.String()),
  createdAt: dateTime,
  updatedAt: dateTime,
})

export const orderPageSchema = t.Object({
  items: t.Array(orderSchema),
  nextCursor: nullable(t.String({ description: 'Pass as `cursor` for the next page; null on the last' })),
})

const pageQuery = {
  cursor: t.Optional(t.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
  limit: t.Optional(t.Integer({ minimum: 1, maximum: orderLimits.pageSize, default: 20 })),
  status: t.Optional(orderStatusSchema),
}

export const ownOrdersQuerySchema = t.Object(pageQuery)

export const ordersQuerySchema = t.Object({
  ...pageQuery,
  since: t.Optional(t.String({ format: 'date-time', description: 'Orders created at or after this time' })),
  email: t.Optional(emailSchema),
  disputed: t.Optional(
    t.Boolean({
      description: 'true: only orders whose payment is disputed; false: only those without a dispute',
    }),
  ),
})

export const orderParams = t.Object({ id: orderIdSchema })

export const fulfillmentInputSchema = t.Object(
  {
    trackingNumber: t.String({
      minLength: 1,
      maxLength: orderLimits.trackingNumber,
      pattern: '^[A-Za-z0-9][A-Za-z0-9 ._/-]*$',
      examples: ['1Z999AA10123456784'],
    }),
    carrier: t.Optional(text(orderLimits.carrier, { examples: ['UPS'] })),
  },
  { additionalProperties: false },
)
