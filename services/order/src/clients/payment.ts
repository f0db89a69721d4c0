import type { CallResult, ServiceCaller } from './service-call.ts'

/** The payment providers MyShop can take payments with; a shop offers some of them. */
export type ProviderName = 'test' | 'stripe' | 'paypal'

/**
 * What the shopper must do before a payment is authorized: go to a page (3-D Secure, PayPal's approval), or
 * finish it in the browser with Stripe's SDK (its client secret, and the page to open when there is one).
 */
export type NextAction =
  | { type: 'redirect'; url: string }
  | { type: 'stripe_sdk'; clientSecret: string; url: string | null }

/** A payment as the payment service answers it (the fields the order service reads). */
export interface Payment {
  id: string
  reference: string
  amount: number
  currency: string
  status:
    | 'pending'
    | 'requires_action'
    | 'authorized'
    | 'captured'
    | 'voided'
    | 'refunded'
    | 'partially_refunded'
    | 'failed'
  provider: ProviderName
  nextAction: NextAction | null
  failureReason: string | null
  capturedAmount: number
  refundedAmount: number
}

/** The providers the shop offers at checkout, as the payment service lists them. */
export interface OfferedProviders {
  providers: { name: ProviderName }[]
}

/** The payment service's payments, as the order service uses them. */
export interface PaymentClient {
  authorize(
    key: string,
    input: { reference: string; amount: number; currency: string; provider: ProviderName; token?: string },
  ): Promise<CallResult<Payment>>
  get(id: string): Promise<CallResult<Payment>>
  /** Has the payment service ask the provider where a payment awaiting the shopper stands, and apply it. */
  resolve(id: string): Promise<CallResult<Payment>>
  capture(id: string): Promise<CallResult<Payment>>
  void(id: string): Promise<CallResult<Payment>>
  refund(id: string, key: string, amount: number | undefined): Promise<CallResult<Payment>>
  /** The providers the shop offers; an answer is remembered for a while, a failure is not. */
  providers(): Promise<CallResult<OfferedProviders>>
}

export interface PaymentClientOptions {
  now?: () => number
  /** How long the list of offered providers is remembered: it changes only when the payment service is reconfigured. */
  providersTtlMs?: number
}

const path = (id: string, action = '') => `/api/v1/payments/${encodeURIComponent(id)}${action}`

export const paymentClient = (
  call: ServiceCaller,
  { now = Date.now, providersTtlMs = 30_000 }: PaymentClientOptions = {},
): PaymentClient => {
  let offered: { at: number; answer: CallResult<OfferedProviders> } | null = null
  return {
    authorize: (key, input) =>
      call<Payment>('POST', '/api/v1/payments', { body: input, idempotencyKey: key }),
    get: (id) => call<Payment>('GET', path(id)),
    resolve: (id) => call<Payment>('POST', path(id, '/resolve')),
    capture: (id) => call<Payment>('POST', path(id, '/capture')),
    void: (id) => call<Payment>('POST', path(id, '/void')),
    refund: (id, key, amount) =>
      call<Payment>('POST', path(id, '/refunds'), {
        body: amount === undefined ? {} : { amount },
        idempotencyKey: key,
      }),
    providers: async () => {
      if (offered && now() - offered.at < providersTtlMs) return offered.answer
      const answer = await call<OfferedProviders>('GET', '/api/v1/payments/providers')
      if (answer.ok) offered = { at: now(), answer }
      return answer
    },
  }
}
