import type { Queryable } from '@myshop/db'
import type {
  SagaKind,
  SagaPayload,
  SagaRecord,
  SagaStatus,
  StepDirection,
  StepRecord,
  StepStatus,
} from './model.ts'

const columns = (sql: Queryable) =>
  sql`id, kind, order_id as "orderId", status, current_step as "currentStep", payload,
      lease_owner as "leaseOwner", lease_until as "leaseUntil", next_attempt_at as "nextAttemptAt", attempts,
      last_error as "lastError", action_deadline as "actionDeadline", idempotency_key as "idempotencyKey",
      fingerprint, created_at as "createdAt", updated_at as "updatedAt"`

type Json = Parameters<Queryable['json']>[0]
const json = (sql: Queryable, value: unknown) => sql.json(value as Json)

/**
 * Inserts a saga, leased to `owner` until `leaseUntil`, unless one with its idempotency key exists (false then). A
 * request holding the same key in a transaction not yet committed makes this wait for it.
 */
export const insert = async (
  sql: Queryable,
  s: {
    id: string
    kind: SagaKind
    orderId: string
    payload: SagaPayload
    owner: string
    leaseUntil: Date
    idempotencyKey: string | null
    fingerprint: string | null
    at: Date
  },
): Promise<boolean> => {
  const rows = await sql`
    insert into orders.sagas
      (id, kind, order_id, status, payload, lease_owner, lease_until, next_attempt_at, idempotency_key, fingerprint,
       created_at, updated_at)
    values (${s.id}, ${s.kind}, ${s.orderId}, 'running', ${json(sql, s.payload)}, ${s.owner}, ${s.leaseUntil},
            ${s.at}, ${s.idempotencyKey}, ${s.fingerprint}, ${s.at}, ${s.at})
    on conflict (idempotency_key) do nothing
    returning id`
  return rows.length === 1
}

export const find = async (sql: Queryable, id: string): Promise<SagaRecord | null> => {
  const [row] = await sql<SagaRecord[]>`select ${columns(sql)} from orders.sagas where id = ${id}`
  return row ?? null
}

export const findByKey = async (sql: Queryable, key: string): Promise<SagaRecord | null> => {
  const [row] = await sql<SagaRecord[]>`
    select ${columns(sql)} from orders.sagas where idempotency_key = ${key}`
  return row ?? null
}

/** The order's sagas of `kind`, oldest first. */
export const forOrder = (sql: Queryable, orderId: string, kind?: SagaKind) =>
  sql<SagaRecord[]>`
    select ${columns(sql)} from orders.sagas
    where order_id = ${orderId} ${kind ? sql`and kind = ${kind}` : sql``}
    order by created_at, id`

export const steps = (sql: Queryable, sagaId: string) =>
  sql<StepRecord[]>`
    select name, direction, status, attempts, started_at as "startedAt", finished_at as "finishedAt", error, result
    from orders.saga_steps where saga_id = ${sagaId} order by seq`

/**
 * Extends the lease `owner` holds on a saga, answering the saga; null when the lease is no longer the owner's (it
 * expired, or another instance took it over), so the owner stops.
 */
export const renewLease = async (
  sql: Queryable,
  id: string,
  owner: string,
  until: Date,
  at: Date,
): Promise<SagaRecord | null> => {
  const [row] = await sql<SagaRecord[]>`
    update orders.sagas set lease_until = ${until}
    where id = ${id} and lease_owner = ${owner} and lease_until > ${at}
    returning ${columns(sql)}`
  return row ?? null
}

/** Takes a saga whose lease is free or expired (the recovery loop's and a resumer's way in); false when held. */
export const takeLease = async (
  sql: Queryable,
  id: string,
  owner: string,
  until: Date,
  at: Date,
): Promise<boolean> => {
  const rows = await sql`
    update orders.sagas set lease_owner = ${owner}, lease_until = ${until}
    where id = ${id} and (lease_until is null or lease_until <= ${at})
    returning id`
  return rows.length === 1
}

export const releaseLease = (sql: Queryable, id: string, owner: string) =>
  sql`update orders.sagas set lease_owner = null, lease_until = null where id = ${id} and lease_owner = ${owner}`

/**
 * Leases up to `limit` sagas that are due (running, compensating or awaiting the customer, their next attempt
 * reached) and held by nobody, or by an instance whose lease expired (it crashed). Rows another instance is
 * claiming at the same moment are skipped, so no two instances take the same saga.
 */
export const claimDue = async (
  sql: Queryable,
  owner: string,
  until: Date,
  at: Date,
  limit: number,
): Promise<string[]> =>
  (
    await sql<{ id: string }[]>`
      update orders.sagas set lease_owner = ${owner}, lease_until = ${until}
      where id in (
        select id from orders.sagas
        where status in ('running', 'compensating', 'awaiting_action') and next_attempt_at <= ${at}
          and (lease_until is null or lease_until <= ${at})
        order by next_attempt_at
        limit ${limit}
        for update skip locked)
        and (lease_until is null or lease_until <= ${at})
      returning id`
  ).map((r) => r.id)

/** Sets what changed of a saga. */
export const update = async (
  sql: Queryable,
  id: string,
  changes: {
    status?: SagaStatus
    currentStep?: string | null
    payload?: SagaPayload
    nextAttemptAt?: Date
    attempts?: number
    lastError?: string | null
    actionDeadline?: Date | null
  },
  at: Date,
) => {
  const set: Record<string, unknown> = { updated_at: at }
  if (changes.status !== undefined) set.status = changes.status
  if (changes.currentStep !== undefined) set.current_step = changes.currentStep
  if (changes.payload !== undefined) set.payload = json(sql, changes.payload)
  if (changes.nextAttemptAt !== undefined) set.next_attempt_at = changes.nextAttemptAt
  if (changes.attempts !== undefined) set.attempts = changes.attempts
  if (changes.lastError !== undefined) set.last_error = changes.lastError
  if (changes.actionDeadline !== undefined) set.action_deadline = changes.actionDeadline
  await sql`update orders.sagas set ${sql(set as Record<string, string>)} where id = ${id}`
}

/** Records that a step is being attempted (again), before its call is made. */
export const stepStarted = (
  sql: Queryable,
  sagaId: string,
  name: string,
  direction: StepDirection,
  at: Date,
) =>
  sql`
    insert into orders.saga_steps (saga_id, name, direction, status, attempts, started_at)
    values (${sagaId}, ${name}, ${direction}, 'started', 1, ${at})
    on conflict (saga_id, name, direction) do update
      set status = 'started', attempts = orders.saga_steps.attempts + 1, finished_at = null`

/** Records a step's outcome: succeeded or failed (finished), or still started with the error of its last attempt. */
export const stepSettled = (
  sql: Queryable,
  sagaId: string,
  name: string,
  direction: StepDirection,
  s: { status: StepStatus; error: string | null; result?: Record<string, unknown> | null; at: Date },
) =>
  sql`
    update orders.saga_steps set status = ${s.status}, error = ${s.error},
      finished_at = ${s.status === 'started' ? null : s.at},
      result = coalesce(${s.result ? json(sql, s.result) : null}::jsonb, result)
    where saga_id = ${sagaId} and name = ${name} and direction = ${direction}`

/** Sagas newest first, after the cursor, optionally of one status. */
export const list = (
  sql: Queryable,
  filter: { status?: SagaStatus | undefined; after?: { createdAt: Date; id: string } | null; limit: number },
) =>
  sql<SagaRecord[]>`
    select ${columns(sql)} from orders.sagas
    where true
      ${filter.status ? sql`and status = ${filter.status}` : sql``}
      ${filter.after ? sql`and (created_at, id) < (${filter.after.createdAt}, ${filter.after.id})` : sql``}
    order by created_at desc, id desc
    limit ${filter.limit}`
