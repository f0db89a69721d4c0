import { createHash } from 'node:crypto'
import type { Principal } from '@myshop/auth'
import { AppError } from '@myshop/errors'
import { newId } from '@myshop/ids'
import { cartForCheckout, repriceCart } from '../carts/service.ts'
import type { NextAction, PaymentClient, ProviderName } from '../clients/payment.ts'
import type { OrderDeps } from '../deps.ts'
import type { Order, ShippingAddress } from '../orders/model.ts'
import { getOrder, placeOrder } from '../orders/service.ts'
import {
  type CheckoutPayload,
  failureError,
  findSagaByKey,
  isLeased,
  isSettled,
  newSagaId,
  resumeSaga,
  runSaga,
  type SagaRecord,
  sagaActor,
  startSaga,
} from '../sagas/service.ts'
import { quote } from '../shipping/service.ts'

export interface CheckoutInput {
  cartId: string
  email: string
  shippingAddress: ShippingAddress
  shippingOption: string
  payment: { provider: ProviderName; token?: string | undefined }
}

/** What checkout answers: 201 with the paid order, or 202 while the customer must act (or a retry is due). */
export interface CheckoutAnswer {
  status: 201 | 202
  order: Order & { nextAction: NextAction | null }
}

/** Stock is held this much longer than the customer may take to approve the payment. */
const reservationMarginSeconds = 600

/** A JSON text of `value` with object keys sorted, so the same request always has the same fingerprint. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(value)

/** The providers that take a card, as a token made in the shopper's browser; PayPal takes none. */
const cardProviders: ReadonlySet<ProviderName> = new Set(['test', 'stripe'])

/** 422 when a card provider is asked to pay without the card's token. */
const requireToken = (payment: CheckoutInput['payment']) => {
  if (cardProviders.has(payment.provider) && payment.token === undefined)
    throw new AppError('validation_failed', {
      detail: `A payment by ${payment.provider} needs the card's token`,
      errors: [{ path: '/payment/token', message: `required when the provider is ${payment.provider}` }],
    })
}

/**
 * 422 provider_unavailable when the payment service says the shop does not offer `provider`. When it cannot be
 * asked, checkout goes on: the authorization is refused there the same way if the provider is not offered.
 */
const requireOffered = async (deps: OrderDeps, payment: PaymentClient, provider: ProviderName) => {
  const answer = await payment.providers()
  if (!answer.ok || !Array.isArray(answer.value.providers)) {
    deps.logger.warn(
      { err: answer.ok ? 'no list of providers' : answer.retryable ? answer.reason : answer.problem.detail },
      'the payment service could not say which providers it offers; checkout goes on',
    )
    return
  }
  const offered = answer.value.providers.map((p) => p.name)
  if (!offered.includes(provider))
    throw new AppError('provider_unavailable', {
      detail: `This shop does not take payments by ${provider}; it offers ${offered.join(', ') || 'none'}`,
    })
}

const inFlight = () =>
  new AppError('idempotency_in_flight', {
    detail: 'A checkout with this Idempotency-Key is still running; retry shortly for its answer',
    headers: { 'retry-after': '1' },
  })

/**
 * The answer a checkout saga stands at, the same however often it is asked: its failure (409 insufficient_stock,
 * 402 payment_declined, 422 provider_unavailable, ...), 201 with the paid order, or 202 with the order (and where the customer approves the
 * payment, when they must). 409 while a run holds it.
 */
export const checkoutAnswer = async (deps: OrderDeps, saga: SagaRecord): Promise<CheckoutAnswer> => {
  // A run still holding it may yet change the answer; a settled saga's answer is final.
  if (!isSettled(saga.status) && isLeased(deps, saga)) throw inFlight()
  const failure = saga.payload.failure
  if (failure && saga.status !== 'completed') throw failureError(failure)
  const order = await getOrder(deps, saga.orderId)
  const nextAction = saga.status === 'awaiting_action' ? (saga.payload.nextAction ?? null) : null
  return { status: saga.status === 'completed' ? 201 : 202, order: { ...order, nextAction } }
}

/**
 * Checks a cart out: refuses a card payment without its token (422) and a provider the shop does not offer (422
 * provider_unavailable) before anything is written, re-prices it (409 cart_changed with the new cart when a price changed), quotes shipping and
 * tax, places the order and records its saga in one transaction, then runs the saga in this request: reserve the
 * stock, authorize the payment, mark the order paid and take the stock, capture, close the cart. The key is the
 * caller's (a user's, or a guest cart's): the same key with the same body answers what the first request did, with
 * one order and one charge; with another body, 422; while the first is still running, 409.
 */
export const checkout = async (
  deps: OrderDeps,
  input: CheckoutInput,
  idempotencyKey: string,
  principal: Principal | null,
  ctx: { requestId?: string; traceparent?: string } = {},
): Promise<CheckoutAnswer> => {
  const { payment } = deps.sagas
  if (!deps.sagas.inventory || !payment)
    throw new AppError('unavailable', {
      detail:
        'Checkout is off: service identities are not configured (SERVICE_SECRET), so stock and payments cannot be reached',
    })
  requireToken(input.payment)
  const userId = principal?.userId ?? null
  const key = userId ? `user:${userId}:${idempotencyKey}` : `cart:${input.cartId}:${idempotencyKey}`
  const fingerprint = createHash('sha256').update(canonical(input)).digest('hex')
  const answerExisting = async (saga: SagaRecord) => {
    if (saga.fingerprint !== fingerprint)
      throw new AppError('idempotency_mismatch', {
        detail: 'This Idempotency-Key was used for another checkout request',
      })
    // Left mid-way and due (a retry waiting, a crashed run, a payment to ask about): this request moves it on.
    if (!isSettled(saga.status) && !isLeased(deps, saga) && saga.nextAttemptAt.getTime() <= deps.now()) {
      const resumed = await resumeSaga(deps, saga.id)
      if (resumed) return checkoutAnswer(deps, resumed)
    }
    return checkoutAnswer(deps, saga)
  }
  const existing = await findSagaByKey(deps, key)
  if (existing) return answerExisting(existing)
  await requireOffered(deps, payment, input.payment.provider)

  const read = await cartForCheckout(deps, input.cartId, userId)
  const { cart, changed } = await repriceCart(deps, read)
  if (changed || !cart.currency || cart.items.length === 0)
    throw new AppError('cart_changed', {
      detail: 'Prices or items changed since the cart was shown; review the cart and check out again',
      extensions: { cart },
    })
  const currency = cart.currency
  const priced = await quote(deps, {
    country: input.shippingAddress.country,
    currency,
    subtotal: cart.totals.subtotal,
    shippingOptionId: input.shippingOption,
  })
  const sagaId = newSagaId(deps)
  const orderId = newId('ord', deps.now())
  const payload: CheckoutPayload = {
    actor: sagaActor,
    cartId: cart.id,
    currency,
    total: priced.total,
    lines: cart.items.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    payment: {
      provider: input.payment.provider,
      ...(input.payment.token !== undefined && { token: input.payment.token }),
    },
    reservationTtlSeconds: deps.sagas.settings.actionTimeoutSeconds + reservationMarginSeconds,
  }
  let started: boolean
  try {
    started = await deps.sql.begin(async (tx) => {
      if (
        !(await startSaga(tx, deps, {
          id: sagaId,
          kind: 'checkout',
          orderId,
          payload,
          idempotencyKey: key,
          fingerprint,
        }))
      )
        return false
      await placeOrder(
        tx,
        deps,
        {
          id: orderId,
          userId,
          email: input.email,
          currency,
          lines: cart.items,
          totals: {
            subtotal: priced.subtotal,
            shipping: priced.shipping.amount,
            tax: priced.tax.amount,
            total: priced.total,
          },
          shippingAddress: input.shippingAddress,
          shippingOption: {
            id: priced.shipping.optionId,
            name: priced.shipping.name,
            amount: priced.shipping.amount,
          },
          paymentProvider: input.payment.provider,
          sagaId,
          actor: userId ?? sagaActor,
        },
        ctx,
      )
      return true
    })
  } catch (error) {
    // The cart's other checkout (under another key) is under way: one order per cart at a time.
    if ((error as { code?: string }).code === '23505')
      throw new AppError('idempotency_in_flight', {
        detail: 'Another checkout of this cart is under way',
        headers: { 'retry-after': '1' },
      })
    throw error
  }
  if (!started) {
    // An identical request got there first: answered as it stands.
    const first = await findSagaByKey(deps, key)
    if (!first) throw inFlight()
    return answerExisting(first)
  }
  deps.eventsWritten()
  return checkoutAnswer(deps, await runSaga(deps, sagaId))
}
