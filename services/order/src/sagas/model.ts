import type { NextAction } from '../clients/payment.ts'

export type SagaKind = 'checkout' | 'cancel' | 'refund'
export type SagaStatus =
  | 'running'
  | 'awaiting_action'
  | 'completed'
  | 'compensating'
  | 'compensated'
  | 'needs_attention'
export type StepDirection = 'forward' | 'compensate'
export type StepStatus = 'started' | 'succeeded' | 'failed'

/** Why a saga stopped going forward, as the request that started it answers it (a problem's code and members). */
export interface SagaFailure {
  code: string
  detail: string
  extensions?: Record<string, unknown>
}

/** What every saga's steps read and write beside their own results. */
export interface SagaPayload {
  /** Who started it: `usr_…`, `svc:order` or `system`. */
  actor: string
  failure?: SagaFailure | null
  /** What the shopper must do for the checkout to go on, while it awaits them. */
  nextAction?: NextAction | null
  [key: string]: unknown
}

export interface SagaRecord {
  id: string
  kind: SagaKind
  orderId: string
  status: SagaStatus
  currentStep: string | null
  payload: SagaPayload
  leaseOwner: string | null
  leaseUntil: Date | null
  nextAttemptAt: Date
  attempts: number
  lastError: string | null
  actionDeadline: Date | null
  idempotencyKey: string | null
  fingerprint: string | null
  createdAt: Date
  updatedAt: Date
}

export interface StepRecord {
  name: string
  direction: StepDirection
  status: StepStatus
  attempts: number
  startedAt: Date
  finishedAt: Date | null
  error: string | null
  result: Record<string, unknown> | null
}

/** A saga as operators and the admin API see it. */
export interface Saga {
  id: string
  kind: SagaKind
  orderId: string
  status: SagaStatus
  currentStep: string | null
  lastError: string | null
  attempts: number
  nextAttemptAt: string | null
  actionDeadline: string | null
  steps: {
    name: string
    direction: StepDirection
    status: StepStatus
    attempts: number
    startedAt: string
    finishedAt: string | null
    error: string | null
  }[]
  createdAt: string
  updatedAt: string
}

/**
 * Each kind's steps, forward in order, and its compensations in the order they run. Checkout is reserve → authorize
 * → mark paid → commit → capture → close the cart; undone by giving the money back, the stock back, and cancelling
 * the order. Cancel and refund move money and stock of an order already placed, and are not undone.
 */
export const sagaSteps = {
  checkout: {
    forward: [
      'reserve_stock',
      'authorize_payment',
      'mark_paid',
      'commit_reservation',
      'capture_payment',
      'close_cart',
    ],
    compensate: ['void_payment', 'release_stock', 'cancel_order'],
  },
  cancel: { forward: ['void_payment', 'release_stock', 'cancel_order'], compensate: [] },
  refund: { forward: ['refund_payment', 'restock', 'record_refund'], compensate: [] },
} as const satisfies Record<SagaKind, { forward: readonly string[]; compensate: readonly string[] }>

/**
 * Forward steps after which running out of retries no longer undoes the checkout: the order is paid, so an operator
 * finishes it (needs_attention) rather than the shop taking the customer's money back on its own.
 */
export const pointOfNoReturn: Record<SagaKind, string | null> = {
  checkout: 'mark_paid',
  cancel: null,
  refund: null,
}

/** The step a saga runs next, or null when its current direction is done. */
export const nextStep = (
  kind: SagaKind,
  status: SagaStatus,
  steps: Pick<StepRecord, 'name' | 'direction' | 'status'>[],
): { name: string; direction: StepDirection } | null => {
  const direction: StepDirection = status === 'compensating' ? 'compensate' : 'forward'
  const names: readonly string[] = sagaSteps[kind][direction]
  const done = new Set(
    steps.filter((s) => s.direction === direction && s.status === 'succeeded').map((s) => s.name),
  )
  const name = names.find((n) => !done.has(n))
  return name ? { name, direction } : null
}

/** Whether the saga went past its point of no return, so that giving up forward is an operator's call. */
export const pastPointOfNoReturn = (
  kind: SagaKind,
  steps: Pick<StepRecord, 'name' | 'direction' | 'status'>[],
): boolean => {
  const point = pointOfNoReturn[kind]
  return (
    point !== null &&
    steps.some((s) => s.direction === 'forward' && s.name === point && s.status === 'succeeded')
  )
}

/** How long to wait before attempt `attempts + 1`: quick at first (a provider's hiccup), then backing off. */
export const backoffMs = (attempts: number, baseMs: number, maxMs: number): number =>
  Math.min(maxMs, baseMs * 4 ** Math.max(0, attempts - 1))

/** Where a saga in a settled status stands. */
export const isSettled = (status: SagaStatus): boolean =>
  status === 'completed' || status === 'compensated' || status === 'needs_attention'

/** The direction an operator's retry resumes: back into compensation if it had begun, else forward. */
export const resumeStatus = (steps: Pick<StepRecord, 'direction'>[]): 'running' | 'compensating' =>
  steps.some((s) => s.direction === 'compensate') ? 'compensating' : 'running'

export const sagaView = (saga: SagaRecord, steps: StepRecord[]): Saga => ({
  id: saga.id,
  kind: saga.kind,
  orderId: saga.orderId,
  status: saga.status,
  currentStep: saga.currentStep,
  lastError: saga.lastError,
  attempts: saga.attempts,
  nextAttemptAt: isSettled(saga.status) ? null : saga.nextAttemptAt.toISOString(),
  actionDeadline: saga.actionDeadline?.toISOString() ?? null,
  steps: steps.map((s) => ({
    name: s.name,
    direction: s.direction,
    status: s.status,
    attempts: s.attempts,
    startedAt: s.startedAt.toISOString(),
    finishedAt: s.finishedAt?.toISOString() ?? null,
    error: s.error,
  })),
  createdAt: saga.createdAt.toISOString(),
  updatedAt: saga.updatedAt.toISOString(),
})

/** A cursor over (created_at, id), newest first. */
export const encodeCursor = (saga: Pick<SagaRecord, 'createdAt' | 'id'>): string =>
  Buffer.from(`${saga.createdAt.toISOString()}|${saga.id}`).toString('base64url')

export const decodeCursor = (cursor: string): { createdAt: Date; id: string } | null => {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  if (!at || !id) return null
  const createdAt = new Date(at)
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id }
}
