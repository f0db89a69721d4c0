import type { Tx } from '@myshop/db'
import { AppError } from '@myshop/errors'
import { closeCart } from '../carts/service.ts'
import type { Shortage } from '../clients/inventory.ts'
import type { NextAction, Payment, ProviderName } from '../clients/payment.ts'
import type { CallResult } from '../clients/service-call.ts'
import type { OrderDeps } from '../deps.ts'
import { getOrder, recordRefund, setPayment, transition } from '../orders/service.ts'
import type { SagaFailure, SagaKind, SagaPayload, SagaRecord, StepDirection, StepRecord } from './model.ts'
import * as sagas from './repository.ts'

/** What a checkout saga carries from the request that started it. */
export interface CheckoutPayload extends SagaPayload {
  cartId: string
  currency: string
  total: number
  lines: { sku: string; quantity: number }[]
  payment: { provider: ProviderName; token?: string }
  /** How long the stock is held: longer than the customer may take to approve the payment. */
  reservationTtlSeconds: number
}

export interface RefundPayload extends SagaPayload {
  /** Minor units to give back; everything left when null. */
  amount: number | null
  restock: boolean
  reason: string | null
}

/** What a step's run came to. */
export type StepOutcome =
  /** Done: its result is recorded, and `local` (changes to the order) runs in the same transaction. */
  | { outcome: 'done'; result?: Record<string, unknown>; local?: (tx: Tx) => Promise<unknown> }
  /** The customer must act (3-D Secure): the saga waits, and asks again later. */
  | {
      outcome: 'await'
      result: Record<string, unknown>
      nextAction: NextAction
      local?: (tx: Tx) => Promise<unknown>
    }
  /** Not done, and worth trying again with the same idempotency key. */
  | { outcome: 'retry'; reason: string }
  /** A business answer that ends going forward: the saga compensates. */
  | { outcome: 'fail'; failure: SagaFailure }

export interface StepContext {
  deps: OrderDeps
  saga: SagaRecord
  steps: StepRecord[]
}

export interface StepDefinition {
  /** Changes to the order made with the "step started" record, before the call. */
  begin?(tx: Tx, ctx: StepContext): Promise<unknown>
  run(ctx: StepContext): Promise<StepOutcome>
}

/** The actor of the order changes the sagas make. */
export const sagaActor = 'svc:order'

const retry = (result: { reason: string }): StepOutcome => ({ outcome: 'retry', reason: result.reason })
const failWith = (code: string, detail: string, extensions?: Record<string, unknown>): StepOutcome => ({
  outcome: 'fail',
  failure: { code, detail, ...(extensions && { extensions }) },
})

const clients = (deps: OrderDeps) => {
  const { inventory, payment } = deps.sagas
  if (!inventory || !payment)
    throw new AppError('unavailable', {
      detail:
        'Service identities are off (SERVICE_SECRET is not set): the order service cannot call inventory or payment',
    })
  return { inventory, payment }
}

/** The checkout saga of the saga's order (the saga itself for a checkout) with its steps: where the order's stock
 *  reservation and payment were made, under which idempotency keys. */
const checkoutOf = async (ctx: StepContext): Promise<{ saga: SagaRecord; steps: StepRecord[] }> => {
  if (ctx.saga.kind === 'checkout') return { saga: ctx.saga, steps: ctx.steps }
  const [checkout] = await sagas.forOrder(ctx.deps.sql, ctx.saga.orderId, 'checkout')
  if (!checkout) throw new AppError('not_found', { detail: 'The order has no checkout to act on' })
  return { saga: checkout, steps: await sagas.steps(ctx.deps.sql, checkout.id) }
}

const stepOf = (steps: StepRecord[], name: string) =>
  steps.find((s) => s.name === name && s.direction === 'forward')

/** The idempotency key of a saga's step: the same on every attempt, after any crash. */
export const stepKey = (sagaId: string, name: string) => `${sagaId}:${name}`

const reserveCall = (ctx: StepContext, checkout: SagaRecord) => {
  const payload = checkout.payload as CheckoutPayload
  return clients(ctx.deps).inventory.reserve(stepKey(checkout.id, 'reserve_stock'), {
    reference: checkout.orderId,
    lines: payload.lines,
    ttlSeconds: payload.reservationTtlSeconds,
  })
}

const authorizeCall = (ctx: StepContext, checkout: SagaRecord) => {
  const payload = checkout.payload as CheckoutPayload
  return clients(ctx.deps).payment.authorize(stepKey(checkout.id, 'authorize_payment'), {
    reference: checkout.orderId,
    amount: payload.total,
    currency: payload.currency,
    provider: payload.payment.provider,
    ...(payload.payment.token !== undefined && { token: payload.payment.token }),
  })
}

/**
 * The id made by a forward step of the checkout, when it may have been made: from its recorded result, or (when
 * the step started but its outcome was never recorded: a crash) by asking again with its idempotency key, which
 * answers what the first call made. Null when nothing was made; a CallResult failure when it cannot be known yet.
 */
const madeBy = async <T extends { id: string }>(
  steps: StepRecord[],
  name: string,
  field: string,
  again: () => Promise<CallResult<T>>,
): Promise<{ id: string | null } | { reason: string }> => {
  const step = stepOf(steps, name)
  if (!step) return { id: null }
  const known = step.result?.[field]
  if (typeof known === 'string') return { id: known }
  const answer = await again()
  if (answer.ok) return { id: answer.value.id }
  if (answer.retryable) return { reason: answer.reason }
  return { id: null }
}

const reservationOf = async (ctx: StepContext) => {
  const checkout = await checkoutOf(ctx)
  return madeBy(checkout.steps, 'reserve_stock', 'reservationId', () => reserveCall(ctx, checkout.saga))
}

const paymentOf = async (ctx: StepContext) => {
  const checkout = await checkoutOf(ctx)
  return madeBy(checkout.steps, 'authorize_payment', 'paymentId', () => authorizeCall(ctx, checkout.saga))
}

const declined = (detail: string) => failWith('payment_declined', detail)

/** The payment service's refusals of an authorization that checkout answers as they are (402, 422). */
const authorizationRefusals = new Set(['payment_declined', 'provider_unavailable'])

const recordPayment = (ctx: StepContext, payment: Payment) => (tx: Tx) =>
  setPayment(tx, ctx.deps, ctx.saga.orderId, { id: payment.id, status: payment.status })

/**
 * Gives an order's money back: voids a hold (or a check the customer never finished), refunds what was captured
 * and not yet given back. A payment still settling at the provider is asked again (with its key) until it settles.
 */
const givePaymentBack: StepDefinition = {
  async run(ctx) {
    const { payment: client } = clients(ctx.deps)
    const made = await paymentOf(ctx)
    if ('reason' in made) return retry(made)
    if (!made.id) return { outcome: 'done', result: { paymentId: null } }
    const current = await client.get(made.id)
    if (!current.ok)
      return current.retryable ? retry(current) : failWith('bad_gateway', current.problem.detail)
    const payment = current.value
    const settle = async (answer: CallResult<Payment>): Promise<StepOutcome> => {
      if (answer.ok)
        return {
          outcome: 'done',
          result: { paymentId: payment.id, status: answer.value.status },
          local: recordPayment(ctx, answer.value),
        }
      // Refused because the payment moved meanwhile (approved while being voided): looked at again next attempt.
      return retry(answer.retryable ? answer : { reason: answer.problem.detail })
    }
    switch (payment.status) {
      case 'authorized':
      case 'requires_action':
        return settle(await client.void(payment.id))
      case 'captured':
      case 'partially_refunded':
        return settle(await client.refund(payment.id, stepKey(ctx.saga.id, 'refund_payment'), undefined))
      case 'pending': {
        // The authorization timed out at the provider: asking again with its key settles it one way or the other.
        const checkout = await checkoutOf(ctx)
        const again = await authorizeCall(ctx, checkout.saga)
        return retry({
          reason: again.ok ? 'the payment settled; voiding it next' : 'the payment is still settling',
        })
      }
      default:
        return {
          outcome: 'done',
          result: { paymentId: payment.id, status: payment.status },
          local: recordPayment(ctx, payment),
        }
    }
  },
}

/** Gives an order's stock back: releases a reservation still held, or puts committed units back on hand. */
const giveStockBack: StepDefinition = {
  async run(ctx) {
    const { inventory } = clients(ctx.deps)
    const made = await reservationOf(ctx)
    if ('reason' in made) return retry(made)
    if (!made.id) return { outcome: 'done', result: { reservationId: null } }
    const released = await inventory.release(made.id)
    if (released.ok)
      return { outcome: 'done', result: { reservationId: made.id, status: released.value.status } }
    if (released.retryable) return retry(released)
    if (released.problem.status !== 409) return failWith('bad_gateway', released.problem.detail)
    // Committed: the units left stock when the order was paid, and go back on hand.
    const restocked = await inventory.restock(made.id, stepKey(ctx.saga.id, 'restock'), undefined)
    if (restocked.ok) return { outcome: 'done', result: { reservationId: made.id, status: 'restocked' } }
    return restocked.retryable ? retry(restocked) : failWith('bad_gateway', restocked.problem.detail)
  },
}

/**
 * Records on the order what its payment has given back (the payment service's count is the truth), then moves the
 * order to `status`.
 */
const settleOrder =
  (
    to: (
      ctx: StepContext,
      refunded: number,
      total: number,
    ) => 'cancelled' | 'refunded' | 'partially_refunded',
  ) =>
  async (ctx: StepContext): Promise<StepOutcome> => {
    const made = await paymentOf(ctx)
    if ('reason' in made) return retry(made)
    let refundedAtPayment = 0
    if (made.id) {
      const payment = await clients(ctx.deps).payment.get(made.id)
      if (!payment.ok)
        return payment.retryable ? retry(payment) : failWith('bad_gateway', payment.problem.detail)
      refundedAtPayment = payment.value.refundedAmount
    }
    // Read before the transaction (one saga at a time changes an order's money, so it cannot move meanwhile).
    const order = await getOrder(ctx.deps, ctx.saga.orderId)
    const missing = refundedAtPayment - order.totals.refunded
    const refunded = Math.max(refundedAtPayment, order.totals.refunded)
    const note = ctx.saga.payload.failure?.detail ?? (ctx.saga.payload.reason as string | null) ?? null
    return {
      outcome: 'done',
      result: { refunded },
      local: async (tx) => {
        if (missing > 0) await recordRefund(tx, ctx.deps, order.id, missing)
        await transition(
          tx,
          ctx.deps,
          order.id,
          to(ctx, refunded, order.totals.total),
          ctx.saga.payload.actor,
          note,
        )
      },
    }
  }

const cancelOrder: StepDefinition = { run: settleOrder(() => 'cancelled') }

const checkoutForward: Record<string, StepDefinition> = {
  reserve_stock: {
    async run(ctx) {
      const answer = await reserveCall(ctx, ctx.saga)
      if (answer.ok) return { outcome: 'done', result: { reservationId: answer.value.id } }
      if (answer.retryable) return retry(answer)
      const { problem } = answer
      if (problem.code === 'insufficient_stock')
        return failWith('insufficient_stock', problem.detail, {
          shortages: (problem.body.shortages as Shortage[] | undefined) ?? [],
        })
      return failWith(problem.status === 422 ? 'validation_failed' : 'conflict', problem.detail)
    },
  },
  authorize_payment: {
    begin: (tx, ctx) => transition(tx, ctx.deps, ctx.saga.orderId, 'awaiting_payment', sagaActor),
    async run(ctx) {
      // Waiting for the customer: the payment service asks the provider where the payment stands (the event
      // saying how it ended may be late, or the provider's notice to the payment service lost).
      const waitingOn = stepOf(ctx.steps, 'authorize_payment')?.result?.paymentId
      const answer =
        ctx.saga.status === 'awaiting_action' && typeof waitingOn === 'string'
          ? await clients(ctx.deps).payment.resolve(waitingOn)
          : await authorizeCall(ctx, ctx.saga)
      if (!answer.ok) {
        if (answer.retryable) return retry(answer)
        if (authorizationRefusals.has(answer.problem.code))
          return failWith(answer.problem.code, answer.problem.detail)
        return failWith(
          answer.problem.status === 422 ? 'validation_failed' : 'conflict',
          answer.problem.detail,
        )
      }
      const payment = answer.value
      const local = recordPayment(ctx, payment)
      if (payment.status === 'authorized')
        return { outcome: 'done', result: { paymentId: payment.id }, local }
      if (payment.status === 'requires_action' && payment.nextAction)
        return { outcome: 'await', result: { paymentId: payment.id }, nextAction: payment.nextAction, local }
      if (payment.status === 'pending')
        return retry({ reason: 'the payment is still settling at the provider' })
      if (payment.status === 'failed') return declined(payment.failureReason ?? 'The payment was declined')
      return failWith('conflict', `The payment is ${payment.status}`)
    },
  },
  mark_paid: {
    async run(ctx) {
      return {
        outcome: 'done',
        local: (tx) => transition(tx, ctx.deps, ctx.saga.orderId, 'paid', sagaActor),
      }
    },
  },
  commit_reservation: {
    async run(ctx) {
      const made = await reservationOf(ctx)
      if ('reason' in made) return retry(made)
      if (!made.id) return failWith('conflict', 'The order has no stock reservation to commit')
      const answer = await clients(ctx.deps).inventory.commit(made.id)
      if (answer.ok) return { outcome: 'done', result: { reservationId: made.id } }
      return answer.retryable ? retry(answer) : failWith('conflict', answer.problem.detail)
    },
  },
  capture_payment: {
    async run(ctx) {
      const made = await paymentOf(ctx)
      if ('reason' in made) return retry(made)
      if (!made.id) return failWith('conflict', 'The order has no payment to capture')
      const answer = await clients(ctx.deps).payment.capture(made.id)
      if (answer.ok)
        return { outcome: 'done', result: { paymentId: made.id }, local: recordPayment(ctx, answer.value) }
      if (answer.retryable) return retry(answer)
      return answer.problem.code === 'payment_declined'
        ? declined(answer.problem.detail)
        : failWith('conflict', answer.problem.detail)
    },
  },
  close_cart: {
    async run(ctx) {
      await closeCart(ctx.deps, (ctx.saga.payload as CheckoutPayload).cartId)
      return { outcome: 'done' }
    },
  },
}

const refundForward: Record<string, StepDefinition> = {
  refund_payment: {
    async run(ctx) {
      const made = await paymentOf(ctx)
      if ('reason' in made) return retry(made)
      if (!made.id) return failWith('conflict', 'The order has no payment to refund')
      const payload = ctx.saga.payload as RefundPayload
      const answer = await clients(ctx.deps).payment.refund(
        made.id,
        stepKey(ctx.saga.id, 'refund_payment'),
        payload.amount ?? undefined,
      )
      if (answer.ok)
        return { outcome: 'done', result: { paymentId: made.id }, local: recordPayment(ctx, answer.value) }
      if (answer.retryable) return retry(answer)
      return failWith(
        answer.problem.code === 'payment_declined' ? 'payment_declined' : 'conflict',
        answer.problem.detail,
      )
    },
  },
  restock: {
    async run(ctx) {
      if (!(ctx.saga.payload as RefundPayload).restock)
        return { outcome: 'done', result: { restocked: false } }
      const made = await reservationOf(ctx)
      if ('reason' in made) return retry(made)
      if (!made.id) return { outcome: 'done', result: { restocked: false } }
      const answer = await clients(ctx.deps).inventory.restock(
        made.id,
        stepKey(ctx.saga.id, 'restock'),
        undefined,
      )
      if (answer.ok) return { outcome: 'done', result: { restocked: true, reservationId: made.id } }
      return answer.retryable ? retry(answer) : failWith('conflict', answer.problem.detail)
    },
  },
  record_refund: {
    run: settleOrder((_ctx, refunded, total) => (refunded >= total ? 'refunded' : 'partially_refunded')),
  },
}

/** Every saga's step definitions, by kind, direction and name. */
export const stepDefinitions: Record<SagaKind, Record<StepDirection, Record<string, StepDefinition>>> = {
  checkout: {
    forward: checkoutForward,
    compensate: { void_payment: givePaymentBack, release_stock: giveStockBack, cancel_order: cancelOrder },
  },
  cancel: {
    forward: { void_payment: givePaymentBack, release_stock: giveStockBack, cancel_order: cancelOrder },
    compensate: {},
  },
  refund: { forward: refundForward, compensate: {} },
}
