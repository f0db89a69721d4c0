import type { Tx } from '@myshop/db'
import { entryHash, genesisHash } from './canonical.ts'
import { columns, type Entry, type EntryRow, fromRow, type NewEntry, table } from './entry.ts'
import { chainLockKey } from './tables.ts'

/**
 * Appends an entry to `<schema>.event_store` in the caller's transaction, so it exists if and only if the change
 * it records commits. The chain's advisory lock is held from here to the end of the transaction: concurrent
 * appends wait instead of forking the chain, so append as the last write of a transaction to keep that wait
 * short. Run it in a read committed transaction (PostgreSQL's default); under a snapshot taken before the lock
 * the head read here can be stale, and the insert is then refused rather than forking the chain.
 */
export const append = async (tx: Tx, schema: string, entry: NewEntry): Promise<Entry> => {
  const name = table(schema)
  await tx`select pg_advisory_xact_lock(hashtextextended(${chainLockKey(schema)}, 0))`
  const [head] = await tx<{ hash: string }[]>`select hash from ${tx(name)} order by seq desc limit 1`
  const fields = {
    streamType: entry.streamType,
    streamId: entry.streamId,
    type: entry.type,
    version: entry.version,
    data: entry.data,
    actor: entry.actor,
    occurredAt: new Date(entry.occurredAt).toISOString(),
    prevHash: head?.hash ?? genesisHash,
  }
  const hash = entryHash(fields)
  const [row] = await tx<EntryRow[]>`
    insert into ${tx(name)} (stream_type, stream_id, type, version, data, actor, occurred_at, prev_hash, hash)
    values (
      ${fields.streamType}, ${fields.streamId}, ${fields.type}, ${fields.version},
      ${tx.json(fields.data as Parameters<typeof tx.json>[0])}, ${fields.actor}, ${fields.occurredAt},
      ${fields.prevHash}, ${hash}
    )
    returning ${columns(tx)}`
  return fromRow(row!)
}
