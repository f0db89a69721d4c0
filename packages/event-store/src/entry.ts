import type { Queryable } from '@myshop/db'
import { assertSchemaName } from '@myshop/db'
import type { HashedFields } from './canonical.ts'

/** A fact to record: what happened to which stream, told by whom, when. */
export interface NewEntry extends Omit<HashedFields, 'occurredAt' | 'prevHash'> {
  occurredAt: Date | string
}

/** An entry as stored: its place in the chain and the hashes that link it. */
export interface Entry extends HashedFields {
  seq: number
  hash: string
}

interface EntryRow extends Omit<Entry, 'occurredAt'> {
  occurredAt: Date
}

export const table = (schema: string) => `${assertSchemaName(schema)}.event_store`

export const columns = (sql: Queryable) =>
  sql`seq, stream_type as "streamType", stream_id as "streamId", type, version, data, actor,
      occurred_at as "occurredAt", prev_hash as "prevHash", hash`

export const fromRow = (row: EntryRow): Entry => ({ ...row, occurredAt: row.occurredAt.toISOString() })

export type { EntryRow }
