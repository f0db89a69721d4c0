import { assertSchemaName, type Db } from '@myshop/db'

/**
 * Rewrites the data of one entry of `<schema>.event_store` the only way its triggers allow: as its owner or a
 * superuser, with the append-only trigger disabled for the moment of the update. For tests that show `verify`
 * finds such a change.
 */
export const rewriteAuditEntry = (sql: Db, schema: string, seq: number, data: unknown) => {
  const table = `${assertSchemaName(schema)}.event_store`
  return sql.begin(async (tx) => {
    await tx.unsafe(`alter table ${table} disable trigger event_store_append_only`)
    await tx`update ${tx(table)} set data = ${tx.json(data as never)} where seq = ${seq}`
    await tx.unsafe(`alter table ${table} enable always trigger event_store_append_only`)
  })
}
