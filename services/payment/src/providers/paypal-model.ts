/**
 * PayPal's side of MyShop's payment words, as pure functions: amounts in PayPal's decimal strings, PayPal's error
 * issues as decline reasons, its webhooks as provider events, and its orders and transaction reports as provider
 * records.
 */
import { formatDecimalPrice, minorDigits, parseDecimalPrice } from '@myshop/money'
import type { DeclineReason, ProviderEvent, ProviderRecord } from './types.ts'

/**
 * Currencies PayPal takes no decimals for. ISO 4217 gives JPY none as well, but HUF and TWD two: PayPal refuses
 * "10.50" HUF, so an amount in fillér or cents that is not a whole forint or dollar cannot be sent.
 */
const wholeUnitsAtPayPal = new Set(['JPY', 'HUF', 'TWD'])

/** Minor units as the decimal string PayPal takes (1299 EUR → "12.99", 1500 HUF → "15"), or null when it takes none. */
export const toPayPalValue = (amount: number, currency: string): string | null => {
  if (!Number.isSafeInteger(amount) || amount < 0) return null
  if (!wholeUnitsAtPayPal.has(currency)) return formatDecimalPrice(amount, currency)
  const scale = 10 ** minorDigits(currency)
  return amount % scale === 0 ? String(amount / scale) : null
}

/**
 * PayPal's decimal string back in ISO minor units ("15" HUF → 1500, "-5.00" EUR → 500: reports sign refunds,
 * MyShop counts them as positive amounts). Trailing zeros beyond the currency's digits are dropped.
 */
export const fromPayPalValue = (value: string, currency: string): number => {
  const unsigned = value.trim().replace(/^-/, '')
  const trimmed = unsigned.includes('.') ? unsigned.replace(/0+$/, '').replace(/\.$/, '') : unsigned
  const amount = parseDecimalPrice(trimmed, currency)
  if (amount === null) throw new Error(`PayPal sent "${value}" as an amount in ${currency}`)
  return amount
}

/** What PayPal answered instead of a result: its error's status, name, first issue and debug id. */
export interface PayPalFailure {
  status: number
  name: string
  issue: string | null
  debugId: string | null
}

/** Reads PayPal's error body (`{ name, message, debug_id, details: [{ issue }] }`, or OAuth's `{ error }`). */
export const failureOf = (status: number, body: unknown): PayPalFailure => {
  const b = (typeof body === 'object' && body !== null ? body : {}) as {
    name?: unknown
    error?: unknown
    debug_id?: unknown
    details?: { issue?: unknown }[]
  }
  const name = typeof b.name === 'string' ? b.name : typeof b.error === 'string' ? b.error : `HTTP_${status}`
  const issue =
    Array.isArray(b.details) && typeof b.details[0]?.issue === 'string' ? b.details[0].issue : null
  return { status, name, issue, debugId: typeof b.debug_id === 'string' ? b.debug_id : null }
}

const reasonsByIssue: Record<string, DeclineReason> = {}
const issuesFor = (reason: DeclineReason, issues: string) => {
  for (const issue of issues.split(/\s+/)) if (issue) reasonsByIssue[issue] = reason
}
// The buyer's funding or account refused the payment.
issuesFor(
  'card_declined',
  `INSTRUMENT_DECLINED TRANSACTION_REFUSED PAYER_CANNOT_PAY PAYER_ACCOUNT_RESTRICTED PAYER_ACCOUNT_LOCKED_OR_CLOSED
  TRANSACTION_LIMIT_EXCEEDED MAX_NUMBER_OF_PAYMENT_ATTEMPTS_EXCEEDED PAYMENT_SOURCE_DECLINED_BY_PROCESSOR
  PAYMENT_SOURCE_CANNOT_BE_USED REDIRECT_PAYER_FOR_ALTERNATE_FUNDING COMPLIANCE_VIOLATION PAYMENT_DENIED`,
)
issuesFor('expired_card', 'CARD_EXPIRED REFERENCED_CARD_EXPIRED')
issuesFor('authentication_failed', 'PAYER_ACTION_REQUIRED')
// The order or payment is past the point where this call makes sense.
issuesFor(
  'unexpected_state',
  `ORDER_NOT_APPROVED ORDER_ALREADY_AUTHORIZED ORDER_ALREADY_CAPTURED ORDER_EXPIRED ORDER_COMPLETED_OR_VOIDED
  AUTHORIZATION_VOIDED AUTHORIZATION_EXPIRED AUTHORIZATION_ALREADY_CAPTURED PREVIOUSLY_VOIDED CANNOT_BE_VOIDED
  CAPTURE_FULLY_REFUNDED PREVIOUSLY_CAPTURED`,
)
issuesFor('not_found', 'INVALID_RESOURCE_ID')
// MyShop's own PayPal account cannot do this: its setup, not the buyer.
issuesFor(
  'processing_error',
  `PAYEE_ACCOUNT_RESTRICTED PAYEE_ACCOUNT_LOCKED_OR_CLOSED PAYEE_BLOCKED_TRANSACTION TRANSACTION_BLOCKED_BY_PAYEE
  AUTH_CAPTURE_NOT_ENABLED PERMISSION_DENIED NOT_AUTHORIZED`,
)

/**
 * Why PayPal refused, in MyShop's words. An issue in none of the lists is `invalid_request` (PayPal refused what was
 * asked: an amount, a currency, a field); our own credentials or permissions failing is `processing_error`.
 */
export const declineReasonOf = (failure: PayPalFailure): DeclineReason => {
  const known = failure.issue ? reasonsByIssue[failure.issue] : undefined
  if (known) return known
  if (failure.status === 404) return 'not_found'
  if (failure.status === 401 || failure.status === 403) return 'processing_error'
  return 'invalid_request'
}

/** The failure in words an operator can search PayPal's documentation and support with. */
export const failureDetail = (failure: PayPalFailure) =>
  `${failure.issue ?? failure.name}${failure.debugId ? ` (PayPal debug id ${failure.debugId})` : ''}`

/** PayPal's server failing or still asking to slow down: the call may have been made, so the caller asks again. */
export const isRetryable = (failure: PayPalFailure) => failure.status >= 500 || failure.status === 429

/** PayPal's money as it appears in orders, payments and reports (the SDK's camel-cased shape). */
export interface Money {
  currencyCode: string
  value: string
}

interface Payment {
  id?: string
  status?: string
  amount?: Money
}

/** The parts of an Orders v2 order a record is made of. */
export interface OrderView {
  id?: string
  status?: string
  createTime?: string
  purchaseUnits?: {
    amount?: Money
    customId?: string
    invoiceId?: string
    payments?: { authorizations?: Payment[]; captures?: Payment[]; refunds?: Payment[] }
  }[]
}

const amountOf = (payment: Payment, currency: string) =>
  payment.amount ? fromPayPalValue(payment.amount.value, payment.amount.currencyCode || currency) : 0

/** A capture or refund of a record. */
type Entry = ProviderRecord['captures'][number]
type EntryStatus = Entry['status']

/** What counts of a record's captures or refunds, in minor units. */
const total = (entries: Entry[], counted: EntryStatus[]) =>
  entries.filter((e) => counted.includes(e.status)).reduce((sum, e) => sum + e.amount, 0)

const captureStatus = (status: string | undefined): EntryStatus =>
  status === 'PENDING' ? 'pending' : status === 'DECLINED' || status === 'FAILED' ? 'failed' : 'succeeded'

const refundStatus = (status: string | undefined): EntryStatus =>
  status === 'PENDING' ? 'pending' : status === 'COMPLETED' ? 'succeeded' : 'failed'

/** Where an order stands in MyShop's words: waiting for the buyer, authorized, captured, voided or failed. */
const recordStatus = (order: OrderView, captured: number): ProviderRecord['status'] => {
  if (captured > 0) return 'captured'
  if (order.status === 'VOIDED') return 'voided'
  if (order.status !== 'COMPLETED') return 'requires_action'
  const authorization = order.purchaseUnits?.[0]?.payments?.authorizations?.[0]
  if (authorization?.status === 'VOIDED') return 'voided'
  if (authorization?.status === 'DENIED' || authorization?.status === 'EXPIRED') return 'failed'
  return 'authorized'
}

/** An order as MyShop's provider record: its authorization, captures and refunds. */
export const recordOfOrder = (order: OrderView): ProviderRecord => {
  const unit = order.purchaseUnits?.[0]
  const currency = unit?.amount?.currencyCode ?? ''
  const captures = (unit?.payments?.captures ?? []).map((c) => ({
    reference: c.id ?? '',
    amount: amountOf(c, currency),
    status: captureStatus(c.status),
  }))
  const refunds = (unit?.payments?.refunds ?? []).map((r) => ({
    reference: r.id ?? '',
    amount: amountOf(r, currency),
    status: refundStatus(r.status),
  }))
  const capturedAmount = total(captures, ['succeeded', 'pending'])
  return {
    reference: order.id ?? '',
    paymentId: unit?.customId ?? unit?.invoiceId ?? null,
    status: recordStatus(order, capturedAmount),
    amount: unit?.amount ? fromPayPalValue(unit.amount.value, currency) : 0,
    currency,
    capturedAmount,
    refundedAmount: total(refunds, ['succeeded']),
    captures,
    refunds,
    createdAt: order.createTime ?? '',
  }
}

/** A line of PayPal's transaction search (`transaction_info`), as the SDK reads it. */
export interface TransactionView {
  transactionId?: string
  paypalReferenceId?: string
  paypalReferenceIdType?: string
  transactionEventCode?: string
  transactionInitiationDate?: string
  transactionAmount?: Money
  transactionStatus?: string
  invoiceId?: string
  customField?: string
}

/** T-codes: T13xx authorizations, T11xx reversals and refunds; the rest of what MyShop makes are captures. */
const lineKind = (code: string | undefined) =>
  code?.startsWith('T13') ? 'authorization' : code?.startsWith('T11') ? 'refund' : 'capture'

const lineStatus = (status: string | undefined): EntryStatus =>
  status === 'P' ? 'pending' : status === 'D' || status === 'V' ? 'failed' : 'succeeded'

/** One payment's record from the report lines that carry its payment id. */
const recordOfLines = (paymentId: string, lines: TransactionView[]): ProviderRecord => {
  const authorization = lines.find((l) => lineKind(l.transactionEventCode) === 'authorization')
  const currency = lines[0]?.transactionAmount?.currencyCode ?? ''
  const asEntry = (l: TransactionView): Entry => ({
    reference: l.transactionId ?? '',
    amount: l.transactionAmount ? fromPayPalValue(l.transactionAmount.value, currency) : 0,
    status: lineStatus(l.transactionStatus),
  })
  const captures = lines.filter((l) => lineKind(l.transactionEventCode) === 'capture').map(asEntry)
  const refunds = lines.filter((l) => lineKind(l.transactionEventCode) === 'refund').map(asEntry)
  const capturedAmount = total(captures, ['succeeded', 'pending'])
  const status: ProviderRecord['status'] =
    capturedAmount > 0
      ? 'captured'
      : authorization?.transactionStatus === 'V'
        ? 'voided'
        : authorization?.transactionStatus === 'D'
          ? 'failed'
          : 'authorized'
  const dates = lines.map((l) => l.transactionInitiationDate ?? '').sort()
  return {
    reference:
      authorization?.paypalReferenceIdType === 'ODR'
        ? (authorization.paypalReferenceId ?? '')
        : (authorization?.transactionId ?? captures[0]?.reference ?? ''),
    paymentId,
    status,
    amount: authorization ? asEntry(authorization).amount : capturedAmount,
    currency,
    capturedAmount,
    refundedAmount: total(refunds, ['succeeded']),
    captures,
    refunds,
    createdAt: dates[0] ?? '',
  }
}

/**
 * Payments from PayPal's transaction report, one record per MyShop payment id (`custom_field`, else `invoice_id`).
 * Lines without either (a payment MyShop did not make) are left out. The reference is the order id when the
 * authorization line names it (`paypal_reference_id_type` ODR), else the authorization's own id.
 */
export const recordsOfTransactions = (lines: TransactionView[]): ProviderRecord[] => {
  const byPayment = new Map<string, TransactionView[]>()
  for (const line of lines) {
    const paymentId = line.customField || line.invoiceId
    if (!paymentId) continue
    byPayment.set(paymentId, [...(byPayment.get(paymentId) ?? []), line])
  }
  return [...byPayment].map(([paymentId, group]) => recordOfLines(paymentId, group))
}

type Resource = Record<string, unknown>

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null)

/** `supplementary_data.related_ids`, where PayPal names the order and authorization a payment belongs to. */
const relatedIds = (resource: Resource) =>
  ((resource.supplementary_data as Resource | undefined)?.related_ids ?? {}) as Resource

/** The id at the end of the resource's `rel: up` link (a refund's capture). */
const upId = (resource: Resource) => {
  const links = Array.isArray(resource.links) ? (resource.links as Resource[]) : []
  const href = text(links.find((l) => l.rel === 'up')?.href)
  return href ? (href.split('/').pop() ?? null) : null
}

const compact = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))]

const disputeOf = (resource: Resource): ProviderEvent['dispute'] => {
  const amount = resource.dispute_amount as { currency_code?: unknown; value?: unknown } | undefined
  const currency = text(amount?.currency_code) ?? ''
  return {
    id: text(resource.dispute_id) ?? '',
    amount: typeof amount?.value === 'string' && currency ? fromPayPalValue(amount.value, currency) : 0,
    currency,
    reason: text(resource.reason) ?? 'UNKNOWN',
    status: text(resource.status) ?? 'UNKNOWN',
  }
}

/** What a webhook is about and the ids that may name its payment, most specific first. */
const classify = (
  type: string,
  resource: Resource,
): Pick<ProviderEvent, 'kind' | 'references' | 'dispute'> => {
  const id = text(resource.id)
  const related = relatedIds(resource)
  if (type.startsWith('CHECKOUT.ORDER.')) return { kind: 'authorization', references: compact([id]) }
  if (type.startsWith('PAYMENT.AUTHORIZATION.'))
    return { kind: 'authorization', references: compact([text(related.order_id), id]) }
  if (type === 'PAYMENT.CAPTURE.REFUNDED' || type === 'PAYMENT.CAPTURE.REVERSED')
    return { kind: 'refund', references: compact([text(related.order_id), upId(resource), id]) }
  if (type.startsWith('PAYMENT.CAPTURE.'))
    return {
      kind: 'capture',
      references: compact([text(related.order_id), id, text(related.authorization_id)]),
    }
  if (type.startsWith('CUSTOMER.DISPUTE.')) {
    const disputed = Array.isArray(resource.disputed_transactions)
      ? (resource.disputed_transactions as Resource[])
      : []
    return {
      kind: 'dispute',
      references: compact(disputed.map((t) => text(t.seller_transaction_id))),
      dispute: disputeOf(resource),
    }
  }
  return { kind: 'other', references: compact([id]) }
}

/** A verified PayPal webhook event as MyShop reads it, or null when it is not an event at all. */
export const readWebhookEvent = (event: unknown): ProviderEvent | null => {
  if (typeof event !== 'object' || event === null) return null
  const e = event as Resource
  const id = text(e.id)
  const type = text(e.event_type)
  if (!id || !type) return null
  const resource = typeof e.resource === 'object' && e.resource !== null ? (e.resource as Resource) : {}
  const { dispute, ...rest } = classify(type, resource)
  return {
    id,
    type,
    ...rest,
    ...(dispute ? { dispute } : {}),
    occurredAt: text(e.create_time) ?? new Date(0).toISOString(),
  }
}
