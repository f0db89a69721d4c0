import { randomBytes } from 'node:crypto'
import Stripe from 'stripe'

/**
 * A local Stripe for tests: an HTTP server speaking Stripe's wire protocol (form-encoded requests, Bearer secret
 * keys, Stripe's JSON objects and error bodies, Idempotency-Key replays) for the PaymentIntent and Refund calls
 * MyShop's Stripe adapter makes, so the adapter is tested through the official SDK without reaching Stripe.
 * Amounts here are in Stripe's units, as on the wire.
 */

/** A form-encoded request's parameters, with bracket notation (`metadata[x]=y`) read into nested objects. */
export interface Params {
  [key: string]: string | Params
}

/** A PaymentIntent as Stripe answers it (the fields MyShop reads, and the usual ones beside them). */
export interface StandInPaymentIntent {
  id: string
  object: 'payment_intent'
  amount: number
  amount_capturable: number
  amount_received: number
  canceled_at: number | null
  cancellation_reason: string | null
  capture_method: 'automatic' | 'manual'
  client_secret: string
  confirmation_method: 'automatic'
  created: number
  currency: string
  description: string | null
  last_payment_error: Record<string, unknown> | null
  latest_charge: string | null
  livemode: false
  metadata: Record<string, string>
  next_action: Record<string, unknown> | null
  payment_method: string | null
  payment_method_types: string[]
  status:
    | 'requires_payment_method'
    | 'requires_confirmation'
    | 'requires_action'
    | 'processing'
    | 'requires_capture'
    | 'succeeded'
    | 'canceled'
}

/** The charge a confirmed PaymentIntent made, authorized or failed. */
export interface StandInCharge {
  id: string
  object: 'charge'
  amount: number
  amount_captured: number
  amount_refunded: number
  captured: boolean
  created: number
  currency: string
  disputed: boolean
  failure_code: string | null
  failure_message: string | null
  livemode: false
  metadata: Record<string, string>
  outcome: { network_status: string; reason: string | null; type: string }
  paid: boolean
  payment_intent: string
  payment_method: string
  refunded: boolean
  status: 'succeeded' | 'failed'
}

/** A refund of a PaymentIntent's captured charge. */
export interface StandInRefund {
  id: string
  object: 'refund'
  amount: number
  balance_transaction: string | null
  charge: string
  created: number
  currency: string
  metadata: Record<string, string>
  payment_intent: string
  reason: string | null
  receipt_number: string | null
  status: 'succeeded' | 'pending' | 'failed' | 'canceled'
}

/** A cardholder's dispute of a captured charge. */
export interface StandInDispute {
  id: string
  object: 'dispute'
  amount: number
  balance_transactions: unknown[]
  charge: string
  created: number
  currency: string
  evidence_details: { due_by: number; has_evidence: boolean; past_due: boolean; submission_count: number }
  is_charge_refundable: boolean
  livemode: false
  metadata: Record<string, string>
  payment_intent: string
  reason: string
  status: string
}

/** One request the stand-in received, for asserting what the adapter sent. */
export interface LoggedRequest {
  method: string
  path: string
  query: Params
  params: Params
  /** Every header but Authorization, lower-cased. */
  headers: Record<string, string>
  idempotencyKey: string | null
  status: number
  replayed: boolean
}

/** A webhook as Stripe would POST it: the raw body and its `stripe-signature` header. */
export interface SignedWebhook {
  body: string
  headers: Record<string, string>
}

/** A signed webhook and the id of the event it carries. */
export type SignedEvent = SignedWebhook & { id: string }

/** The keys and clock of a stand-in. */
export interface StripeStandInOptions {
  /** The only secret key the stand-in accepts (default `sk_test_myshop_standin`). */
  secretKey?: string
  /** The endpoint secret webhooks are signed with (default `whsec_myshop_standin`). */
  webhookSecret?: string
  now?: () => number
}

/** A failure the stand-in can be told to answer the next requests with (see `failNext`). */
export type StripeFault = 'server_error' | 'rate_limit' | 'hang' | 'server_error_after_commit'

/** A running stand-in: its address, the controls a test drives it with, and its state to assert on. */
export interface StripeStandIn {
  url: string
  secretKey: string
  webhookSecret: string
  stop(): Promise<void>
  /**
   * The shopper passes or fails the 3-D Secure check of a PaymentIntent awaiting it: it becomes requires_capture, or
   * requires_payment_method with a last_payment_error. Answers the webhook Stripe would send about it, or null when
   * the PaymentIntent awaits nothing.
   */
  completeAction(id: string, outcome: 'approve' | 'fail'): Promise<SignedEvent | null>
  /**
   * The next `count` requests fail: `server_error` answers 500 without doing anything, `rate_limit` 429, `hang`
   * never answers (until `stop`), and `server_error_after_commit` does the work, keeps its answer for the
   * Idempotency-Key, then answers 500 as if the answer were lost on the way back.
   */
  failNext(count: number, fault: StripeFault): void
  /** The same as `failNext(count, 'server_error_after_commit')`. */
  faultAfterCommit(count?: number): void
  /** A webhook event of `type` about `object`, signed with the SDK's own helper (or another secret or time). */
  event(type: string, object: object, options?: { secret?: string; timestamp?: number }): Promise<SignedEvent>
  /** A cardholder disputes the PaymentIntent's charge: answers the signed `charge.dispute.created` webhook. */
  dispute(
    id: string,
    options?: { reason?: string; amount?: number },
  ): Promise<SignedEvent & { dispute: StandInDispute }>
  /** A refund made in Stripe's Dashboard, outside MyShop (the whole remainder when no amount is given). */
  refundOutside(id: string, amount?: number): StandInRefund
  intents: Map<string, StandInPaymentIntent>
  charges: Map<string, StandInCharge>
  refunds: Map<string, StandInRefund>
  disputes: Map<string, StandInDispute>
  requests: LoggedRequest[]
}

/** A Stripe error answer: its HTTP status and the `error` member of the body. */
class StripeFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: Record<string, unknown>,
  ) {
    super(String(error.message))
  }
}

const docUrl = (code: string) => `https://stripe.com/docs/error-codes/${code.replaceAll('_', '-')}`

const invalid = (code: string | null, message: string, param?: string, extra: Record<string, unknown> = {}) =>
  new StripeFailure(400, {
    type: 'invalid_request_error',
    ...(code ? { code, doc_url: docUrl(code) } : {}),
    message,
    ...(param ? { param } : {}),
    ...extra,
  })

const missing = (resource: string, id: string, param: string, status = 404) =>
  new StripeFailure(status, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    doc_url: docUrl('resource_missing'),
    message: `No such ${resource}: '${id}'`,
    param,
  })

/** What a test payment method does when confirmed. */
type CardBehaviour =
  | { kind: 'authorizes' }
  | { kind: 'three_d_secure' }
  | { kind: 'declines'; code: string; declineCode: string; message: string }

const decline = (code: string, declineCode: string, message: string): CardBehaviour => ({
  kind: 'declines',
  code,
  declineCode,
  message,
})

/** Stripe's test payment methods the stand-in knows, by id. */
export const testPaymentMethods: Record<string, CardBehaviour> = {
  pm_card_visa: { kind: 'authorizes' },
  pm_card_mastercard: { kind: 'authorizes' },
  pm_card_chargeDeclined: decline('card_declined', 'generic_decline', 'Your card was declined.'),
  pm_card_chargeDeclinedInsufficientFunds: decline(
    'card_declined',
    'insufficient_funds',
    'Your card has insufficient funds.',
  ),
  pm_card_chargeDeclinedExpiredCard: decline('expired_card', 'expired_card', 'Your card has expired.'),
  pm_card_chargeDeclinedIncorrectCvc: decline(
    'incorrect_cvc',
    'incorrect_cvc',
    "Your card's security code is incorrect.",
  ),
  pm_card_chargeDeclinedProcessingError: decline(
    'processing_error',
    'processing_error',
    'An error occurred while processing your card. Try again in a little bit.',
  ),
  pm_card_threeDSecure2Required: { kind: 'three_d_secure' },
  pm_card_authenticationRequired: { kind: 'three_d_secure' },
}

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const stripeId = (prefix: string) =>
  `${prefix}_${[...randomBytes(24)].map((byte) => base62[byte % 62]).join('')}`

/** Reads `a[b][c]=v` pairs into `{ a: { b: { c: v } } }`, as Stripe reads its form-encoded bodies and queries. */
export const readParams = (search: URLSearchParams): Params => {
  const params: Params = {}
  for (const [name, value] of search) {
    const path = name.replace(/\]/g, '').split('[')
    let at = params
    for (const [i, part] of path.entries()) {
      if (i === path.length - 1) at[part] = value
      else {
        const next = at[part]
        const inner: Params = typeof next === 'object' ? next : {}
        at[part] = inner
        at = inner
      }
    }
  }
  return params
}

/** The same parameters in any order print the same. */
const fingerprint = (value: string | Params): string =>
  typeof value === 'string'
    ? JSON.stringify(value)
    : `{${Object.keys(value)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${fingerprint(value[key]!)}`)
        .join(',')}}`

const text = (params: Params, name: string): string | undefined => {
  const value = params[name]
  return typeof value === 'string' ? value : undefined
}

const amountParam = (params: Params, name: string, required: boolean): number | undefined => {
  const value = text(params, name)
  if (value === undefined) {
    if (required) throw invalid('parameter_missing', `Missing required param: ${name}.`, name)
    return undefined
  }
  if (!/^\d{1,12}$/.test(value)) throw invalid('parameter_invalid_integer', `Invalid integer: ${value}`, name)
  return Number(value)
}

const threeDecimal = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd'])

/** Stripe's own refusals of amounts a currency cannot take. */
const checkAmount = (amount: number, currency: string) => {
  if (amount < 1) throw invalid('amount_too_small', 'Amount must be at least 1.', 'amount')
  if (currency === 'isk' && amount % 100 !== 0)
    throw invalid(
      'invalid_charge_amount_no_decimal_compatible',
      'Invalid amount. Currency ISK has become effectively zero-decimal and charged amounts must be evenly divisible by 100.',
      'amount',
    )
  if (threeDecimal.has(currency) && amount % 10 !== 0)
    throw invalid('invalid_amount', `Amounts in ${currency.toUpperCase()} must end in 0.`, 'amount')
}

const list = <T extends { id: string }>(items: T[], url: string, query: Params) => {
  const limit = Math.min(Math.max(Number(text(query, 'limit') ?? 10), 1), 100)
  const after = text(query, 'starting_after')
  const start = after === undefined ? 0 : items.findIndex((item) => item.id === after) + 1
  const page = items.slice(start, start + limit)
  return { object: 'list', data: page, has_more: start + limit < items.length, url }
}

const createdMatches = (created: number, range: string | Params | undefined) => {
  if (range === undefined) return true
  if (typeof range === 'string') return created === Number(range)
  const bound = (name: string, holds: (limit: number) => boolean) =>
    range[name] === undefined || holds(Number(range[name]))
  return (
    bound('gt', (limit) => created > limit) &&
    bound('gte', (limit) => created >= limit) &&
    bound('lt', (limit) => created < limit) &&
    bound('lte', (limit) => created <= limit)
  )
}

const json = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, {
    status,
    headers: { 'content-type': 'application/json', 'request-id': stripeId('req'), ...headers },
  })

const errorBody = (failure: StripeFailure) =>
  JSON.stringify({ error: { ...failure.error, request_log_url: null } }, null, 2)

/** Starts a stand-in on a free port of 127.0.0.1. */
export const startStripeStandIn = (options: StripeStandInOptions = {}): StripeStandIn => {
  const secretKey = options.secretKey ?? 'sk_test_myshop_standin'
  const webhookSecret = options.webhookSecret ?? 'whsec_myshop_standin'
  const now = options.now ?? Date.now
  const seconds = () => Math.floor(now() / 1000)

  const intents = new Map<string, StandInPaymentIntent>()
  const charges = new Map<string, StandInCharge>()
  const refunds = new Map<string, StandInRefund>()
  const disputes = new Map<string, StandInDispute>()
  const requests: LoggedRequest[] = []
  const faults: StripeFault[] = []
  const answered = new Map<string, { fingerprint: string; status: number; body: string }>()
  const hanging = new Set<() => void>()
  let url = ''

  const intentOf = (id: string, param = 'intent') => {
    const intent = intents.get(id)
    if (!intent) throw missing('payment_intent', id, param)
    return intent
  }

  const paymentMethodObject = (id: string) => ({ id, object: 'payment_method', type: 'card' })

  const newCharge = (intent: StandInPaymentIntent, failure: { code: string; message: string } | null) => {
    const charge: StandInCharge = {
      id: stripeId('ch'),
      object: 'charge',
      amount: intent.amount,
      amount_captured: 0,
      amount_refunded: 0,
      captured: false,
      created: seconds(),
      currency: intent.currency,
      disputed: false,
      failure_code: failure?.code ?? null,
      failure_message: failure?.message ?? null,
      livemode: false,
      metadata: {},
      outcome: failure
        ? { network_status: 'declined_by_network', reason: failure.code, type: 'issuer_declined' }
        : { network_status: 'approved_by_network', reason: null, type: 'authorized' },
      paid: failure === null,
      payment_intent: intent.id,
      payment_method: intent.payment_method!,
      refunded: false,
      status: failure ? 'failed' : 'succeeded',
    }
    charges.set(charge.id, charge)
    intent.latest_charge = charge.id
    return charge
  }

  /** Captures `amount` of the intent's charge; the rest of the authorization is released, as Stripe does. */
  const capture = (intent: StandInPaymentIntent, amount: number) => {
    const charge = charges.get(intent.latest_charge!)!
    charge.captured = true
    charge.amount_captured = amount
    Object.assign(intent, { status: 'succeeded', amount_received: amount, amount_capturable: 0 })
  }

  /** The card authorized the intent (at confirmation, or after its 3-D Secure check). */
  const authorized = (intent: StandInPaymentIntent) => {
    newCharge(intent, null)
    Object.assign(intent, { status: 'requires_capture', amount_capturable: intent.amount, next_action: null })
    if (intent.capture_method === 'automatic') capture(intent, intent.amount)
    return intent.status
  }

  const confirm = (intent: StandInPaymentIntent, returnUrl: string | undefined) => {
    const behaviour = testPaymentMethods[intent.payment_method!]!
    if (behaviour.kind === 'authorizes') {
      authorized(intent)
      return
    }
    if (behaviour.kind === 'three_d_secure') {
      intent.status = 'requires_action'
      intent.next_action = returnUrl
        ? {
            type: 'redirect_to_url',
            redirect_to_url: { return_url: returnUrl, url: `${url}/3ds/${intent.id}` },
          }
        : { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect', source: intent.id } }
      return
    }
    const charge = newCharge(intent, { code: behaviour.code, message: behaviour.message })
    const error = {
      type: 'card_error',
      code: behaviour.code,
      decline_code: behaviour.declineCode,
      doc_url: docUrl(behaviour.code),
      message: behaviour.message,
      charge: charge.id,
      payment_method: paymentMethodObject(intent.payment_method!),
    }
    Object.assign(intent, { status: 'requires_payment_method', last_payment_error: error })
    throw new StripeFailure(402, { ...error, payment_intent: structuredClone(intent) })
  }

  const createIntent = (params: Params) => {
    const amount = amountParam(params, 'amount', true)!
    const currency = text(params, 'currency')
    if (!currency) throw invalid('parameter_missing', 'Missing required param: currency.', 'currency')
    if (!/^[a-z]{3}$/.test(currency))
      throw invalid('parameter_invalid_string', `Invalid currency: ${currency}.`, 'currency')
    checkAmount(amount, currency)
    const paymentMethod = text(params, 'payment_method') ?? null
    if (paymentMethod !== null && !testPaymentMethods[paymentMethod])
      throw missing('PaymentMethod', paymentMethod, 'payment_method', 400)
    const metadata = params.metadata
    const id = stripeId('pi')
    const intent: StandInPaymentIntent = {
      id,
      object: 'payment_intent',
      amount,
      amount_capturable: 0,
      amount_received: 0,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: text(params, 'capture_method') === 'manual' ? 'manual' : 'automatic',
      client_secret: `${id}_secret_${stripeId('x').slice(2)}`,
      confirmation_method: 'automatic',
      created: seconds(),
      currency,
      description: text(params, 'description') ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: typeof metadata === 'object' ? (structuredClone(metadata) as Record<string, string>) : {},
      next_action: null,
      payment_method: paymentMethod,
      payment_method_types: ['card'],
      status: paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
    }
    intents.set(id, intent)
    if (text(params, 'confirm') === 'true') {
      if (!paymentMethod)
        throw invalid(
          'payment_intent_unexpected_state',
          'You cannot confirm this PaymentIntent because it is missing a payment method.',
          'payment_method',
        )
      confirm(intent, text(params, 'return_url'))
    }
    return intent
  }

  const unexpectedState = (intent: StandInPaymentIntent, action: string) =>
    invalid(
      'payment_intent_unexpected_state',
      `You cannot ${action} this PaymentIntent because it has a status of ${intent.status}.`,
      undefined,
      { payment_intent: structuredClone(intent) },
    )

  const captureIntent = (id: string, params: Params) => {
    const intent = intentOf(id)
    if (intent.status !== 'requires_capture') throw unexpectedState(intent, 'capture')
    const amount = amountParam(params, 'amount_to_capture', false) ?? intent.amount_capturable
    if (amount > intent.amount_capturable)
      throw invalid(
        'amount_too_large',
        'The amount to capture is greater than the amount capturable.',
        'amount_to_capture',
        { payment_intent: structuredClone(intent) },
      )
    checkAmount(amount, intent.currency)
    capture(intent, amount)
    return intent
  }

  const cancellable = new Set([
    'requires_payment_method',
    'requires_confirmation',
    'requires_action',
    'processing',
  ])
  const cancelIntent = (id: string, params: Params) => {
    const intent = intentOf(id)
    if (!cancellable.has(intent.status) && intent.status !== 'requires_capture')
      throw unexpectedState(intent, 'cancel')
    Object.assign(intent, {
      status: 'canceled',
      canceled_at: seconds(),
      cancellation_reason: text(params, 'cancellation_reason') ?? null,
      amount_capturable: 0,
      next_action: null,
    })
    return intent
  }

  const refund = (intent: StandInPaymentIntent, amount: number | undefined) => {
    const charge = intent.latest_charge ? charges.get(intent.latest_charge) : undefined
    if (intent.status !== 'succeeded' || !charge?.captured)
      throw invalid(
        'charge_not_captured',
        `This PaymentIntent has a status of ${intent.status}; only a captured payment can be refunded.`,
        'payment_intent',
      )
    const left = charge.amount_captured - charge.amount_refunded
    if (left === 0)
      throw invalid('charge_already_refunded', `Charge ${charge.id} has already been refunded.`, 'charge')
    const value = amount ?? left
    if (value > left)
      throw invalid(
        'amount_too_large',
        `Refund amount (${value}) is greater than unrefunded amount on charge (${left})`,
        'amount',
      )
    checkAmount(value, intent.currency)
    const made: StandInRefund = {
      id: stripeId('re'),
      object: 'refund',
      amount: value,
      balance_transaction: stripeId('txn'),
      charge: charge.id,
      created: seconds(),
      currency: intent.currency,
      metadata: {},
      payment_intent: intent.id,
      reason: null,
      receipt_number: null,
      status: 'succeeded',
    }
    refunds.set(made.id, made)
    charge.amount_refunded += value
    charge.refunded = charge.amount_refunded === charge.amount_captured
    return made
  }

  const createRefund = (params: Params) => {
    const id = text(params, 'payment_intent')
    if (!id) throw invalid('parameter_missing', 'Missing required param: payment_intent.', 'payment_intent')
    return refund(intentOf(id, 'payment_intent'), amountParam(params, 'amount', false))
  }

  const newestFirst = <T extends { created: number }>(items: Iterable<T>) => [...items].reverse()

  /** Routes a request to what it does; throws StripeFailure for Stripe's error answers. */
  const route = (method: string, path: string, params: Params, query: Params): object => {
    const parts = path.split('/').slice(1)
    const [version, resource, id, action] = parts
    if (version === 'v1' && resource === 'payment_intents') {
      if (method === 'POST' && parts.length === 2) return createIntent(params)
      if (method === 'GET' && parts.length === 2)
        return list(
          newestFirst(intents.values()).filter((pi) => createdMatches(pi.created, query.created)),
          '/v1/payment_intents',
          query,
        )
      if (method === 'GET' && id && parts.length === 3) return intentOf(id)
      if (method === 'POST' && id && action === 'capture') return captureIntent(id, params)
      if (method === 'POST' && id && action === 'cancel') return cancelIntent(id, params)
    }
    if (version === 'v1' && resource === 'refunds') {
      if (method === 'POST' && parts.length === 2) return createRefund(params)
      if (method === 'GET' && parts.length === 2) {
        const of = text(query, 'payment_intent')
        return list(
          newestFirst(refunds.values()).filter((r) => of === undefined || r.payment_intent === of),
          '/v1/refunds',
          query,
        )
      }
      if (method === 'GET' && id && parts.length === 3) {
        const found = refunds.get(id)
        if (!found) throw missing('refund', id, 'id')
        return found
      }
    }
    if (version === 'v1' && resource === 'charges' && method === 'GET' && id && parts.length === 3) {
      const found = charges.get(id)
      if (!found) throw missing('charge', id, 'id')
      return found
    }
    throw new StripeFailure(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    })
  }

  const authenticate = (request: Request): StripeFailure | null => {
    const header = request.headers.get('authorization') ?? ''
    const key = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : ''
    if (key === secretKey) return null
    return new StripeFailure(401, {
      type: 'invalid_request_error',
      message: key
        ? `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(key.length - 12, 0))}${key.slice(-4)}`
        : "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    })
  }

  /** Runs the request's work and answers it; a POST's answer is kept for its Idempotency-Key. */
  const perform = (method: string, path: string, params: Params, query: Params, key: string | null) => {
    let status = 200
    let body: string
    try {
      body = JSON.stringify(route(method, path, params, query), null, 2)
    } catch (error) {
      if (!(error instanceof StripeFailure)) throw error
      status = error.status
      body = errorBody(error)
    }
    if (method === 'POST' && key)
      answered.set(key, { fingerprint: `${method} ${path} ${fingerprint(params)}`, status, body })
    return { status, body }
  }

  const handle = async (request: Request): Promise<Response> => {
    const address = new URL(request.url)
    const method = request.method
    const params = method === 'POST' ? readParams(new URLSearchParams(await request.text())) : {}
    const query = readParams(address.searchParams)
    const key = request.headers.get('idempotency-key')
    const headers = Object.fromEntries([...request.headers].filter(([name]) => name !== 'authorization'))
    const entry: LoggedRequest = {
      method,
      path: address.pathname,
      query,
      params,
      headers,
      idempotencyKey: key,
      status: 0,
      replayed: false,
    }
    requests.push(entry)
    const answer = (status: number, body: string, extra: Record<string, string> = {}) => {
      entry.status = status
      return json(status, body, { ...(key ? { 'idempotency-key': key } : {}), ...extra })
    }

    const refused = authenticate(request)
    if (refused) return answer(401, errorBody(refused))
    const fault = faults.shift()
    if (fault === 'hang')
      return new Promise<Response>((resolve) => {
        const release = () => {
          hanging.delete(release)
          resolve(answer(503, errorBody(new StripeFailure(503, { type: 'api_error', message: 'Stopped' }))))
        }
        hanging.add(release)
        request.signal.addEventListener('abort', release)
      })
    if (fault === 'server_error')
      return answer(
        500,
        errorBody(new StripeFailure(500, { type: 'api_error', message: 'An unknown error occurred' })),
      )
    if (fault === 'rate_limit')
      return answer(
        429,
        errorBody(
          new StripeFailure(429, {
            type: 'invalid_request_error',
            code: 'rate_limit',
            doc_url: docUrl('rate_limit'),
            message:
              'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
          }),
        ),
      )

    if (method === 'POST' && key) {
      const earlier = answered.get(key)
      if (earlier) {
        if (earlier.fingerprint !== `${method} ${address.pathname} ${fingerprint(params)}`)
          return answer(
            400,
            errorBody(
              new StripeFailure(400, {
                type: 'idempotency_error',
                message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
              }),
            ),
          )
        entry.replayed = true
        return answer(earlier.status, earlier.body, { 'idempotent-replayed': 'true' })
      }
    }
    const done = perform(method, address.pathname, params, query, key)
    if (fault === 'server_error_after_commit')
      return answer(
        500,
        errorBody(new StripeFailure(500, { type: 'api_error', message: 'An unknown error occurred' })),
      )
    return answer(done.status, done.body)
  }

  const server = Bun.serve({ hostname: '127.0.0.1', port: 0, idleTimeout: 0, fetch: handle })
  url = `http://127.0.0.1:${server.port}`

  const event: StripeStandIn['event'] = async (type, object, signing = {}) => {
    const created = signing.timestamp ?? seconds()
    const id = stripeId('evt')
    const body = JSON.stringify(
      {
        id,
        object: 'event',
        api_version: Stripe.API_VERSION,
        created,
        data: { object: structuredClone(object) },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
      },
      null,
      2,
    )
    const signature = await Stripe.webhooks.generateTestHeaderStringAsync({
      payload: body,
      secret: signing.secret ?? webhookSecret,
      timestamp: created,
    })
    return { id, body, headers: { 'content-type': 'application/json', 'stripe-signature': signature } }
  }

  return {
    url,
    secretKey,
    webhookSecret,
    intents,
    charges,
    refunds,
    disputes,
    requests,

    async stop() {
      for (const release of [...hanging]) release()
      await server.stop(true)
    },

    async completeAction(id, outcome) {
      const intent = intents.get(id)
      if (intent?.status !== 'requires_action') return null
      if (outcome === 'approve') {
        const status = authorized(intent)
        return event(
          status === 'succeeded' ? 'payment_intent.succeeded' : 'payment_intent.amount_capturable_updated',
          intent,
        )
      }
      Object.assign(intent, {
        status: 'requires_payment_method',
        next_action: null,
        last_payment_error: {
          type: 'invalid_request_error',
          code: 'payment_intent_authentication_failure',
          doc_url: docUrl('payment_intent_authentication_failure'),
          message:
            'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
          payment_method: paymentMethodObject(intent.payment_method!),
        },
      })
      return event('payment_intent.payment_failed', intent)
    },

    failNext(count, fault) {
      for (let i = 0; i < count; i++) faults.push(fault)
    },

    faultAfterCommit(count = 1) {
      for (let i = 0; i < count; i++) faults.push('server_error_after_commit')
    },

    event,

    async dispute(id, options = {}) {
      const intent = intentOf(id)
      const charge = intent.latest_charge ? charges.get(intent.latest_charge) : undefined
      if (!charge?.captured) throw new Error(`PaymentIntent ${id} has no captured charge to dispute`)
      const dispute: StandInDispute = {
        id: stripeId('dp'),
        object: 'dispute',
        amount: options.amount ?? charge.amount_captured,
        balance_transactions: [],
        charge: charge.id,
        created: seconds(),
        currency: charge.currency,
        evidence_details: {
          due_by: seconds() + 7 * 86_400,
          has_evidence: false,
          past_due: false,
          submission_count: 0,
        },
        is_charge_refundable: false,
        livemode: false,
        metadata: {},
        payment_intent: intent.id,
        reason: options.reason ?? 'fraudulent',
        status: 'needs_response',
      }
      disputes.set(dispute.id, dispute)
      charge.disputed = true
      return { ...(await event('charge.dispute.created', dispute)), dispute }
    },

    refundOutside(id, amount) {
      return refund(intentOf(id), amount)
    },
  }
}
