import type { Queryable } from '@myshop/db'
import { entryHash, genesisHash } from './canonical.ts'
import { columns, type EntryRow, fromRow, table } from './entry.ts'

/** The first entry where the chain does not hold, and why. */
export interface BrokenLink {
  seq: number
  reason: string
}

/** What `verify` found: how many entries hold, and the first that does not, if any. */
export interface VerifyResult {
  ok: boolean
  /** The entries checked and found intact (all of them when `ok`). */
  entries: number
  firstBroken?: BrokenLink
}

/** How `verify` reads the chain. */
export interface VerifyOptions {
  /** Entries read per query; the chain is never loaded whole. */
  batchSize?: number
}

/**
 * Walks `<schema>.event_store` in `seq` order, a batch at a time, recomputing each entry's hash and checking it
 * links to the one before. It checks the chain as it stood when it started; entries appended meanwhile are left
 * for the next run. An entry whose contents changed breaks at that entry; one removed, or rewritten together with
 * its own hash, breaks at the entry after it. Removing entries from the end leaves a shorter chain that holds:
 * compare `entries` with an earlier run's to see that.
 */
export const verify = async (
  sql: Queryable,
  schema: string,
  { batchSize = 1000 }: VerifyOptions = {},
): Promise<VerifyResult> => {
  const name = table(schema)
  const [{ last } = { last: 0 }] = await sql<{ last: number }[]>`
    select coalesce(max(seq), 0)::bigint as last from ${sql(name)}`
  let after = 0
  let previous = { seq: 0, hash: genesisHash }
  let entries = 0
  while (after < last) {
    const rows = await sql<EntryRow[]>`
      select ${columns(sql)} from ${sql(name)}
      where seq > ${after} and seq <= ${last} order by seq limit ${batchSize}`
    if (rows.length === 0) break
    for (const row of rows) {
      const entry = fromRow(row)
      if (entry.prevHash !== previous.hash)
        return {
          ok: false,
          entries,
          firstBroken: {
            seq: entry.seq,
            reason:
              previous.seq === 0
                ? 'it does not link to the start of the chain: an entry before it was removed'
                : `it does not link to entry ${previous.seq}: an entry between them was removed, or entry ${previous.seq} was rewritten`,
          },
        }
      if (entryHash(entry) !== entry.hash)
        return {
          ok: false,
          entries,
          firstBroken: {
            seq: entry.seq,
            reason: 'its hash does not match its contents: the entry was changed',
          },
        }
      previous = { seq: entry.seq, hash: entry.hash }
      entries++
    }
    after = rows.at(-1)!.seq
  }
  return { ok: true, entries }
}
