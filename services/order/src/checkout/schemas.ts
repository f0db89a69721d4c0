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
        provider: t.Union([t.Literal('test'), t.Literal('stripe'), t.Literal('paypal')], {
          description:
            'Who processes the payment: one the shop offers (GET /api/v1/payments/providers), else 422 provider_unavailable',
        }),
        token: t.Optional(
          t.String({
            minLength: 1,
            maxLength: 200,
            pattern: '^[\\x21-\\x7e]+$',
            description:
              "The provider's token for the card (Stripe's pm_…, the test provider's tok_visa, tok_3ds, ...); required for test and stripe, none for paypal",
            examples: ['tok_visa'],
          }),
        ),
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
    nextAction: t.Union(
      [
        t.Object({ type: t.Literal('redirect'), url: t.String() }),
        t.Object({
          type: t.Literal('stripe_sdk'),
          clientSecret: t.String({
            description: "Handed to Stripe's SDK in the browser to finish the payment",
          }),
          url: t.Union([t.String(), t.Null()]),
        }),
        t.Null(),
      ],
      {
        description:
          'What the customer must do to approve the payment (202): go to `url`, or finish it with Stripe’s SDK; or null',
      },
    ),
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
