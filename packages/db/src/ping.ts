import type { Queryable } from './connect.ts'

/** The readiness probe of a service's database: resolves once PostgreSQL answers a query, rejects otherwise. */
export const ping = async (sql: Queryable): Promise<void> => {
  await sql`select 1`
}
