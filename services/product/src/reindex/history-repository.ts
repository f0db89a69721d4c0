import type { Queryable } from '@myshop/db'

// The catalog's change history as a reindex reads it: every write and deletion of a product takes the next value
// of `catalog.product_versions`, and deletions are kept in `catalog.product_tombstones` until a reindex no longer
// needs them.

/** Where the catalog's change history stands: every write and deletion from now on gets a greater version. */
export const versionPosition = async (sql: Queryable) => {
  const [row] = await sql<{ position: number }[]>`select last_value as position from catalog.product_versions`
  return row!.position
}

/** Products written in the version range (after, until], in version order, `limit` at a time. */
export const writtenBetween = (sql: Queryable, after: number, until: number, limit: number) =>
  sql<{ id: string; version: number }[]>`
    select id, version from catalog.products where version > ${after} and version <= ${until}
    order by version limit ${limit}`

/** Products deleted in the version range (after, until], in version order, `limit` at a time. */
export const deletedBetween = (sql: Queryable, after: number, until: number, limit: number) =>
  sql<{ id: string; version: number }[]>`
    select product_id as id, version from catalog.product_tombstones
    where version > ${after} and version <= ${until}
    order by version limit ${limit}`

/** Forgets deletions up to `position` (a finished reindex built its index without those products). */
export const pruneDeletions = (sql: Queryable, position: number) =>
  sql`delete from catalog.product_tombstones where version <= ${position}`
