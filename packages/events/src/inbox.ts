import { assertSchemaName, type Db, type Tx } from '@myshop/db'
import type { EventEnvelope } from './envelope.ts'

/** Whether `handleOnce` ran the effect or found the event already handled by this consumer. */
export type InboxResult = 'handled' | 'duplicate'

/**
 * Runs `effect` for an event at most once per consumer: the `(consumer, event_id)` row is inserted first, in the
 * effect's transaction. A redelivery finds the row and is skipped; a concurrent duplicate waits on the primary key
 * and is skipped once the first commits (or runs, if the first rolled back). An effect that throws rolls back both.
 */
const handleOnce = async (
  sql: Db,
  schema: string,
  consumer: string,
  envelope: Pick<EventEnvelope, 'id' | 'type'>,
  effect: (tx: Tx) => Promise<unknown>,
): Promise<InboxResult> => {
  const table = `${assertSchemaName(schema)}.inbox`
  return sql.begin(async (tx) => {
    const claimed = await tx`
      insert into ${tx(table)} (consumer, event_id, event_type)
      values (${consumer}, ${envelope.id}, ${envelope.type})
      on conflict do nothing
      returning event_id`
    if (claimed.length === 0) return 'duplicate' as const
    await effect(tx)
    return 'handled' as const
  })
}

/** The consumer side of exactly-once effects. */
export const inbox = { handleOnce }
