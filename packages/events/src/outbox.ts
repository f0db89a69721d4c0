import { assertSchemaName, type Queryable } from '@myshop/db'
import type { EventEnvelope } from './envelope.ts'

/** One outbox row as the relay reads it. */
export interface OutboxRow {
  seq: number
  id: string
  type: string
  version: number
  source: string
  occurred_at: Date
  data: unknown
  traceparent: string | null
  request_id: string | null
}

/** Rebuilds the envelope a producer wrote from its outbox row. */
export const envelopeFromRow = (row: OutboxRow): EventEnvelope => ({
  id: row.id,
  type: row.type,
  version: row.version,
  occurredAt: new Date(row.occurred_at).toISOString(),
  source: row.source,
  data: row.data,
  ...(row.traceparent !== null && { traceparent: row.traceparent }),
  ...(row.request_id !== null && { requestId: row.request_id }),
})

/**
 * Writes an event into `<schema>.outbox`. Pass the transaction that makes the state change, so the
 * event exists if and only if the change committed.
 */
const add = async (tx: Queryable, schema: string, envelope: EventEnvelope): Promise<void> => {
  const table = `${assertSchemaName(schema)}.outbox`
  await tx`
    insert into ${tx(table)} (id, type, version, source, occurred_at, data, traceparent, request_id)
    values (
      ${envelope.id}, ${envelope.type}, ${envelope.version}, ${envelope.source}, ${envelope.occurredAt},
      ${tx.json(envelope.data as Parameters<typeof tx.json>[0])}, ${envelope.traceparent ?? null},
      ${envelope.requestId ?? null}
    )`
}

/** Writes many events in one statement (bulk imports), in array order; same transaction rule as `add`. */
const addMany = async (tx: Queryable, schema: string, envelopes: EventEnvelope[]): Promise<void> => {
  if (envelopes.length === 0) return
  const table = `${assertSchemaName(schema)}.outbox`
  await tx`
    insert into ${tx(table)} (id, type, version, source, occurred_at, data, traceparent, request_id)
    select e->>'id', e->>'type', (e->>'version')::int, e->>'source', (e->>'occurredAt')::timestamptz, e->'data',
           e->>'traceparent', e->>'requestId'
    from jsonb_array_elements(${tx.json(envelopes as unknown as Parameters<typeof tx.json>[0])}) with ordinality as x(e, n)
    order by n`
}

/** The producer side of the outbox pattern. */
export const outbox = { add, addMany }
