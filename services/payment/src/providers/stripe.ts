import { AppError } from '@myshop/errors'
import Stripe from 'stripe'
import { fromStripeAmount, toStripeAmount } from './stripe-units.ts'
import type {
  DeclineReason,
  NextAction,
  PaymentProvider,
  ProviderEvent,
  ProviderOutcome,
  ProviderRecord,
  WebhookCheck,
} from './types.ts'

export interface StripeProviderOptions {
  /** The account's secret key (`sk_live_…`, `sk_test_…`); never logged nor put in an error. */
  secretKey: string
  /** The webhook endpoint's signing secret (`whsec_…`). */
  webhookSecret: string
  /** Where Stripe's API is; a local stand-in in tests. */
  apiUrl?: string
  /** How old a webhook's signed timestamp may be. */
  webhookToleranceSeconds?: number
  /** How long one HTTP request to Stripe may take. */
  timeoutMs?: number
  /** How many times the SDK repeats a request that failed on the network, timed out or answered 409 or 5xx. */
  maxNetworkRetries?: number
  /** How many times a call Stripe answered 429 ("slow down") is repeated; the SDK itself does not. */
  rateLimitRetries?: number
  /** The wait before the first of those repeats, doubled for each one after. */
  rateLimitBackoffMs?: number
}

const { StripeError, StripeSignatureVerificationError } = Stripe.errors

/** Card error codes (and decline codes, which say more) in MyShop's words. */
const reasonsByCode: Record<string, DeclineReason> = {
  card_declined: 'card_declined',
  insufficient_funds: 'insufficient_funds',
  expired_card: 'expired_card',
  incorrect_cvc: 'incorrect_cvc',
  invalid_cvc: 'incorrect_cvc',
  processing_error: 'processing_error',
  authentication_required: 'authentication_failed',
  payment_intent_authentication_failure: 'authentication_failed',
}

const declined = (reference: string | null, reason: DeclineReason, detail?: string): ProviderOutcome =>
  detail === undefined
    ? { outcome: 'declined', reference, reason }
    : { outcome: 'declined', reference, reason, detail }

/** Why a card was refused: the decline code when it names one of ours, else the error code. */
const cardDecline = (reference: string | null, code: string | undefined, declineCode: string | undefined) => {
  const reason = reasonsByCode[declineCode ?? ''] ?? reasonsByCode[code ?? ''] ?? 'card_declined'
  const said = declineCode || code
  return declined(reference, reason, said && said !== reason ? said : undefined)
}

/** An id Stripe gives either as a string or as the expanded object. */
const idOf = (value: unknown): string | null =>
  typeof value === 'string'
    ? value
    : value && typeof value === 'object' && 'id' in value && typeof value.id === 'string'
      ? value.id
      : null

/** The Stripe API's address as the SDK's host, port and protocol settings. */
const addressOf = (apiUrl: string) => {
  const url = new URL(apiUrl)
  const protocol = url.protocol === 'http:' ? 'http' : 'https'
  return { host: url.hostname, port: url.port || (protocol === 'http' ? '80' : '443'), protocol } as const
}

/** The PaymentIntent events about its authorization (`payment_intent.succeeded` is its capture). */
const authorizationEvents = new Set([
  'payment_intent.amount_capturable_updated',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
  'payment_intent.requires_action',
])

/** What part of a payment's life each Stripe event type is about; any other type is `other`. */
const eventKind = (type: string): ProviderEvent['kind'] => {
  if (type === 'payment_intent.succeeded' || type === 'charge.captured') return 'capture'
  if (authorizationEvents.has(type)) return 'authorization'
  if (type === 'charge.refunded' || type === 'charge.refund.updated' || type.startsWith('refund.'))
    return 'refund'
  if (type.startsWith('charge.dispute.')) return 'dispute'
  return 'other'
}

/** The provider ids an event's object names: its PaymentIntent first, then its charge. */
const referencesOf = (object: Record<string, unknown>): string[] => {
  const ids =
    object.object === 'payment_intent'
      ? [idOf(object.id), idOf(object.latest_charge)]
      : object.object === 'charge'
        ? [idOf(object.payment_intent), idOf(object.id)]
        : [idOf(object.payment_intent), idOf(object.charge)]
  return ids.filter((id): id is string => id !== null)
}

const refundStatus = (status: string | null): ProviderRecord['refunds'][number]['status'] =>
  status === 'succeeded' ? 'succeeded' : status === 'failed' || status === 'canceled' ? 'failed' : 'pending'

const recordStatus: Record<string, ProviderRecord['status']> = {
  requires_payment_method: 'failed',
  requires_confirmation: 'requires_action',
  requires_action: 'requires_action',
  processing: 'requires_action',
  requires_capture: 'authorized',
  succeeded: 'captured',
  canceled: 'voided',
}

/** A call that did not work as a value: no answer is `timeout`, a refusal `declined`; a bad key throws. */
const failure = (error: unknown): ProviderOutcome => {
  if (!(error instanceof StripeError)) throw error
  const reference = error.payment_intent?.id ?? null
  switch (error.type) {
    case 'StripeCardError':
      return cardDecline(reference, error.code, error.decline_code)
    case 'StripeInvalidRequestError':
    case 'StripeIdempotencyError':
      return invalidRequest(reference, error)
    case 'StripeAuthenticationError':
    case 'StripePermissionError':
      throw new AppError('bad_gateway', {
        detail: `Stripe refused MyShop's API key (HTTP ${error.statusCode}); check the configured secret key`,
      })
    default:
      // Rate limited after our retries, 5xx, a connection error or a timeout: the call may have been made.
      return { outcome: 'timeout', detail: error.code ?? error.rawType ?? error.type }
  }
}

/** A request Stripe refused: an unknown payment method or PaymentIntent, a wrong state, or another. */
const invalidRequest = (
  reference: string | null,
  error: InstanceType<typeof StripeError>,
): ProviderOutcome => {
  if (error.code === 'resource_missing')
    return error.param === 'payment_method'
      ? declined(reference, 'invalid_token')
      : declined(reference, 'not_found', error.param)
  if (error.code === 'payment_intent_unexpected_state')
    return declined(reference, 'unexpected_state', error.payment_intent?.status)
  const reason = reasonsByCode[error.code ?? '']
  if (reason) return declined(reference, reason)
  return declined(reference, 'invalid_request', error.code ?? error.rawType ?? error.type)
}

/** What the shopper does next: Stripe.js with the client secret, or the issuer's page when Stripe gave one. */
const nextActionOf = (intent: Stripe.PaymentIntent): NextAction => ({
  type: 'stripe_sdk',
  clientSecret: intent.client_secret ?? '',
  url: intent.next_action?.redirect_to_url?.url ?? null,
})

/** Where a PaymentIntent stands, as an outcome of authorizing it. */
const authorization = (intent: Stripe.PaymentIntent): ProviderOutcome => {
  switch (intent.status) {
    case 'requires_capture':
    case 'succeeded':
      return { outcome: 'succeeded', reference: intent.id }
    case 'requires_action':
      return { outcome: 'requires_action', reference: intent.id, nextAction: nextActionOf(intent) }
    case 'requires_payment_method': {
      const error = intent.last_payment_error
      if (!error) return declined(intent.id, 'authentication_failed')
      if (error.type === 'card_error') return cardDecline(intent.id, error.code, error.decline_code)
      return declined(intent.id, reasonsByCode[error.code ?? ''] ?? 'authentication_failed', error.code)
    }
    case 'processing':
      return { outcome: 'timeout', detail: 'processing' }
    default:
      return declined(intent.id, 'unexpected_state', intent.status)
  }
}

/** The amount to send Stripe, or the decline of an amount it cannot take (never rounded). */
const amountFor = (amount: number, currency: string) => {
  const converted = toStripeAmount(amount, currency)
  return converted.ok ? converted.amount : declined(null, 'invalid_request', converted.problem)
}

/** A read that failed: the caller cannot be answered, so it is told so (never with the key). */
const unreachable = (error: unknown) => {
  if (!(error instanceof StripeError)) return error
  return new AppError('bad_gateway', {
    detail: `Stripe could not be asked (${error.code ?? error.rawType ?? error.type}${error.statusCode ? `, HTTP ${error.statusCode}` : ''})`,
  })
}

/**
 * Stripe as a payment provider, through the official SDK: a payment is a PaymentIntent confirmed at once with a
 * manual capture, so it is authorized first and captured when the order ships. Every mutating call sends the
 * caller's idempotency key, so a retry after a timeout finds what the first call did.
 */
export const createStripeProvider = ({
  secretKey,
  webhookSecret,
  apiUrl = 'https://api.stripe.com',
  webhookToleranceSeconds = 300,
  timeoutMs = 10_000,
  maxNetworkRetries = 2,
  rateLimitRetries = 2,
  rateLimitBackoffMs = 500,
}: StripeProviderOptions): PaymentProvider => {
  const stripe = new Stripe(secretKey, {
    ...addressOf(apiUrl),
    timeout: timeoutMs,
    maxNetworkRetries,
    telemetry: false,
    appInfo: { name: 'MyShop' },
  })

  /** Makes a call, repeating it with backoff while Stripe answers 429. */
  const call = async <T>(request: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request()
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeRateLimitError) || attempt >= rateLimitRetries) throw error
        await Bun.sleep(rateLimitBackoffMs * 2 ** attempt)
      }
    }
  }

  /** A PaymentIntent and its refunds as a ProviderRecord, in our units. */
  const record = async (intent: Stripe.PaymentIntent): Promise<ProviderRecord> => {
    const currency = intent.currency.toUpperCase()
    const ours = (amount: number) => fromStripeAmount(amount, currency)
    const refunds = []
    if (intent.amount_received > 0)
      for await (const refund of stripe.refunds.list({ payment_intent: intent.id, limit: 100 }))
        refunds.push({
          reference: refund.id,
          amount: ours(refund.amount),
          status: refundStatus(refund.status),
        })
    const charge = idOf(intent.latest_charge)
    return {
      reference: intent.id,
      paymentId: intent.metadata.myshop_payment_id ?? null,
      status: recordStatus[intent.status] ?? 'requires_action',
      amount: ours(intent.amount),
      currency,
      capturedAmount: ours(intent.amount_received),
      refundedAmount: refunds.filter((r) => r.status === 'succeeded').reduce((sum, r) => sum + r.amount, 0),
      captures:
        intent.amount_received > 0
          ? [{ reference: charge ?? intent.id, amount: ours(intent.amount_received), status: 'succeeded' }]
          : [],
      refunds,
      createdAt: new Date(intent.created * 1000).toISOString(),
    }
  }

  return {
    async authorize({ paymentId, description, amount, currency, token, returnUrl, idempotencyKey }) {
      if (!token) return declined(null, 'invalid_token', 'Stripe takes a payment method (pm_…)')
      const stripeAmount = amountFor(amount, currency)
      if (typeof stripeAmount !== 'number') return stripeAmount
      try {
        const intent = await call(() =>
          stripe.paymentIntents.create(
            {
              amount: stripeAmount,
              currency: currency.toLowerCase(),
              payment_method: token,
              confirm: true,
              capture_method: 'manual',
              return_url: returnUrl,
              description,
              metadata: { myshop_payment_id: paymentId, myshop_reference: description },
            },
            { idempotencyKey },
          ),
        )
        return authorization(intent)
      } catch (error) {
        return failure(error)
      }
    },

    async resolve({ reference }) {
      try {
        return authorization(await call(() => stripe.paymentIntents.retrieve(reference)))
      } catch (error) {
        return failure(error)
      }
    },

    async capture({ reference, amount, currency, idempotencyKey }) {
      const stripeAmount = amountFor(amount, currency)
      if (typeof stripeAmount !== 'number') return stripeAmount
      const captured = (intent: Stripe.PaymentIntent): ProviderOutcome => ({
        outcome: 'succeeded',
        reference: idOf(intent.latest_charge) ?? intent.id,
      })
      try {
        return captured(
          await call(() =>
            stripe.paymentIntents.capture(reference, { amount_to_capture: stripeAmount }, { idempotencyKey }),
          ),
        )
      } catch (error) {
        // Captured before (its answer lost, and the key since changed or forgotten): that capture stands.
        const intent = error instanceof StripeError ? error.payment_intent : undefined
        if (intent?.status === 'succeeded' && intent.amount_received === stripeAmount) return captured(intent)
        return failure(error)
      }
    },

    async void({ reference, idempotencyKey }) {
      try {
        const intent = await call(() => stripe.paymentIntents.cancel(reference, {}, { idempotencyKey }))
        return { outcome: 'succeeded', reference: intent.id }
      } catch (error) {
        const intent = error instanceof StripeError ? error.payment_intent : undefined
        if (intent?.status === 'canceled') return { outcome: 'succeeded', reference: intent.id }
        return failure(error)
      }
    },

    async refund({ reference, amount, currency, idempotencyKey }) {
      const stripeAmount = amountFor(amount, currency)
      if (typeof stripeAmount !== 'number') return stripeAmount
      try {
        const refund = await call(() =>
          stripe.refunds.create({ payment_intent: reference, amount: stripeAmount }, { idempotencyKey }),
        )
        if (refund.status === 'failed' || refund.status === 'canceled')
          return declined(refund.id, 'processing_error', refund.failure_reason ?? refund.status)
        return { outcome: 'succeeded', reference: refund.id }
      } catch (error) {
        return failure(error)
      }
    },

    async parseWebhook(rawBody, headers): Promise<WebhookCheck> {
      const signature = headers.get('stripe-signature')
      if (!signature) return { ok: false, reason: 'The stripe-signature header is missing' }
      let event: Stripe.Event
      try {
        event = await stripe.webhooks.constructEventAsync(
          rawBody,
          signature,
          webhookSecret,
          webhookToleranceSeconds,
        )
      } catch (error) {
        if (!(error instanceof StripeSignatureVerificationError))
          return { ok: false, reason: 'The body is not a Stripe event' }
        return {
          ok: false,
          reason: /tolerance/i.test(error.message)
            ? 'The webhook is too old (or from the future)'
            : 'The signature does not match the body',
        }
      }
      const type: string = event.type
      const object = event.data.object as unknown as Record<string, unknown>
      const kind = eventKind(type)
      const read: ProviderEvent = {
        id: event.id,
        type,
        kind,
        references: referencesOf(object),
        occurredAt: new Date(event.created * 1000).toISOString(),
      }
      if (kind === 'dispute' && object.object === 'dispute') {
        const currency = String(object.currency).toUpperCase()
        read.dispute = {
          id: String(object.id),
          amount: fromStripeAmount(Number(object.amount), currency),
          currency,
          reason: String(object.reason),
          status: String(object.status),
        }
      }
      return { ok: true, event: read }
    },

    async inspect(reference) {
      try {
        return await record(await call(() => stripe.paymentIntents.retrieve(reference)))
      } catch (error) {
        if (error instanceof StripeError && error.code === 'resource_missing') return null
        throw unreachable(error)
      }
    },

    async list(since) {
      const records: ProviderRecord[] = []
      try {
        const created = { gte: Math.floor(since.getTime() / 1000) }
        for await (const intent of stripe.paymentIntents.list({ created, limit: 100 }))
          records.push(await record(intent))
      } catch (error) {
        throw unreachable(error)
      }
      return records
    },
  }
}
