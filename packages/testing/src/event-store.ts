import type { Db } from '@myshop/db'

/**
 * Rewrites the data of one entry of `<schema>.event_store` behind the database's back, as only a superuser could
 * (its append-only trigger disabled for the statement, then enabled again), for tests that an audit trail's
 * verification finds the change. Call it again with the original data to put the entry back.
 */
export const tamperWithEntry = (sql: Db, schema: string, seq: number, data: unknown) =>
  sql.begin(async (tx) => {
    const table = `${schema}.event_store`
    await tx`alter table ${tx(table)} disable trigger event_store_append_only`
    await tx`update ${tx(table)} set data = ${tx.json(data as never)} where seq = ${seq}`
    await tx`alter table ${tx(table)} enable always trigger event_store_append_only`
  })
