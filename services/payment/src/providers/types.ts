/**
 * A payment provider as the payment service uses it: the built-in test provider, Stripe and PayPal each implement
 * this, and nothing above it knows which one it talks to. Amounts are always integer minor units of the currency as
 * ISO 4217 counts them (`@myshop/money`); an adapter converts to and from what its provider counts.
 */

/** What the shopper must do before a payment is authorized. */
export type NextAction =
  /** Open `url` (the test provider's 3-D Secure page, PayPal's approval page, a card issuer's check). */
  | { type: 'redirect'; url: string }
  /**
   * Finish it in the browser with Stripe.js (`stripe.handleNextAction({ clientSecret })`); `url` is the page to send
   * the shopper to instead, when Stripe offered one.
   */
  | { type: 'stripe_sdk'; clientSecret: string; url: string | null }

/**
 * Why a provider refused, in MyShop's words. A provider's own code that maps to none of these becomes
 * `processing_error` (their side failed) or `invalid_request` (it refused what was asked), with its code in `detail`.
 */
export const declineReasons = [
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'processing_error',
  'authentication_failed',
  'invalid_token',
  'invalid_request',
  'not_found',
  'unexpected_state',
] as const
export type DeclineReason = (typeof declineReasons)[number]

/**
 * What a provider call came to. A provider that did not answer, answered 5xx, or kept answering "slow down" after
 * the adapter's own retries is `timeout`, a value rather than an error: the call may have been made, so the caller
 * keeps the payment open and later retries with the same idempotency key, and the provider answers what the first
 * call did.
 */
export type ProviderOutcome =
  | { outcome: 'succeeded'; reference: string }
  | { outcome: 'requires_action'; reference: string; nextAction: NextAction }
  | { outcome: 'declined'; reference: string | null; reason: DeclineReason; detail?: string }
  | { outcome: 'timeout'; detail?: string }

export interface AuthorizeInput {
  /** MyShop's payment id (`pay_…`): kept at the provider (Stripe metadata, PayPal custom_id) for reconciliation. */
  paymentId: string
  /** What the payment is for (an order id), shown to the shopper where the provider shows a description. */
  description: string
  amount: number
  currency: string
  /** A card token or payment method (`pm_…` for Stripe, `tok_…` for the test provider); PayPal takes none. */
  token: string | null
  /** Where the provider sends the shopper back after an action (absolute URL), and where after they cancel. */
  returnUrl: string
  cancelUrl: string
  idempotencyKey: string
}

/** A verified webhook, read. What it says is a hint: the service asks the provider for the truth before acting. */
export interface ProviderEvent {
  /** The provider's event id: one seen before is a repeat. */
  id: string
  /** The provider's event type, as sent (`payment_intent.succeeded`, `PAYMENT.CAPTURE.COMPLETED`). */
  type: string
  /** What part of a payment's life it is about; `other` is recorded and otherwise ignored. */
  kind: 'authorization' | 'capture' | 'refund' | 'dispute' | 'other'
  /**
   * Provider ids that may name the payment, most specific first: the payment's own reference (PaymentIntent id,
   * PayPal order id, test charge id), else the id of a capture or authorization the payment's ledger holds.
   */
  references: string[]
  /** For `kind: 'dispute'`. */
  dispute?: { id: string; amount: number; currency: string; reason: string; status: string }
  /** When the provider says the event happened (ISO 8601). */
  occurredAt: string
}

export type WebhookCheck = { ok: true; event: ProviderEvent } | { ok: false; reason: string }

/** A payment as the provider's own records have it, for reconciliation and for an operator's side-by-side view. */
export interface ProviderRecord {
  /** The id the payment service keeps as the payment's provider reference. */
  reference: string
  /** MyShop's payment id, when the provider holds it. */
  paymentId: string | null
  status: 'requires_action' | 'authorized' | 'captured' | 'voided' | 'failed'
  amount: number
  currency: string
  /** Captured and not failed, in minor units. */
  capturedAmount: number
  /** Refunded successfully, in minor units. */
  refundedAmount: number
  captures: { reference: string; amount: number; status: 'succeeded' | 'pending' | 'failed' }[]
  refunds: { reference: string; amount: number; status: 'succeeded' | 'pending' | 'failed' }[]
  createdAt: string
}

/**
 * A card processor or wallet as the payment service uses it. Every mutating call carries an idempotency key the
 * provider keeps (Stripe's Idempotency-Key, PayPal's PayPal-Request-Id), so a call repeated after a timeout finds
 * what the first one did instead of doing it twice.
 */
export interface PaymentProvider {
  authorize(input: AuthorizeInput): Promise<ProviderOutcome>
  /**
   * Where a payment awaiting the shopper stands now, asked of the provider: `succeeded` once authorized (PayPal: an
   * order the shopper approved is authorized by this call, under `idempotencyKey`), `requires_action` while still
   * waiting, `declined` when it failed, was cancelled or expired.
   */
  resolve(input: { reference: string; idempotencyKey: string }): Promise<ProviderOutcome>
  /** Takes `amount` of the authorization; succeeded's reference is the capture's id. */
  capture(input: {
    reference: string
    amount: number
    currency: string
    idempotencyKey: string
  }): Promise<ProviderOutcome>
  /** Releases an authorization, or gives up one awaiting the shopper. */
  void(input: { reference: string; idempotencyKey: string }): Promise<ProviderOutcome>
  /**
   * Gives back `amount` of what was captured; `captureReference` is the id the successful capture answered (PayPal
   * refunds a capture, Stripe a PaymentIntent). Succeeded's reference is the refund's id.
   */
  refund(input: {
    reference: string
    captureReference: string | null
    amount: number
    currency: string
    idempotencyKey: string
  }): Promise<ProviderOutcome>
  /** Checks a webhook's signature over its raw body (and its age, where the provider signs a time), and reads it. */
  parseWebhook(rawBody: string, headers: Headers): Promise<WebhookCheck>
  /** The provider's record of one payment, or null when it has none. Throws when the provider cannot be asked. */
  inspect(reference: string): Promise<ProviderRecord | null>
  /** The provider's records of payments created (or, where it only lists money moving, moved) since `since`. */
  list(since: Date): Promise<ProviderRecord[]>
}
