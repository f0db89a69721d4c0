/**
 * PayPal as a payment provider, through PayPal's own server SDK: the shopper approves an order on PayPal's page,
 * MyShop authorizes it when they come back, and captures, voids or refunds the authorization later. Every mutating
 * call carries PayPal-Request-Id (the caller's idempotency key), so a call repeated after a timeout finds what the
 * first one did.
 */

import { AppError } from '@myshop/errors'
import {
  ApiError,
  CheckoutPaymentIntent,
  Client,
  type ClientCredentialsAuthManager,
  Environment,
  type OAuthToken,
  type Order,
  OrdersController,
  PaymentsController,
  PaypalExperienceUserAction,
  PaypalWalletContextShippingPreference,
  TransactionSearchController,
} from '@paypal/paypal-server-sdk'
import axios, { type AxiosAdapter } from 'axios'
import {
  declineReasonOf,
  failureDetail,
  failureOf,
  isRetryable,
  type PayPalFailure,
  readWebhookEvent,
  recordOfOrder,
  recordsOfTransactions,
  type TransactionView,
  toPayPalValue,
} from './paypal-model.ts'
import type { DeclineReason, PaymentProvider, ProviderOutcome, WebhookCheck } from './types.ts'

export interface PayPalProviderOptions {
  clientId: string
  clientSecret: string
  /** The id of the webhook registered for MyShop in PayPal's developer dashboard; webhooks are verified against it. */
  webhookId: string
  environment: 'sandbox' | 'live'
  /**
   * Where to send PayPal's API calls instead of PayPal's own host for the environment (a local stand-in, or a
   * corporate proxy), such as http://127.0.0.1:41234. Only the origin (and a path prefix) changes.
   */
  apiUrl?: string
  /** How long one HTTP call may take before it counts as a timeout. */
  timeoutMs?: number
  /** How often a call PayPal answers 429 (RATE_LIMIT_REACHED) is tried again, and the first wait (doubling). */
  rateLimitRetries?: { retries: number; intervalMs: number }
}

const hosts = { sandbox: 'https://api-m.sandbox.paypal.com', live: 'https://api-m.paypal.com' }

/**
 * An axios adapter that sends the SDK's requests to `apiUrl` instead: it swaps the origin of the absolute URL the
 * SDK built and hands the request to axios' own adapter, so the SDK's request building, auth and retries stay as
 * they are.
 */
const rewriteOrigin = (apiUrl: string): AxiosAdapter => {
  const target = new URL(apiUrl)
  const prefix = target.pathname.replace(/\/$/, '')
  const delegate = axios.getAdapter(axios.defaults.adapter)
  return (config) => {
    const original = new URL(config.url ?? '/', hosts.sandbox)
    const url = new URL(`${prefix}${original.pathname}${original.search}`, target.origin)
    return delegate({ ...config, url: url.toString() })
  }
}

/**
 * One OAuth token for the SDK's calls and the webhook verification alike, fetched through the SDK's client
 * credentials manager and kept until a minute before PayPal says it expires; concurrent callers share one fetch.
 */
const tokenCache = () => {
  let current: OAuthToken | undefined
  let pending: Promise<OAuthToken> | undefined
  return (manager: ClientCredentialsAuthManager): Promise<OAuthToken> => {
    if (current && manager.isValid(current) && !manager.isExpired(current)) return Promise.resolve(current)
    pending ??= manager.fetchToken().then(
      (token) => {
        current = token
        pending = undefined
        return token
      },
      (error) => {
        pending = undefined
        throw error
      },
    )
    return pending
  }
}

/** A minute of slack, so a token is never sent in the second it expires. */
const clockSkewSeconds = 60

/** The webhook headers PayPal signs with, and the verify call's field each one fills. */
const transmissionHeaders = {
  auth_algo: 'paypal-auth-algo',
  cert_url: 'paypal-cert-url',
  transmission_id: 'paypal-transmission-id',
  transmission_sig: 'paypal-transmission-sig',
  transmission_time: 'paypal-transmission-time',
} as const

/** The link PayPal sends the shopper to: `payer-action` for a wallet order, `approve` for one created without. */
const approvalUrl = (order: Order) =>
  order.links?.find((l) => l.rel === 'payer-action' || l.rel === 'approve')?.href

const authorizationOf = (order: Order) => order.purchaseUnits?.[0]?.payments?.authorizations?.[0]

const declined = (reference: string | null, reason: DeclineReason, detail: string): ProviderOutcome => ({
  outcome: 'declined',
  reference,
  reason,
  detail,
})

/** Creates the PayPal provider. Secrets stay inside the SDK's client and are never logged. */
export const createPayPalProvider = ({
  clientId,
  clientSecret,
  webhookId,
  environment,
  apiUrl,
  timeoutMs = 10_000,
  rateLimitRetries = { retries: 3, intervalMs: 1000 },
}: PayPalProviderOptions): PaymentProvider => {
  const token = tokenCache()
  const client = new Client({
    environment: environment === 'live' ? Environment.Production : Environment.Sandbox,
    timeout: timeoutMs,
    clientCredentialsAuthCredentials: {
      oAuthClientId: clientId,
      oAuthClientSecret: clientSecret,
      oAuthClockSkew: clockSkewSeconds,
      oAuthTokenProvider: (_last, manager) => token(manager),
    },
    httpClientOptions: {
      timeout: timeoutMs,
      // Only "slow down" is tried again here: a 5xx or a timeout goes back to the caller as `timeout`, and the
      // caller's own retry carries the same PayPal-Request-Id. Every POST carries one, so repeating it is safe.
      retryConfig: {
        maxNumberOfRetries: rateLimitRetries.retries,
        retryOnTimeout: false,
        retryInterval: rateLimitRetries.intervalMs / 1000,
        backoffFactor: 2,
        maximumRetryWaitTime: (rateLimitRetries.intervalMs / 1000) * 2 ** (rateLimitRetries.retries + 1),
        httpStatusCodesToRetry: [429],
        httpMethodsToRetry: ['GET', 'POST'],
      },
    },
    ...(apiUrl ? { unstable_httpClientOptions: { adapter: rewriteOrigin(apiUrl) } } : {}),
  })
  const orders = new OrdersController(client)
  const payments = new PaymentsController(client)
  const reports = new TransactionSearchController(client)
  const origin = (apiUrl ?? hosts[environment]).replace(/\/$/, '')

  /** PayPal's answer to a call that failed, or null when PayPal was not reached in time (or at all). */
  const failure = (error: unknown): PayPalFailure | null => {
    if (error instanceof ApiError) return failureOf(error.statusCode, error.result ?? jsonOf(error.body))
    if (axios.isAxiosError(error)) return null
    throw error
  }

  /** Runs a call whose failure is an outcome: PayPal's refusal is `declined`, no answer or a 5xx is `timeout`. */
  const attempt = async (
    reference: string | null,
    call: () => Promise<ProviderOutcome>,
  ): Promise<ProviderOutcome> => {
    try {
      return await call()
    } catch (error) {
      const f = failure(error)
      if (!f) return { outcome: 'timeout', detail: 'PayPal did not answer in time' }
      if (isRetryable(f)) return { outcome: 'timeout', detail: failureDetail(f) }
      return declined(reference, declineReasonOf(f), failureDetail(f))
    }
  }

  /** For the reads an operator or reconciliation makes: PayPal not answering is an error, not an outcome. */
  const unavailable = (error: unknown) => {
    const f = failure(error)
    return new AppError(f ? 'bad_gateway' : 'gateway_timeout', {
      detail: f ? `PayPal answered ${f.status} ${failureDetail(f)}` : 'PayPal did not answer in time',
      cause: error,
    })
  }

  const getOrder = async (id: string) => (await orders.getOrder({ id })).result

  const waiting = (order: Order): ProviderOutcome => {
    const url = approvalUrl(order)
    return url
      ? { outcome: 'requires_action', reference: order.id ?? '', nextAction: { type: 'redirect', url } }
      : declined(order.id ?? null, 'unexpected_state', 'no approval link')
  }

  /** Authorizes an order the shopper approved, once per idempotency key. */
  const authorizeApproved = async (order: Order, idempotencyKey: string): Promise<ProviderOutcome> => {
    const reference = order.id ?? ''
    try {
      const { result } = await orders.authorizeOrder({
        id: reference,
        paypalRequestId: idempotencyKey,
        prefer: 'return=representation',
      })
      return outcomeOfAuthorization(result)
    } catch (error) {
      const f = error instanceof ApiError ? failure(error) : null
      // Authorized by an earlier call under another key, or not (yet) approved after all: read it again.
      if (f?.issue === 'ORDER_ALREADY_AUTHORIZED') return outcomeOfOrder(await getOrder(reference))
      if (f?.issue === 'ORDER_NOT_APPROVED' || f?.issue === 'PAYER_ACTION_REQUIRED') return waiting(order)
      throw error
    }
  }

  /** An order PayPal authorized: `succeeded`, or `timeout` while the authorization is pending at PayPal. */
  const outcomeOfAuthorization = (order: Order): ProviderOutcome => {
    const reference = order.id ?? ''
    const authorization = authorizationOf(order)
    if (!authorization) return declined(reference, 'unexpected_state', `order ${order.status}`)
    if (authorization.status === 'DENIED') return declined(reference, 'card_declined', 'authorization DENIED')
    // PayPal is still reviewing it: not decided, so the caller asks again later.
    if (authorization.status === 'PENDING')
      return { outcome: 'timeout', detail: 'authorization PENDING at PayPal' }
    return { outcome: 'succeeded', reference }
  }

  /** Where an order awaiting the shopper stands, without changing it. */
  const outcomeOfOrder = (order: Order): ProviderOutcome => {
    const reference = order.id ?? ''
    if (order.status === 'COMPLETED') return outcomeOfAuthorization(order)
    if (order.status === 'VOIDED') return declined(reference, 'unexpected_state', 'VOIDED')
    return waiting(order)
  }

  /** An amount PayPal cannot be sent (a HUF or TWD amount that is not whole) is refused before calling. */
  const inPayPalUnits = (amount: number, currency: string) => {
    const value = toPayPalValue(amount, currency)
    return value === null ? null : { currencyCode: currency, value }
  }

  const notWhole = (reference: string | null, amount: number, currency: string) =>
    declined(
      reference,
      'invalid_request',
      `PayPal takes ${currency} in whole units only, not ${amount} minor units`,
    )

  return {
    async authorize({ paymentId, description, amount, currency, returnUrl, cancelUrl, idempotencyKey }) {
      const money = inPayPalUnits(amount, currency)
      if (!money) return notWhole(null, amount, currency)
      return attempt(null, async () => {
        const { result } = await orders.createOrder({
          paypalRequestId: idempotencyKey,
          prefer: 'return=representation',
          body: {
            intent: CheckoutPaymentIntent.Authorize,
            purchaseUnits: [
              {
                referenceId: paymentId,
                customId: paymentId,
                invoiceId: paymentId,
                description: description.slice(0, 127),
                amount: money,
              },
            ],
            paymentSource: {
              paypal: {
                experienceContext: {
                  returnUrl,
                  cancelUrl,
                  // The shopper's click on PayPal is their final consent: MyShop authorizes as soon as they are
                  // back, with no review page of its own, so PayPal's button says "Pay Now".
                  userAction: PaypalExperienceUserAction.PayNow,
                  // MyShop takes the shipping address at checkout; PayPal must not offer another one.
                  shippingPreference: PaypalWalletContextShippingPreference.NoShipping,
                },
              },
            },
          },
        })
        return waiting(result)
      })
    },

    resolve: ({ reference, idempotencyKey }) =>
      attempt(reference, async () => {
        const order = await getOrder(reference)
        if (order.status === 'APPROVED') return authorizeApproved(order, idempotencyKey)
        return outcomeOfOrder(order)
      }),

    async capture({ reference, amount, currency, idempotencyKey }) {
      const money = inPayPalUnits(amount, currency)
      if (!money) return notWhole(reference, amount, currency)
      return attempt(reference, async () => {
        const authorization = authorizationOf(await getOrder(reference))
        if (!authorization?.id)
          return declined(reference, 'unexpected_state', 'the order has no authorization')
        const { result } = await payments.captureAuthorizedPayment({
          authorizationId: authorization.id,
          paypalRequestId: idempotencyKey,
          prefer: 'return=representation',
          body: { amount: money, finalCapture: true },
        })
        if (result.status === 'DECLINED' || result.status === 'FAILED')
          return declined(reference, 'card_declined', `capture ${result.status}`)
        return { outcome: 'succeeded', reference: result.id ?? '' }
      })
    },

    void: ({ reference, idempotencyKey }) =>
      attempt(reference, async () => {
        const authorization = authorizationOf(await getOrder(reference))
        // An order never approved (or approved and never authorized) holds no money: it expires at PayPal.
        if (!authorization?.id || authorization.status === 'VOIDED')
          return { outcome: 'succeeded', reference: authorization?.id ?? reference }
        await payments.voidPayment({
          authorizationId: authorization.id,
          paypalRequestId: idempotencyKey,
          prefer: 'return=representation',
        })
        return { outcome: 'succeeded', reference: authorization.id }
      }),

    async refund({ reference, captureReference, amount, currency, idempotencyKey }) {
      const money = inPayPalUnits(amount, currency)
      if (!money) return notWhole(reference, amount, currency)
      return attempt(reference, async () => {
        const captureId =
          captureReference ?? (await getOrder(reference)).purchaseUnits?.[0]?.payments?.captures?.[0]?.id
        if (!captureId) return declined(reference, 'unexpected_state', 'the order has no capture')
        const { result } = await payments.refundCapturedPayment({
          captureId,
          paypalRequestId: idempotencyKey,
          prefer: 'return=representation',
          body: { amount: money },
        })
        if (result.status === 'FAILED' || result.status === 'CANCELLED')
          return declined(reference, 'processing_error', `refund ${result.status}`)
        return { outcome: 'succeeded', reference: result.id ?? '' }
      })
    },

    async parseWebhook(rawBody, headers): Promise<WebhookCheck> {
      const fields: Record<string, string> = {}
      for (const [field, header] of Object.entries(transmissionHeaders)) {
        const value = headers.get(header)
        if (!value) return { ok: false, reason: `The ${header} header is missing` }
        fields[field] = value
      }
      let parsed: unknown
      try {
        parsed = JSON.parse(rawBody)
      } catch {
        return { ok: false, reason: 'The body is not JSON' }
      }
      const event = readWebhookEvent(parsed)
      if (!event) return { ok: false, reason: 'The body is not a PayPal event' }
      const status = await verifySignature(fields, rawBody)
      if (status !== 'SUCCESS') return { ok: false, reason: `PayPal did not verify the webhook (${status})` }
      return { ok: true, event }
    },

    async inspect(reference) {
      try {
        return recordOfOrder(await getOrder(reference))
      } catch (error) {
        if (error instanceof ApiError && error.statusCode === 404) return null
        throw unavailable(error)
      }
    },

    async list(since) {
      try {
        return recordsOfTransactions(await transactionsSince(since))
      } catch (error) {
        throw unavailable(error)
      }
    },
  }

  /**
   * Asks PayPal whether the webhook is one it sent to MyShop's webhook, unchanged. The SDK has no controller for
   * this endpoint, so it is a plain fetch to the same origin with the SDK's own access token. The event is put in
   * as the raw bytes received: PayPal checks its signature over them, and parsing and re-serializing could change
   * them (number formats, escapes).
   */
  async function verifySignature(fields: Record<string, string>, rawBody: string): Promise<string> {
    try {
      const { accessToken } = await token(client.clientCredentialsAuthManager)
      const body = `${JSON.stringify({ ...fields, webhook_id: webhookId }).slice(0, -1)},"webhook_event":${rawBody}}`
      const response = await fetch(`${origin}/v1/notifications/verify-webhook-signature`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      })
      if (!response.ok) return `HTTP ${response.status}`
      const answer = (await response.json()) as { verification_status?: unknown }
      return typeof answer.verification_status === 'string'
        ? answer.verification_status
        : 'no verification_status'
    } catch (error) {
      if (error instanceof ApiError) return `token HTTP ${error.statusCode}`
      if (axios.isAxiosError(error) || (error instanceof Error && error.name === 'TimeoutError'))
        return 'PayPal did not answer in time'
      throw error
    }
  }

  /**
   * Every report line from `since` until now, authorizations included (they do not move a balance). PayPal's
   * transaction search allows 31 days per query and 500 lines per page, so it is asked window by window and page by
   * page. Its limits are MyShop's: lines appear up to three hours after the fact, only the last three years are
   * kept, and an order the shopper never approved made no transaction and so does not appear at all.
   */
  async function transactionsSince(since: Date): Promise<TransactionView[]> {
    const windowMs = 31 * 86_400_000
    const end = Date.now()
    const lines: TransactionView[] = []
    for (let start = since.getTime(); start < end; start += windowMs) {
      for (let page = 1, pages = 1; page <= pages; page++) {
        const { result } = await reports.searchTransactions({
          startDate: isoSeconds(start),
          endDate: isoSeconds(Math.min(start + windowMs - 1000, end)),
          balanceAffectingRecordsOnly: 'N',
          fields: 'transaction_info',
          pageSize: 500,
          page,
        })
        pages = Number(result.totalPages ?? 1)
        for (const detail of result.transactionDetails ?? [])
          if (detail.transactionInfo) lines.push(detail.transactionInfo)
      }
    }
    return lines
  }
}

/**
 * The SDK reads the error body only for the errors it has a typed class for; a 429 or a 500 keeps it as text.
 */
const jsonOf = (body: unknown): unknown => {
  if (typeof body !== 'string') return undefined
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

/** RFC 3339 with whole seconds, as the transaction search wants it. */
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
