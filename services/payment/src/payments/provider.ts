/**
 * What a provider call came to. A provider that did not answer in time is `timeout`, a value rather than an error:
 * the charge may have been made, so the caller keeps the payment open and retries with the same idempotency key.
 */
export type ProviderOutcome =
  | { outcome: 'succeeded'; reference: string }
  | { outcome: 'requires_action'; reference: string; actionUrl: string }
  | { outcome: 'declined'; reference: string | null; reason: string }
  | { outcome: 'timeout' }

/** A provider's callback, once its signature and age were checked. */
export interface ProviderCallback {
  /** The provider's id of the callback: one seen before is a replay. */
  eventId: string
  /** The provider's reference of the charge it is about. */
  reference: string
  result: { outcome: 'succeeded' } | { outcome: 'declined'; reason: string }
}

export type CallbackCheck = { ok: true; callback: ProviderCallback } | { ok: false; reason: string }

/**
 * A card processor as the payment service uses it. Every call carries an idempotency key the provider keeps, so
 * a call repeated after a timeout finds what the first one did instead of doing it twice.
 */
export interface PaymentProvider {
  authorize(input: {
    amount: number
    currency: string
    token: string
    idempotencyKey: string
  }): Promise<ProviderOutcome>
  capture(input: { reference: string; amount: number; idempotencyKey: string }): Promise<ProviderOutcome>
  void(input: { reference: string; idempotencyKey: string }): Promise<ProviderOutcome>
  refund(input: { reference: string; amount: number; idempotencyKey: string }): Promise<ProviderOutcome>
  /** Checks a callback's signature over its raw body and its age, and reads it. */
  parseCallback(rawBody: string, headers: Headers): Promise<CallbackCheck>
}

/** The providers a payment can name. Real ones join the test provider later. */
export const providerNames = ['test'] as const
export type ProviderName = (typeof providerNames)[number]
