import { problemSchema, t } from '@myshop/http'
import { cartIdPattern } from '../carts/model.ts'
import { cartSchema } from '../carts/schemas.ts'
import { emailSchema, orderSchema, shippingAddressSchema } from '../orders/schemas.ts'

export const checkoutInputSchema = t.Object(
  {
    cartId: t.String({ pattern: cartIdPattern, maxLength: 31, description: 'The cart to buy' }),
    email: emailSchema,
    shippingAddress: shippingAddressSchema,
    shippingOption: t.String({
      minLength: 1,
      maxLength: 64,
      pattern: '^[\\x21-\\x7e]+$',
      description: 'The id of a shipping option offered for the address (GET /api/v1/shipping-options)',
    }),
    payment: t.Object(
      {
        provider: t.Literal('test', { description: 'Who processes the card' }),
        token: t.String({
          minLength: 1,
          maxLength: 200,
          pattern: '^[\\x21-\\x7e]+$',
          description: "The provider's token for the card (the test provider's: tok_visa, tok_3ds, ...)",
          examples: ['tok_visa'],
        }),
      },
      { additionalProperties: false },
    ),
  },
  {
    additionalProperties: false,
    examples: [
      {
        cartId: 'cart_01KC0000000000000000000000',
        email: 'ada@example.com',
        shippingAddress: {
          name: 'Ada Lovelace',
          line1: '12 St James Square',
          city: 'London',
          postalCode: 'SW1Y 4JH',
          country: 'GB',
        },
        shippingOption: 'shp_standard',
        payment: { provider: 'test', token: 'tok_visa' },
      },
    ],
  },
)

export const checkoutHeaders = t.Object({
  'idempotency-key': t.String({
    minLength: 1,
    maxLength: 255,
    pattern: '^[\\x21-\\x7e]+$',
    description: 'The same key with the same body answers what the first request did; with another body, 422',
    examples: ['5f0c2a8e-4d1b-4d43-9a57-0f1f0c6f2a11'],
  }),
})

export const checkoutResultSchema = t.Composite([
  orderSchema,
  t.Object({
    nextAction: t.Union([t.Object({ type: t.Literal('redirect'), url: t.String() }), t.Null()], {
      description: 'Where the customer approves the payment (202), or null',
    }),
  }),
])

/** 409 insufficient_stock (with `shortages`), cart_changed (with the repriced `cart`), or a request in flight. */
export const checkoutConflictSchema = t.Composite([
  problemSchema,
  t.Object({
    shortages: t.Optional(
      t.Array(t.Object({ sku: t.String(), requested: t.Integer(), available: t.Integer() }), {
        description: 'insufficient_stock: each short SKU and what it has available',
      }),
    ),
    cart: t.Optional(cartSchema),
  }),
])
