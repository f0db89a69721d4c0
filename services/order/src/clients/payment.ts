import type { CallResult, ServiceCaller } from './service-call.ts'

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
  provider: string
  nextAction: { type: 'redirect'; url: string } | null
  failureReason: string | null
  capturedAmount: number
  refundedAmount: number
}

/** The payment service's payments, as the order service uses them. */
export interface PaymentClient {
  authorize(
    key: string,
    input: { reference: string; amount: number; currency: string; provider: string; token: string },
  ): Promise<CallResult<Payment>>
  get(id: string): Promise<CallResult<Payment>>
  capture(id: string): Promise<CallResult<Payment>>
  void(id: string): Promise<CallResult<Payment>>
  refund(id: string, key: string, amount: number | undefined): Promise<CallResult<Payment>>
}

const path = (id: string, action = '') => `/api/v1/payments/${encodeURIComponent(id)}${action}`

export const paymentClient = (call: ServiceCaller): PaymentClient => ({
  authorize: (key, input) => call<Payment>('POST', '/api/v1/payments', { body: input, idempotencyKey: key }),
  get: (id) => call<Payment>('GET', path(id)),
  capture: (id) => call<Payment>('POST', path(id, '/capture')),
  void: (id) => call<Payment>('POST', path(id, '/void')),
  refund: (id, key, amount) =>
    call<Payment>('POST', path(id, '/refunds'), {
      body: amount === undefined ? {} : { amount },
      idempotencyKey: key,
    }),
})
