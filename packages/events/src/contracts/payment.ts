import { z } from 'zod'
import { defineEvent } from '../envelope.ts'

const minor = z.number().int().nonnegative()
const facts = {
  paymentId: z.string().min(1),
  /** What the payment is for, such as an order id. */
  reference: z.string().min(1),
  provider: z.string().min(1),
  providerReference: z.string().min(1).nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  occurredAt: z.iso.datetime(),
}

/** The provider holds `amount` for the payment; it can now be captured or voided. */
export const paymentAuthorized = defineEvent({
  type: 'payment.authorized',
  version: 1,
  schema: z.object({ ...facts, amount: minor }),
})

/** The authorized amount was taken. */
export const paymentCaptured = defineEvent({
  type: 'payment.captured',
  version: 1,
  schema: z.object({ ...facts, amount: minor }),
})

/** The provider refused the payment (declined, or the customer failed its check); nothing is held. */
export const paymentFailed = defineEvent({
  type: 'payment.failed',
  version: 1,
  schema: z.object({ ...facts, amount: minor, reason: z.string().min(1) }),
})

/** The hold was released before capture, or the customer's check was abandoned. */
export const paymentVoided = defineEvent({
  type: 'payment.voided',
  version: 1,
  schema: z.object({ ...facts, amount: minor }),
})

/** `amount` was given back; `refundedAmount` is all given back so far, at most what was captured. */
export const paymentRefunded = defineEvent({
  type: 'payment.refunded',
  version: 1,
  schema: z.object({
    ...facts,
    refundId: z.string().min(1),
    amount: minor,
    refundedAmount: minor,
    capturedAmount: minor,
  }),
})

/**
 * The shopper's bank opened a dispute (a chargeback) over the payment: `amount` is what it disputes. The money is
 * held by the provider until the dispute is decided; operators answer it with the provider.
 */
export const paymentDisputed = defineEvent({
  type: 'payment.disputed',
  version: 1,
  schema: z.object({
    ...facts,
    disputeId: z.string().min(1),
    amount: minor,
    reason: z.string().min(1),
    status: z.string().min(1),
  }),
})
