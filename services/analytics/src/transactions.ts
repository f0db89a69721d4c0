import type { Db, Tx } from '@myshop/db'

/** A deadlock or a serialization failure: the transaction did nothing and can be run again as it was. */
const retriedCodes = new Set(['40P01', '40001'])

/**
 * Runs `work` in a transaction, again (up to `attempts` times in all) when PostgreSQL broke it off to resolve a
 * deadlock with another writer over the same rollup rows; any other failure is thrown at once.
 */
export const retriedTransaction = async <T>(
  sql: Db,
  work: (tx: Tx) => Promise<T>,
  attempts = 3,
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await sql.begin(work)) as T
    } catch (error) {
      const code = (error as { code?: string }).code
      if (attempt >= attempts || !code || !retriedCodes.has(code)) throw error
    }
  }
}
