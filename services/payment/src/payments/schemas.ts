import { t } from '@myshop/http'
import { providerNames } from './provider.ts'

/** The largest amount taken in one payment, in minor units: far above any basket, far below float trouble. */
export const maxAmount = 100_000_000_000

const minorUnits = (description: string) =>
  t.Integer({
    minimum: 1,
    maximum: maxAmount,
    description: `${description}, in integer minor units`,
    examples: [4999],
  })

const printable = (maxLength: number, description: string, examples: string[]) =>
  t.String({ minLength: 1, maxLength, pattern: '^[\\x21-\\x7e]+$', description, examples })

export const authorizeInputSchema = t.Object(
  {
    reference: printable(120, 'What the payment is for, such as an order id', [
      'ord_01JD6Z3Q8X5V7W9Y2A4C6E8G0J',
    ]),
    amount: minorUnits('The amount to hold'),
    currency: t.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code', examples: ['EUR'] }),
    provider: t.UnionEnum(providerNames, {
      description: 'Who processes the payment: one the shop offers (GET /api/v1/payments/providers)',
    }),
    token: t.Optional(
      printable(
        200,
        "The card's token or payment method, required for test and stripe (the test provider's: tok_visa, tok_3ds, ...; Stripe's: pm_…); PayPal takes none",
        ['tok_visa'],
      ),
    ),
  },
  { additionalProperties: false },
)

export const refundInputSchema = t.Object(
  { amount: t.Optional(minorUnits('How much to give back; everything left when absent')) },
  { additionalProperties: false },
)

export const idempotencyHeaders = t.Object({
  'idempotency-key': printable(255, 'The same key answers what the first request with it did', [
    '5f0c2a8e-4d1b-4d43-9a57-0f1f0c6f2a11',
  ]),
})

export const paymentParams = t.Object({ id: t.String({ pattern: '^pay_[0-9A-HJKMNP-TV-Z]{26}$' }) })

export const redirectActionSchema = t.Object(
  { type: t.Literal('redirect'), url: t.String() },
  { description: 'Open url' },
)
export const stripeActionSchema = t.Object(
  { type: t.Literal('stripe_sdk'), clientSecret: t.String(), url: t.Union([t.String(), t.Null()]) },
  { description: 'Finish with Stripe.js: stripe.handleNextAction({ clientSecret }), or open url when given' },
)

const disputeSchema = t.Object({
  id: t.String({ description: "The provider's id of the dispute" }),
  amount: t.Integer({ description: 'Disputed, in minor units' }),
  currency: t.String(),
  reason: t.String(),
  status: t.String({ description: 'As the provider last reported it' }),
  openedAt: t.String({ format: 'date-time' }),
})

const status = t.Union([
  t.Literal('pending'),
  t.Literal('requires_action'),
  t.Literal('authorized'),
  t.Literal('captured'),
  t.Literal('voided'),
  t.Literal('refunded'),
  t.Literal('partially_refunded'),
  t.Literal('failed'),
])

export const paymentSchema = t.Object({
  id: t.String(),
  reference: t.String(),
  amount: t.Integer(),
  currency: t.String(),
  status,
  provider: t.String(),
  providerReference: t.Union([t.String(), t.Null()]),
  nextAction: t.Union([redirectActionSchema, stripeActionSchema, t.Null()], {
    description: 'What the customer does to approve the payment, when it awaits them',
  }),
  failureReason: t.Union([t.String(), t.Null()]),
  capturedAmount: t.Integer(),
  refundedAmount: t.Integer({ description: 'Given back, or being given back, in minor units' }),
  dispute: t.Union([disputeSchema, t.Null()], {
    description: "The latest dispute (chargeback) the shopper's bank opened over the payment",
  }),
  refunds: t.Array(
    t.Object({
      id: t.String(),
      amount: t.Integer(),
      status: t.Union([t.Literal('pending'), t.Literal('succeeded'), t.Literal('failed')]),
      createdAt: t.String({ format: 'date-time' }),
    }),
  ),
  transactions: t.Array(
    t.Object({
      id: t.String(),
      kind: t.Union([t.Literal('authorize'), t.Literal('capture'), t.Literal('void'), t.Literal('refund')]),
      amount: t.Integer(),
      currency: t.String(),
      providerReference: t.Union([t.String(), t.Null()]),
      idempotencyKey: t.String(),
      outcome: t.Union([
        t.Literal('succeeded'),
        t.Literal('requires_action'),
        t.Literal('declined'),
        t.Literal('failed'),
        t.Literal('timeout'),
      ]),
      detail: t.Union([t.String(), t.Null()]),
      createdAt: t.String({ format: 'date-time' }),
    }),
    { description: 'Every call made to the provider for this payment, oldest first' },
  ),
  createdAt: t.String({ format: 'date-time' }),
  updatedAt: t.String({ format: 'date-time' }),
})

export const providersSchema = t.Object({
  providers: t.Array(
    t.Object({
      name: t.UnionEnum(providerNames),
      publishableKey: t.Optional(t.String({ description: "Stripe's publishable key, for Stripe.js" })),
      clientId: t.Optional(t.String({ description: "PayPal's client id, for PayPal's JavaScript SDK" })),
    }),
    { description: 'The providers checkout offers, in the order the shop lists them' },
  ),
})

export const returnQuerySchema = t.Object({
  cancelled: t.Optional(t.Literal('true', { description: 'The shopper cancelled at the provider' })),
  // What providers add when they send the shopper back; read by nothing but accepted.
  token: t.Optional(printable(200, "PayPal's order id", ['5O190127TN364715T'])),
  PayerID: t.Optional(printable(200, "PayPal's id of the payer", ['FSMVU44LF3YUS'])),
  payment_intent: t.Optional(printable(200, "Stripe's PaymentIntent id", ['pi_3MtwBwLkdIwHu7ix28a3tqPa'])),
  payment_intent_client_secret: t.Optional(printable(200, "Stripe's client secret", ['pi_3M_secret_x'])),
  redirect_status: t.Optional(printable(40, "Stripe's outcome of the redirect", ['succeeded'])),
})
