import type { Queryable } from '@myshop/db'
import { columns, type Entry, type EntryRow, fromRow, table } from './entry.ts'

/** One stream's entries in the order they were appended, for a service to fold into the stream's current state. */
export const rebuild = async (
  sql: Queryable,
  schema: string,
  streamType: string,
  streamId: string,
): Promise<Entry[]> => {
  const name = table(schema)
  const rows = await sql<EntryRow[]>`
    select ${columns(sql)} from ${sql(name)}
    where stream_type = ${streamType} and stream_id = ${streamId} order by seq`
  return rows.map(fromRow)
}
