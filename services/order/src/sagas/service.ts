import type { Principal } from '@myshop/auth'
import type { Tx } from '@myshop/db'
import { AppError, type ErrorCode, errorCodes } from '@myshop/errors'
import { type EnvelopeOf, inbox, type paymentAuthorized, type paymentFailed } from '@myshop/events'
import { newId } from '@myshop/ids'
import { type OrderDeps, schema } from '../deps.ts'
import { getOrder } from '../orders/service.ts'
import { drive } from './engine.ts'
import {
  decodeCursor,
  encodeCursor,
  isSettled,
  resumeStatus,
  type Saga,
  type SagaFailure,
  type SagaKind,
  type SagaPayload,
  type SagaRecord,
  type SagaStatus,
  sagaView,
} from './model.ts'
import * as sagas from './repository.ts'
import type { RefundPayload } from './steps.ts'

export { SagaCrash } from './engine.ts'
export type { Saga, SagaFailure, SagaRecord, SagaStatus } from './model.ts'
export { isSettled } from './model.ts'
export { type CheckoutPayload, sagaActor } from './steps.ts'

const notFound = () => new AppError('not_found', { detail: 'No such saga' })

/** The lease a new saga starts with, held by the request that runs it. */
const freshLease = (deps: OrderDeps) => new Date(deps.now() + deps.sagas.settings.leaseMs)

/**
 * Records a new saga of `kind` for `orderId` in the caller's transaction, leased to this instance so the caller
 * runs it (with `runSaga`) once the transaction commits. False when a saga with the idempotency key exists.
 */
export const startSaga = (
  tx: Tx,
  deps: OrderDeps,
  s: {
    id: string
    kind: SagaKind
    orderId: string
    payload: SagaPayload
    idempotencyKey?: string | null
    fingerprint?: string | null
  },
): Promise<boolean> =>
  sagas.insert(tx, {
    id: s.id,
    kind: s.kind,
    orderId: s.orderId,
    payload: s.payload,
    owner: deps.sagas.owner,
    leaseUntil: freshLease(deps),
    idempotencyKey: s.idempotencyKey ?? null,
    fingerprint: s.fingerprint ?? null,
    at: new Date(deps.now()),
  })

/** A new saga id. */
export const newSagaId = (deps: OrderDeps) => newId('sag', deps.now())

/** Runs a saga this instance leased (a new one, or one it took over) as far as it goes now. */
export const runSaga = (deps: OrderDeps, id: string): Promise<SagaRecord> => drive(deps, id)

/** Takes a saga over when nobody holds it and runs it; null when another run holds it. */
export const resumeSaga = async (deps: OrderDeps, id: string): Promise<SagaRecord | null> => {
  const at = deps.now()
  if (
    !(await sagas.takeLease(
      deps.sql,
      id,
      deps.sagas.owner,
      new Date(at + deps.sagas.settings.leaseMs),
      new Date(at),
    ))
  )
    return null
  return drive(deps, id)
}

export const findSaga = (deps: OrderDeps, id: string) => sagas.find(deps.sql, id)
export const findSagaByKey = (deps: OrderDeps, key: string) => sagas.findByKey(deps.sql, key)

/** Whether a run holds the saga's lease right now. */
export const isLeased = (deps: OrderDeps, saga: SagaRecord) =>
  saga.leaseUntil !== null && saga.leaseUntil.getTime() > deps.now()

/** The problem a saga's failure is answered with. */
export const failureError = (failure: SagaFailure) => {
  const code = (failure.code in errorCodes ? failure.code : 'conflict') as ErrorCode
  return new AppError(code, {
    detail: failure.detail,
    ...(failure.extensions && { extensions: failure.extensions }),
  })
}

/**
 * One pass of recovery: leases up to `limit` sagas left mid-way by a crashed instance, due for a retry, or
 * awaiting the customer (to ask the payment service and to time them out), and runs each. Answers how many it ran.
 */
export const recoverDue = async (deps: OrderDeps, limit = 20): Promise<number> => {
  const at = deps.now()
  const ids = await sagas.claimDue(
    deps.sql,
    deps.sagas.owner,
    new Date(at + deps.sagas.settings.leaseMs),
    new Date(at),
    limit,
  )
  for (const id of ids) {
    try {
      await drive(deps, id)
    } catch (error) {
      deps.logger.error(
        { err: error, sagaId: id },
        'running a saga failed; the recovery loop takes it up again',
      )
    }
  }
  return ids.length
}

export const getSaga = async (deps: OrderDeps, id: string): Promise<Saga> => {
  const saga = await sagas.find(deps.sql, id)
  if (!saga) throw notFound()
  return sagaView(saga, await sagas.steps(deps.sql, id))
}

export const listSagas = async (
  deps: OrderDeps,
  filter: { status?: SagaStatus | undefined; cursor?: string | undefined; limit?: number | undefined },
): Promise<{ items: Saga[]; nextCursor: string | null }> => {
  const limit = filter.limit ?? 50
  const after = filter.cursor ? decodeCursor(filter.cursor) : null
  if (filter.cursor && !after)
    throw new AppError('validation_failed', {
      detail: 'The cursor is not one this API gave out',
      errors: [{ path: '/cursor', message: 'not a cursor from a previous page' }],
    })
  const rows = await sagas.list(deps.sql, { status: filter.status, after, limit: limit + 1 })
  const page = rows.slice(0, limit)
  const items = await Promise.all(page.map(async (s) => sagaView(s, await sagas.steps(deps.sql, s.id))))
  return { items, nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null }
}

/** Leases a saga for an operator's action, or answers 409 while a run holds it. */
const leaseForOperator = async (deps: OrderDeps, id: string): Promise<SagaRecord> => {
  const saga = await sagas.find(deps.sql, id)
  if (!saga) throw notFound()
  const at = deps.now()
  if (
    !(await sagas.takeLease(
      deps.sql,
      id,
      deps.sagas.owner,
      new Date(at + deps.sagas.settings.leaseMs),
      new Date(at),
    ))
  )
    throw new AppError('idempotency_in_flight', {
      detail: 'The saga is being run right now; try again shortly',
    })
  return saga
}

const operatorRefused = async (deps: OrderDeps, saga: SagaRecord, detail: string) => {
  await sagas.releaseLease(deps.sql, saga.id, deps.sagas.owner)
  return new AppError('conflict', { detail })
}

/**
 * An operator's retry of a saga that needs attention: it resumes where it stopped, in the direction it was going
 * (forward from the failed step, or on with its compensation), with its attempts counted afresh.
 */
export const retrySaga = async (deps: OrderDeps, id: string): Promise<Saga> => {
  const saga = await leaseForOperator(deps, id)
  if (saga.status !== 'needs_attention')
    throw await operatorRefused(
      deps,
      saga,
      `The saga is ${saga.status}; only one that needs attention is retried`,
    )
  const at = new Date(deps.now())
  await sagas.update(
    deps.sql,
    id,
    { status: resumeStatus(await sagas.steps(deps.sql, id)), attempts: 0, nextAttemptAt: at },
    at,
  )
  await drive(deps, id)
  return getSaga(deps, id)
}

/**
 * An operator's order to undo a saga now: its compensations run (money and stock given back, the order
 * cancelled). A completed checkout is undone by cancelling its order instead.
 */
export const compensateSaga = async (deps: OrderDeps, id: string, actor: string): Promise<Saga> => {
  const saga = await leaseForOperator(deps, id)
  if (saga.kind !== 'checkout' || saga.status === 'completed' || saga.status === 'compensated')
    throw await operatorRefused(
      deps,
      saga,
      saga.kind !== 'checkout'
        ? `A ${saga.kind} saga has nothing to undo; retry it instead`
        : `The saga is ${saga.status}; a completed checkout is undone by cancelling its order`,
    )
  const at = new Date(deps.now())
  await sagas.update(
    deps.sql,
    id,
    {
      status: 'compensating',
      attempts: 0,
      nextAttemptAt: at,
      actionDeadline: null,
      payload: {
        ...saga.payload,
        nextAction: null,
        failure: saga.payload.failure ?? { code: 'conflict', detail: `Undone by an operator (${actor})` },
      },
    },
    at,
  )
  await drive(deps, id)
  return getSaga(deps, id)
}

/** The group the order service consumes payment outcomes in. */
export const paymentOutcomesConsumer = 'order-checkout-payments'

/**
 * A payment awaiting the customer was approved or failed: the checkout waiting for it is woken (once per event,
 * through the inbox) and run now. The payment service is asked for the outcome, not the event trusted for it.
 */
export const onPaymentSettled = async (
  deps: OrderDeps,
  event: EnvelopeOf<typeof paymentAuthorized> | EnvelopeOf<typeof paymentFailed>,
): Promise<void> => {
  const waiting = (await sagas.forOrder(deps.sql, event.data.reference, 'checkout')).filter(
    (s) => s.status === 'awaiting_action',
  )
  await inbox.handleOnce(deps.sql, schema, paymentOutcomesConsumer, event, async (tx) => {
    const at = new Date(deps.now())
    for (const saga of waiting) await sagas.update(tx, saga.id, { nextAttemptAt: at }, at)
  })
  for (const saga of waiting) await resumeSaga(deps, saga.id)
}

/** Whether the principal may change the order: its owner (with orders:write_own), or anyone with orders:write_all. */
const mayChange = (principal: Principal, order: { userId: string | null }) =>
  principal.permissions.has('orders:write_all') ||
  (principal.permissions.has('orders:write_own') &&
    order.userId !== null &&
    order.userId === principal.userId)

/** Another saga still moving the order's money or stock, if any. */
const busyWith = async (deps: OrderDeps, orderId: string) =>
  (await sagas.forOrder(deps.sql, orderId)).find((s) => !isSettled(s.status)) ?? null

const busy = () =>
  new AppError('idempotency_in_flight', {
    detail:
      'Another change to this order (its checkout, a cancellation or a refund) is under way; try again shortly',
  })

/** Runs a cancel or refund saga to its end and answers the order, or the problem it ended with. */
const runToAnswer = async (deps: OrderDeps, id: string) => {
  const saga = await drive(deps, id)
  if (saga.status === 'compensated' && saga.payload.failure) throw failureError(saga.payload.failure)
  if (saga.status === 'needs_attention')
    throw new AppError('bad_gateway', {
      detail: `The change could not be completed and waits for an operator (saga ${saga.id}): ${saga.lastError ?? ''}`,
    })
  if (saga.status !== 'completed')
    throw new AppError('unavailable', {
      detail: `The change is under way and is retried in the background (saga ${saga.id})`,
      headers: { 'retry-after': '5' },
    })
  return getOrder(deps, saga.orderId)
}

const cancellable = ['pending', 'awaiting_payment', 'paid', 'cancelled']

/**
 * Cancels an order before it is fulfilled: its payment voided (or refunded when captured), its stock released (or
 * put back when taken), the order cancelled; as a saga, so a crash midway is finished by recovery. A checkout
 * still waiting for the customer is undone instead. Someone else's order is not found.
 */
export const cancelOrder = async (deps: OrderDeps, orderId: string, principal: Principal) => {
  const order = await getOrder(deps, orderId)
  if (!mayChange(principal, order)) throw new AppError('not_found', { detail: 'No such order' })
  if (!cancellable.includes(order.status))
    throw new AppError('invalid_transition' as ErrorCode, {
      detail: `The order is ${order.status} and can no longer be cancelled`,
    })
  if (order.status === 'cancelled') return order
  const running = await busyWith(deps, orderId)
  if (running?.kind === 'checkout' && running.status === 'awaiting_action') {
    await compensateSaga(deps, running.id, principal.userId)
    return getOrder(deps, orderId)
  }
  if (running) throw busy()
  const id = newSagaId(deps)
  const started = await deps.sql.begin((tx) =>
    startSaga(tx, deps, {
      id,
      kind: 'cancel',
      orderId,
      payload: { actor: principal.userId, reason: 'Cancelled on request' },
      idempotencyKey: `cancel:${orderId}`,
    }),
  )
  if (!started) throw busy()
  return runToAnswer(deps, id)
}

const refundable = ['paid', 'fulfilled', 'delivered', 'partially_refunded']

/**
 * Gives back all or part of an order's payment (never more than is left), optionally putting its units back in
 * stock, as a saga; the order becomes partially_refunded or refunded.
 */
export const refundOrder = async (
  deps: OrderDeps,
  orderId: string,
  input: { amount?: number | undefined; restock?: boolean | undefined; reason?: string | undefined },
  principal: Principal,
) => {
  const order = await getOrder(deps, orderId)
  if (!refundable.includes(order.status))
    throw new AppError('invalid_transition' as ErrorCode, {
      detail: `The order is ${order.status} and cannot be refunded`,
    })
  const left = order.totals.total - order.totals.refunded
  if (input.amount !== undefined && input.amount > left)
    throw new AppError('conflict', {
      detail: `Only ${left} ${order.currency} minor units of the order are left to refund`,
    })
  if (await busyWith(deps, orderId)) throw busy()
  const id = newSagaId(deps)
  const payload: RefundPayload = {
    actor: principal.userId,
    amount: input.amount ?? null,
    restock: input.restock ?? false,
    reason: input.reason ?? null,
  }
  await deps.sql.begin((tx) => startSaga(tx, deps, { id, kind: 'refund', orderId, payload }))
  return runToAnswer(deps, id)
}
