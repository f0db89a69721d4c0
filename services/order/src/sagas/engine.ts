import type { OrderDeps } from '../deps.ts'
import {
  backoffMs,
  isSettled,
  nextStep,
  pastPointOfNoReturn,
  type SagaFailure,
  type SagaRecord,
  type SagaStatus,
  type StepDirection,
  sagaSteps,
} from './model.ts'
import * as sagas from './repository.ts'
import { type StepContext, type StepOutcome, stepDefinitions } from './steps.ts'

/** Thrown by a fault point in crash tests: the run stops there as if the process had died, lease and all. */
export class SagaCrash extends Error {
  constructor(point: string) {
    super(`crashed at ${point}`)
    this.name = 'SagaCrash'
  }
}

const fault = async (deps: OrderDeps, point: string) => {
  if (deps.sagas.fault) await deps.sagas.fault(point)
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

type Continue = 'continue' | 'stop'

/** Moves the saga to compensating (or, when nothing can undo what was done, to an operator) for `failure`. */
const stopGoingForward = async (
  deps: OrderDeps,
  saga: SagaRecord,
  failure: SagaFailure,
  at: Date,
  done: { name: string; status: string; direction: StepDirection }[],
) => {
  const undoable = sagaSteps[saga.kind].compensate.length > 0
  const somethingDone = done.some((s) => s.direction === 'forward' && s.status === 'succeeded')
  const status: SagaStatus = undoable || !somethingDone ? 'compensating' : 'needs_attention'
  if (status === 'needs_attention')
    deps.logger.error({ sagaId: saga.id, orderId: saga.orderId, failure }, 'saga needs attention')
  await sagas.update(
    deps.sql,
    saga.id,
    {
      status,
      payload: { ...saga.payload, failure, nextAction: null },
      attempts: 0,
      lastError: failure.detail,
      nextAttemptAt: at,
      actionDeadline: null,
    },
    at,
  )
}

/**
 * Runs one attempt of a step: "started" is recorded (with the step's own changes to the order) before its call,
 * and the outcome with its result (and the order's changes) after it, each in one transaction.
 */
const runStep = async (
  deps: OrderDeps,
  ctx: StepContext,
  step: { name: string; direction: StepDirection },
): Promise<Continue> => {
  const { saga } = ctx
  const definition = stepDefinitions[saga.kind][step.direction][step.name]!
  const point = `${step.direction}:${step.name}`
  await deps.sql.begin(async (tx) => {
    const at = new Date(deps.now())
    await sagas.stepStarted(tx, saga.id, step.name, step.direction, at)
    await sagas.update(tx, saga.id, { currentStep: step.name }, at)
    if (definition.begin) await definition.begin(tx, ctx)
  })
  deps.eventsWritten()
  await fault(deps, `${point}:started`)
  let outcome: StepOutcome
  try {
    outcome = await definition.run(ctx)
  } catch (error) {
    if (error instanceof SagaCrash) throw error
    outcome = { outcome: 'retry', reason: message(error) }
  }
  await fault(deps, `${point}:effect`)
  const next = await record(deps, ctx, step, outcome)
  await fault(deps, `${point}:recorded`)
  return next
}

/** Writes a step's outcome and what it means for the saga. */
const record = async (
  deps: OrderDeps,
  ctx: StepContext,
  step: { name: string; direction: StepDirection },
  outcome: StepOutcome,
): Promise<Continue> => {
  const { saga } = ctx
  const at = new Date(deps.now())
  const { settings } = deps.sagas
  if (outcome.outcome === 'done') {
    try {
      await deps.sql.begin(async (tx) => {
        await sagas.stepSettled(tx, saga.id, step.name, step.direction, {
          status: 'succeeded',
          error: null,
          result: outcome.result ?? null,
          at,
        })
        if (outcome.local) await outcome.local(tx)
        await sagas.update(
          tx,
          saga.id,
          {
            attempts: 0,
            lastError: null,
            ...(saga.status === 'awaiting_action' && {
              status: 'running',
              payload: { ...saga.payload, nextAction: null },
            }),
          },
          at,
        )
      })
      deps.eventsWritten()
      return 'continue'
    } catch (error) {
      // The order refused the change (moved meanwhile): recorded as a failed attempt, retried like any other.
      return record(deps, ctx, step, { outcome: 'retry', reason: message(error) })
    }
  }
  if (outcome.outcome === 'await') {
    await deps.sql.begin(async (tx) => {
      if (outcome.local) await outcome.local(tx)
      await sagas.stepSettled(tx, saga.id, step.name, step.direction, {
        status: 'started',
        error: null,
        result: outcome.result,
        at,
      })
      await sagas.update(
        tx,
        saga.id,
        {
          status: 'awaiting_action',
          payload: { ...saga.payload, nextAction: outcome.nextAction },
          attempts: 0,
          lastError: null,
          nextAttemptAt: new Date(at.getTime() + settings.pollMs),
          actionDeadline:
            saga.actionDeadline ?? new Date(at.getTime() + settings.actionTimeoutSeconds * 1000),
        },
        at,
      )
    })
    return 'stop'
  }
  if (outcome.outcome === 'fail') {
    await sagas.stepSettled(deps.sql, saga.id, step.name, step.direction, {
      status: 'failed',
      error: outcome.failure.detail,
      at,
    })
    if (step.direction === 'compensate') return needsAttention(deps, saga, outcome.failure.detail, at)
    await stopGoingForward(deps, saga, outcome.failure, at, [...ctx.steps, { ...step, status: 'failed' }])
    return 'continue'
  }
  // Worth retrying: later (backing off), and only so many times.
  const attempts = saga.attempts + 1
  const reason = `${step.name}: ${outcome.reason}`
  if (attempts >= settings.maxAttempts) {
    await sagas.stepSettled(deps.sql, saga.id, step.name, step.direction, {
      status: 'failed',
      error: reason,
      at,
    })
    if (step.direction === 'compensate' || pastPointOfNoReturn(saga.kind, ctx.steps))
      return needsAttention(deps, saga, reason, at)
    await stopGoingForward(
      deps,
      saga,
      { code: 'unavailable', detail: `Checkout could not be completed: ${reason}` },
      at,
      ctx.steps,
    )
    return 'continue'
  }
  const waitMs = backoffMs(attempts, settings.retryBaseMs, settings.retryMaxMs)
  await deps.sql.begin(async (tx) => {
    await sagas.stepSettled(tx, saga.id, step.name, step.direction, { status: 'started', error: reason, at })
    await sagas.update(
      tx,
      saga.id,
      { attempts, lastError: reason, nextAttemptAt: new Date(at.getTime() + waitMs) },
      at,
    )
  })
  deps.logger.warn(
    { sagaId: saga.id, step: step.name, attempts, err: outcome.reason },
    'saga step will be retried',
  )
  if (waitMs > settings.inlineWaitMs) return 'stop'
  await Bun.sleep(waitMs)
  return 'continue'
}

const needsAttention = async (
  deps: OrderDeps,
  saga: SagaRecord,
  reason: string,
  at: Date,
): Promise<Continue> => {
  deps.logger.error(
    { sagaId: saga.id, orderId: saga.orderId, kind: saga.kind, err: reason },
    'saga needs attention: a step keeps failing and an operator must retry or compensate it',
  )
  await sagas.update(deps.sql, saga.id, { status: 'needs_attention', lastError: reason, attempts: 0 }, at)
  return 'stop'
}

/**
 * Runs a saga this instance holds the lease of, step after step, renewing the lease before each, until it is
 * done, waits (for the customer or a retry), or the lease is lost; then lets the lease go. Answers the saga as it
 * stands.
 */
export const drive = async (deps: OrderDeps, sagaId: string): Promise<SagaRecord> => {
  const { owner, settings } = deps.sagas
  while (true) {
    const now = deps.now()
    const saga = await sagas.renewLease(
      deps.sql,
      sagaId,
      owner,
      new Date(now + settings.leaseMs),
      new Date(now),
    )
    // Lost: another instance runs it now.
    if (!saga) return (await sagas.find(deps.sql, sagaId))!
    let step: { name: string; direction: StepDirection } | null = null
    const steps = await sagas.steps(deps.sql, sagaId)
    if (!isSettled(saga.status)) {
      if (saga.status === 'awaiting_action' && saga.actionDeadline && saga.actionDeadline.getTime() <= now) {
        await stopGoingForward(
          deps,
          saga,
          { code: 'payment_declined', detail: 'The payment was not approved in time' },
          new Date(now),
          steps,
        )
        continue
      }
      step = nextStep(saga.kind, saga.status === 'awaiting_action' ? 'running' : saga.status, steps)
      if (!step) {
        const status: SagaStatus = saga.status === 'compensating' ? 'compensated' : 'completed'
        await sagas.update(deps.sql, sagaId, { status, currentStep: null }, new Date(now))
        continue
      }
      if ((await runStep(deps, { deps, saga, steps }, step)) === 'continue') continue
    }
    await sagas.releaseLease(deps.sql, sagaId, owner)
    return (await sagas.find(deps.sql, sagaId))!
  }
}
