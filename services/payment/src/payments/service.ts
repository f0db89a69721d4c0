import { createHash } from 'node:crypto'
import type { Tx } from '@myshop/db'
import { AppError } from '@myshop/errors'
import {
  type EnvelopeMeta,
  outbox,
  paymentAuthorized,
  paymentCaptured,
  paymentDisputed,
  paymentFailed,
  paymentRefunded,
  paymentVoided,
} from '@myshop/events'
import { newId } from '@myshop/ids'
import { authorizationEntry } from '../audit/model.ts'
import { auditPayment } from '../audit/service.ts'
import { type PaymentDeps, schema, source } from '../deps.ts'
import {
  cardProviders,
  isProviderName,
  type NextAction,
  type PaymentProvider,
  type ProviderEvent,
  type ProviderName,
  type ProviderOutcome,
} from './provider.ts'
import type { PaymentRecord, RefundRecord, TransactionKind, TransactionRecord } from './repository.ts'
import * as payments from './repository.ts'

export interface EventContext {
  requestId?: string
  traceparent?: string
}

export interface AuthorizeInput {
  reference: string
  amount: number
  currency: string
  provider: ProviderName
  /** The card's token; PayPal's shopper signs in at PayPal instead, and sends none. */
  token?: string | undefined
}

/** A payment as its holder sees it, with every call made to its provider. */
export interface Payment {
  id: string
  reference: string
  amount: number
  currency: string
  status: PaymentRecord['status']
  provider: string
  providerReference: string | null
  nextAction: NextAction | null
  failureReason: string | null
  capturedAmount: number
  refundedAmount: number
  /** The latest dispute the shopper's bank opened over the payment, if any. */
  dispute: payments.DisputeRecord | null
  refunds: { id: string; amount: number; status: RefundRecord['status']; createdAt: string }[]
  transactions: (Omit<TransactionRecord, 'createdAt'> & { createdAt: string })[]
  createdAt: string
  updatedAt: string
}

/** How long a request may hold a payment while it calls the provider before another may take over. */
const busyMs = 30_000

const notFound = () => new AppError('not_found', { detail: 'No such payment' })
const inFlight = () =>
  new AppError('idempotency_in_flight', {
    detail: 'A request for this payment is still calling the provider; retry shortly',
  })
const timedOut = () =>
  new AppError('gateway_timeout', {
    detail: 'The payment provider did not answer in time; retry with the same Idempotency-Key',
  })

const meta = (deps: PaymentDeps, ctx: EventContext): EnvelopeMeta => ({
  source,
  occurredAt: new Date(deps.now()),
  ...ctx,
})

const view = async (sql: Tx | PaymentDeps['sql'], record: PaymentRecord): Promise<Payment> => ({
  id: record.id,
  reference: record.reference,
  amount: record.amount,
  currency: record.currency,
  status: record.status,
  provider: record.provider,
  providerReference: record.providerReference,
  nextAction: record.status === 'requires_action' ? record.nextAction : null,
  failureReason: record.failureReason,
  capturedAmount: record.capturedAmount,
  refundedAmount: record.refundedAmount,
  dispute: await payments.latestDispute(sql, record.id),
  refunds: (await payments.refunds(sql, record.id)).map((r) => ({
    id: r.id,
    amount: r.amount,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
  })),
  transactions: (await payments.transactions(sql, record.id)).map((t) => ({
    ...t,
    createdAt: t.createdAt.toISOString(),
  })),
  createdAt: record.createdAt.toISOString(),
  updatedAt: record.updatedAt.toISOString(),
})

const facts = (record: PaymentRecord, at: Date) => ({
  paymentId: record.id,
  reference: record.reference,
  provider: record.provider,
  providerReference: record.providerReference,
  currency: record.currency,
  occurredAt: at.toISOString(),
})

/** Appends the provider call to the ledger. */
const record = (
  tx: Tx,
  payment: PaymentRecord,
  kind: TransactionKind,
  amount: number,
  idempotencyKey: string,
  result: ProviderOutcome,
  at: Date,
) =>
  payments.insertTransaction(tx, payment.id, {
    id: newId('txn', at.getTime()),
    kind,
    amount,
    currency: payment.currency,
    providerReference: result.outcome === 'timeout' ? null : result.reference,
    idempotencyKey,
    outcome: result.outcome,
    detail:
      result.outcome === 'declined'
        ? result.detail
          ? `${result.reason}: ${result.detail}`
          : result.reason
        : result.outcome === 'timeout'
          ? (result.detail ?? null)
          : null,
    at,
  })

const declinedError = (reason: string) =>
  new AppError('payment_declined', { detail: `The payment was declined: ${reason}` })

/**
 * The provider a new payment is made with: one this shop offers (PAYMENT_PROVIDERS) and has credentials for, else
 * 422 provider_unavailable.
 */
export const offeredProvider = (deps: PaymentDeps, name: string): PaymentProvider => {
  const provider = isProviderName(name) && deps.offered.includes(name) ? deps.providers[name] : undefined
  if (!provider)
    throw new AppError('provider_unavailable', {
      detail: `This shop does not take payments through ${name}; it offers ${deps.offered.join(', ')}`,
      errors: [{ path: '/provider', message: `must be one of ${deps.offered.join(', ')}` }],
    })
  return provider
}

/**
 * The provider an existing payment was made with. One no longer offered still settles the payments made with it;
 * one whose credentials were taken away cannot (503) until they are back.
 */
const providerOf = (deps: PaymentDeps, payment: PaymentRecord): PaymentProvider => {
  const provider = deps.providers[payment.provider as ProviderName]
  if (!provider)
    throw new AppError('unavailable', {
      detail: `The ${payment.provider} provider is not configured, so this payment cannot be changed now`,
    })
  return provider
}

/** Where a provider sends the shopper back after a check (the return route of this service, through the gateway). */
const returnUrl = (deps: PaymentDeps, paymentId: string) =>
  `${deps.publicUrl}/api/v1/payments/${paymentId}/return`

/** Answers a payment's outcome as the authorize route reports it: a failed one is a 402 every time it is asked. */
const authorizeAnswer = (payment: Payment) => {
  if (payment.status === 'failed') throw declinedError(payment.failureReason ?? 'declined')
  if (payment.status === 'pending') throw timedOut()
  return payment
}

/**
 * Authorizes `amount` with the provider for `reference`. The same idempotency key answers the payment the first
 * request made (`replayed`); with another request, 422; while the first is still calling the provider, 409. A
 * provider that timed out leaves the payment pending: the retry with the same key asks the provider again under the
 * same provider key, so it finds the charge already made instead of charging twice.
 */
export const authorize = async (
  deps: PaymentDeps,
  input: AuthorizeInput,
  key: string,
  actor: string,
  ctx: EventContext = {},
): Promise<{ payment: Payment; replayed: boolean }> => {
  const provider = offeredProvider(deps, input.provider)
  if (cardProviders.includes(input.provider) && !input.token)
    throw new AppError('validation_failed', {
      detail: `A payment through ${input.provider} needs the card's token`,
      errors: [{ path: '/token', message: `is required with provider ${input.provider}` }],
    })
  // The caller is part of it: a key another caller happened to use is refused, not answered with their payment.
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ actor, ...input }))
    .digest('hex')
  const claimed = await deps.sql.begin(async (tx) => {
    const at = new Date(deps.now())
    const id = newId('pay', at.getTime())
    const busyUntil = new Date(at.getTime() + busyMs)
    if (
      await payments.claim(tx, {
        id,
        key,
        fingerprint,
        reference: input.reference,
        amount: input.amount,
        currency: input.currency,
        provider: input.provider,
        actor,
        busyUntil,
        at,
      })
    ) {
      const { reference, amount, currency, provider } = input
      await auditPayment(
        deps,
        tx,
        id,
        { type: 'payment.created', data: { reference, amount, currency, provider } },
        actor,
      )
      return { payment: (await payments.find(tx, id))!, call: true }
    }
    // Locked, and so read after any request settling it commits: one that just settled it is answered, not repeated.
    const existing = (await payments.find(tx, (await payments.findByKey(tx, key))!.id, true))!
    if (existing.fingerprint !== fingerprint)
      throw new AppError('idempotency_mismatch', {
        detail: 'This Idempotency-Key was used for another payment request',
      })
    if (existing.status !== 'pending') return { payment: existing, call: false }
    if (!(await payments.takeBusy(tx, existing.id, busyUntil, at))) throw inFlight()
    return { payment: existing, call: true }
  })
  if (!claimed.call)
    return { payment: authorizeAnswer(await view(deps.sql, claimed.payment)), replayed: true }

  const providerKey = `${claimed.payment.id}:authorize`
  const result = await provider.authorize({
    paymentId: claimed.payment.id,
    description: input.reference,
    amount: input.amount,
    currency: input.currency,
    token: input.token ?? null,
    returnUrl: returnUrl(deps, claimed.payment.id),
    cancelUrl: `${returnUrl(deps, claimed.payment.id)}?cancelled=true`,
    idempotencyKey: providerKey,
  })
  let wrote = false
  const payment = await deps.sql.begin(async (tx) => {
    const at = new Date(deps.now())
    const current = (await payments.find(tx, claimed.payment.id, true))!
    wrote = await settleAuthorization(deps, tx, current, result, {
      key: providerKey,
      first: true,
      actor,
      ctx,
      at,
    })
    return view(tx, (await payments.find(tx, current.id))!)
  })
  if (wrote) deps.eventsWritten()
  return { payment: authorizeAnswer(payment), replayed: false }
}

export const getPayment = async (deps: PaymentDeps, id: string): Promise<Payment> => {
  const found = await payments.find(deps.sql, id)
  if (!found) throw notFound()
  return view(deps.sql, found)
}

const refused = (payment: PaymentRecord, action: string) =>
  new AppError('conflict', { detail: `The payment is ${payment.status} and cannot be ${action}` })

/**
 * Calls the provider for a change to the payment, once at a time: `check` decides in a first transaction whether
 * the call is needed (false: the payment is already as asked), the call is made outside any transaction, and
 * `settle` writes its outcome in a second.
 */
const change = async (
  deps: PaymentDeps,
  id: string,
  check: (payment: PaymentRecord) => boolean,
  call: (payment: PaymentRecord) => Promise<ProviderOutcome>,
  settle: (tx: Tx, payment: PaymentRecord, result: ProviderOutcome, at: Date) => Promise<boolean>,
): Promise<Payment> => {
  const taken = await deps.sql.begin(async (tx) => {
    const at = new Date(deps.now())
    const payment = await payments.find(tx, id, true)
    if (!payment) throw notFound()
    if (!check(payment)) return null
    if (!(await payments.takeBusy(tx, id, new Date(at.getTime() + busyMs), at))) throw inFlight()
    return payment
  })
  if (!taken) return getPayment(deps, id)
  const result = await call(taken)
  let wrote = false
  const payment = await deps.sql.begin(async (tx) => {
    const at = new Date(deps.now())
    const current = (await payments.find(tx, id, true))!
    wrote = await settle(tx, current, result, at)
    return view(tx, (await payments.find(tx, id))!)
  })
  if (wrote) deps.eventsWritten()
  if (result.outcome === 'timeout') throw timedOut()
  if (result.outcome === 'declined') throw declinedError(result.reason)
  return payment
}

/** Takes the authorized amount. Capturing a captured payment again changes nothing. */
export const capture = (deps: PaymentDeps, id: string, actor: string, ctx: EventContext = {}) =>
  change(
    deps,
    id,
    (payment) => {
      if (['captured', 'partially_refunded', 'refunded'].includes(payment.status)) return false
      if (payment.status !== 'authorized') throw refused(payment, 'captured')
      return true
    },
    (payment) =>
      providerOf(deps, payment).capture({
        reference: payment.providerReference!,
        amount: payment.amount,
        currency: payment.currency,
        idempotencyKey: `${payment.id}:capture`,
      }),
    async (tx, payment, result, at) => {
      await record(tx, payment, 'capture', payment.amount, `${payment.id}:capture`, result, at)
      if (result.outcome !== 'succeeded') {
        await payments.update(tx, payment.id, {}, at)
        return false
      }
      await payments.update(tx, payment.id, { status: 'captured', capturedAmount: payment.amount }, at)
      const updated = (await payments.find(tx, payment.id))!
      await outbox.add(
        tx,
        schema,
        paymentCaptured.create({ ...facts(updated, at), amount: payment.amount }, meta(deps, ctx)),
      )
      await auditPayment(
        deps,
        tx,
        payment.id,
        { type: 'payment.captured', data: { amount: payment.amount } },
        actor,
      )
      return true
    },
  )

/**
 * Releases the hold before capture, or gives up a check the customer never finished (then their approval, if it
 * comes later, finds nothing to approve). Voiding a voided payment again changes nothing.
 */
export const voidPayment = (deps: PaymentDeps, id: string, actor: string, ctx: EventContext = {}) =>
  change(
    deps,
    id,
    (payment) => {
      if (payment.status === 'voided') return false
      if (payment.status !== 'authorized' && payment.status !== 'requires_action')
        throw refused(payment, 'voided')
      return true
    },
    (payment) =>
      providerOf(deps, payment).void({
        reference: payment.providerReference!,
        idempotencyKey: `${payment.id}:void`,
      }),
    async (tx, payment, result, at) => {
      await record(tx, payment, 'void', 0, `${payment.id}:void`, result, at)
      if (result.outcome !== 'succeeded') {
        await payments.update(tx, payment.id, {}, at)
        return false
      }
      await payments.update(tx, payment.id, { status: 'voided', nextAction: null }, at)
      const updated = (await payments.find(tx, payment.id))!
      await outbox.add(
        tx,
        schema,
        paymentVoided.create({ ...facts(updated, at), amount: payment.amount }, meta(deps, ctx)),
      )
      await auditPayment(deps, tx, payment.id, { type: 'payment.voided', data: {} }, actor)
      return true
    },
  )

/**
 * Gives back `amount` (all that is left when absent) of a captured payment. The amount is set aside on the
 * payment before the provider is called, so refunds running at once can never together pass what was captured;
 * one the provider refuses gives it back. The same idempotency key answers the refund it made the first time.
 */
export const refund = async (
  deps: PaymentDeps,
  id: string,
  amount: number | undefined,
  key: string,
  actor: string,
  ctx: EventContext = {},
): Promise<{ payment: Payment; replayed: boolean }> => {
  const taken = await deps.sql.begin(async (tx) => {
    const at = new Date(deps.now())
    const busyUntil = new Date(at.getTime() + busyMs)
    const payment = await payments.find(tx, id, true)
    if (!payment) throw notFound()
    const existing = await payments.findRefund(tx, id, key)
    if (existing) {
      if (amount !== undefined && existing.amount !== amount)
        throw new AppError('idempotency_mismatch', {
          detail: 'This Idempotency-Key was used for another refund of this payment',
        })
      if (existing.status !== 'pending') return { payment, refund: existing, call: false }
      if (!(await payments.takeRefund(tx, existing.id, busyUntil, at))) throw inFlight()
      return { payment, refund: existing, call: true }
    }
    if (payment.status !== 'captured' && payment.status !== 'partially_refunded')
      throw refused(payment, 'refunded')
    const left = payment.capturedAmount - payment.refundedAmount
    const wanted = amount ?? left
    if (wanted <= 0 || wanted > left)
      throw new AppError('conflict', {
        detail: `Only ${left} ${payment.currency} minor units of the payment are left to refund`,
      })
    const refundId = newId('rfd', at.getTime())
    await payments.insertRefund(tx, {
      id: refundId,
      paymentId: id,
      key,
      amount: wanted,
      actor,
      busyUntil,
      at,
    })
    await payments.update(tx, id, { refundedAmount: payment.refundedAmount + wanted }, at)
    await auditPayment(
      deps,
      tx,
      id,
      { type: 'payment.refund_requested', data: { refundId, amount: wanted } },
      actor,
    )
    return { payment, refund: (await payments.findRefund(tx, id, key))!, call: true }
  })
  if (!taken.call) {
    if (taken.refund.status === 'failed') throw declinedError('the provider refused the refund')
    return { payment: await getPayment(deps, id), replayed: true }
  }

  const providerKey = `${id}:refund:${taken.refund.id}`
  const refunded = { refundId: taken.refund.id, amount: taken.refund.amount }
  const capture = (await payments.transactions(deps.sql, id)).find(
    (t) => t.kind === 'capture' && t.outcome === 'succeeded',
  )
  const result = await providerOf(deps, taken.payment).refund({
    reference: taken.payment.providerReference!,
    captureReference: capture?.providerReference ?? null,
    amount: taken.refund.amount,
    currency: taken.payment.currency,
    idempotencyKey: providerKey,
  })
  const payment = await deps.sql.begin(async (tx) => {
    const at = new Date(deps.now())
    const current = (await payments.find(tx, id, true))!
    await record(tx, current, 'refund', taken.refund.amount, providerKey, result, at)
    if (result.outcome === 'timeout')
      await payments.settleRefund(tx, taken.refund.id, { status: 'pending', providerReference: null }, at)
    else if (result.outcome !== 'succeeded') {
      await payments.settleRefund(tx, taken.refund.id, { status: 'failed', providerReference: null }, at)
      await payments.update(tx, id, { refundedAmount: current.refundedAmount - taken.refund.amount }, at)
      await auditPayment(deps, tx, id, { type: 'payment.refund_failed', data: refunded }, actor)
    } else {
      await payments.settleRefund(
        tx,
        taken.refund.id,
        { status: 'succeeded', providerReference: result.reference },
        at,
      )
      // Settled refunds alone decide the status: one still under way is not counted as given back yet.
      const settled = (await payments.refunds(tx, id))
        .filter((r) => r.status === 'succeeded')
        .reduce((sum, r) => sum + r.amount, 0)
      await payments.update(
        tx,
        id,
        { status: settled === current.capturedAmount ? 'refunded' : 'partially_refunded' },
        at,
      )
      const updated = (await payments.find(tx, id))!
      await outbox.add(
        tx,
        schema,
        paymentRefunded.create(
          {
            ...facts(updated, at),
            refundId: taken.refund.id,
            amount: taken.refund.amount,
            refundedAmount: settled,
            capturedAmount: updated.capturedAmount,
          },
          meta(deps, ctx),
        ),
      )
      await auditPayment(deps, tx, id, { type: 'payment.refund_succeeded', data: refunded }, actor)
    }
    return view(tx, (await payments.find(tx, id))!)
  })
  if (result.outcome === 'succeeded') deps.eventsWritten()
  if (result.outcome === 'timeout') throw timedOut()
  if (result.outcome === 'declined') throw declinedError(result.reason)
  return { payment, replayed: false }
}

/**
 * Writes an authorization's outcome, in the caller's transaction with the payment locked: authorized or failed
 * (with its event and audit entry), awaiting the shopper, or unchanged after a timeout. `first` is the authorize
 * call itself, which records every attempt and takes the provider's reference; a later resolve of a payment
 * awaiting the shopper records only a decision and keeps the reference it has. Answers whether it wrote events.
 */
const settleAuthorization = async (
  deps: PaymentDeps,
  tx: Tx,
  payment: PaymentRecord,
  result: ProviderOutcome,
  { key, first, actor, ctx, at }: { key: string; first: boolean; actor: string; ctx: EventContext; at: Date },
): Promise<boolean> => {
  const decided = result.outcome === 'succeeded' || result.outcome === 'declined'
  if (first || decided) await record(tx, payment, 'authorize', payment.amount, key, result, at)
  if (result.outcome === 'timeout' || (result.outcome === 'requires_action' && !first)) {
    await payments.update(tx, payment.id, {}, at)
    return false
  }
  const reference = first ? { providerReference: result.reference } : {}
  if (result.outcome === 'requires_action')
    await payments.update(
      tx,
      payment.id,
      { status: 'requires_action', ...reference, nextAction: result.nextAction },
      at,
    )
  else if (result.outcome === 'succeeded')
    await payments.update(tx, payment.id, { status: 'authorized', ...reference, nextAction: null }, at)
  else
    await payments.update(
      tx,
      payment.id,
      { status: 'failed', ...reference, failureReason: result.reason, nextAction: null },
      at,
    )
  const updated = (await payments.find(tx, payment.id))!
  if (result.outcome === 'succeeded')
    await outbox.add(
      tx,
      schema,
      paymentAuthorized.create({ ...facts(updated, at), amount: updated.amount }, meta(deps, ctx)),
    )
  if (result.outcome === 'declined')
    await outbox.add(
      tx,
      schema,
      paymentFailed.create(
        { ...facts(updated, at), amount: updated.amount, reason: result.reason },
        meta(deps, ctx),
      ),
    )
  await auditPayment(deps, tx, payment.id, authorizationEntry(result)!, actor)
  return decided
}

/**
 * Asks the provider where a payment awaiting the shopper stands, and writes it: approved, it is authorized (PayPal
 * authorizes the approved order in this call); failed, cancelled or expired, it fails; still waiting, it stays. A
 * payment not awaiting the shopper is answered as it is. Called when the shopper comes back, when a webhook says
 * something happened, and by the checkout while it waits.
 */
export const resolvePayment = async (
  deps: PaymentDeps,
  id: string,
  actor: string,
  ctx: EventContext = {},
): Promise<Payment> => {
  const taken = await deps.sql.begin(async (tx) => {
    const at = new Date(deps.now())
    const payment = await payments.find(tx, id, true)
    if (!payment) throw notFound()
    if (payment.status !== 'requires_action' || !payment.providerReference) return null
    if (!(await payments.takeBusy(tx, id, new Date(at.getTime() + busyMs), at))) throw inFlight()
    return payment
  })
  if (!taken) return getPayment(deps, id)
  let result: ProviderOutcome
  try {
    result = await providerOf(deps, taken).resolve({
      reference: taken.providerReference!,
      idempotencyKey: `${id}:resolve`,
    })
  } catch (error) {
    await deps.sql.begin((tx) => payments.update(tx, id, {}, new Date(deps.now())))
    throw error
  }
  let wrote = false
  const payment = await deps.sql.begin(async (tx) => {
    const at = new Date(deps.now())
    const current = (await payments.find(tx, id, true))!
    wrote =
      current.status === 'requires_action'
        ? await settleAuthorization(deps, tx, current, result, {
            key: `${id}:resolve`,
            first: false,
            actor,
            ctx,
            at,
          })
        : false
    if (current.status !== 'requires_action') await payments.update(tx, id, {}, at)
    return view(tx, (await payments.find(tx, id))!)
  })
  if (wrote) deps.eventsWritten()
  if (result.outcome === 'timeout') throw timedOut()
  return payment
}

/** Who a provider's webhook is recorded as in the audit trail. */
export const providerActor = (provider: ProviderName) => `provider:${provider}`

/**
 * Records a dispute the provider reported over a payment, in the caller's transaction. A new one is announced
 * (payment.disputed, which the order service marks the order with and operators are told of) and audited; a known
 * one only has its status brought up to date. Answers whether it was new.
 */
export const recordDispute = async (
  deps: PaymentDeps,
  tx: Tx,
  paymentId: string,
  provider: ProviderName,
  dispute: NonNullable<ProviderEvent['dispute']>,
  ctx: EventContext = {},
): Promise<boolean> => {
  const at = new Date(deps.now())
  const payment = (await payments.find(tx, paymentId, true))!
  const created = await payments.upsertDispute(tx, {
    id: newId('dsp', at.getTime()),
    paymentId,
    provider,
    providerDisputeId: dispute.id,
    amount: dispute.amount,
    currency: dispute.currency,
    reason: dispute.reason,
    status: dispute.status,
    at,
  })
  if (!created) return false
  await outbox.add(
    tx,
    schema,
    paymentDisputed.create(
      {
        ...facts(payment, at),
        disputeId: dispute.id,
        amount: dispute.amount,
        reason: dispute.reason,
        status: dispute.status,
      },
      meta(deps, ctx),
    ),
  )
  await auditPayment(
    deps,
    tx,
    paymentId,
    {
      type: 'payment.disputed',
      data: { disputeId: dispute.id, amount: dispute.amount, reason: dispute.reason },
    },
    providerActor(provider),
  )
  deps.logger.warn(
    { paymentId, reference: payment.reference, provider, disputeId: dispute.id, amount: dispute.amount },
    'payment disputed',
  )
  return true
}

/** The payment a provider's ids name (its own reference, or a capture, refund or authorization in its ledger). */
export const paymentIdForProviderIds = (
  sql: Tx | PaymentDeps['sql'],
  provider: ProviderName,
  ids: string[],
) => payments.findIdByProviderIds(sql, provider, ids)

/** The providers checkout offers, in the shop's order, with what a browser needs to use each. */
export const offeredProviders = (deps: PaymentDeps) => ({
  providers: deps.offered.map((name) => ({ name, ...deps.publicKeys[name] })),
})

/**
 * The shopper came back from the provider: it is asked where the payment stands (a provider not answering leaves
 * that to the webhook or the checkout's next look). Answers where to send the shopper (the storefront's
 * PAYMENT_RETURN_URL when set) or what to tell them.
 */
export const shopperReturned = async (
  deps: PaymentDeps,
  id: string,
  cancelled: boolean,
  ctx: EventContext = {},
): Promise<{ redirectTo: string | null; title: string; line: string }> => {
  let payment = await getPayment(deps, id)
  payment = await resolvePayment(deps, id, 'shopper', ctx).catch(() => payment)
  if (deps.returnUrl) {
    const to = new URL(deps.returnUrl)
    to.searchParams.set('payment', payment.id)
    to.searchParams.set('reference', payment.reference)
    to.searchParams.set('status', payment.status)
    return { redirectTo: to.toString(), title: '', line: '' }
  }
  if (payment.status === 'authorized' || payment.status === 'captured')
    return { redirectTo: null, title: 'Payment approved', line: 'Thank you. You can close this page.' }
  if (payment.status === 'requires_action')
    return {
      redirectTo: null,
      title: cancelled ? 'Payment not finished' : 'Payment being confirmed',
      line: cancelled
        ? 'You left the payment page before approving; the order is released if the payment is not approved.'
        : 'The provider has not confirmed the payment yet. You can close this page.',
    }
  return { redirectTo: null, title: 'Payment not completed', line: `The payment is ${payment.status}.` }
}

/** The payments made through a provider since a time, as reconciliation compares them. */
export const ledgerSince = (deps: PaymentDeps, provider: ProviderName, since: Date) =>
  payments.ledgerSince(deps.sql, provider, since)

/** The payments of a provider with these references, whenever they were made. */
export const ledgerByReferences = (deps: PaymentDeps, provider: ProviderName, references: string[]) =>
  payments.ledgerByReferences(deps.sql, provider, references)

/** The provider a payment was made with, for asking it about the payment (503 when it is not configured). */
export const providerOfPayment = async (deps: PaymentDeps, id: string) => {
  const found = await payments.find(deps.sql, id)
  if (!found) throw notFound()
  return providerOf(deps, found)
}
