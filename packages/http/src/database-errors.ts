/**
 * True for a PostgreSQL error that a client's data causes rather than a bug or an outage: class 22 (data
 * exception: a NUL or bad encoding, a number out of range, text that is not a number or a date, a value too long)
 * and 54001 (statement too complex, a stack depth limit reached). Validation refuses such data before any SQL; this
 * keeps anything it misses a 4xx. Recognised by shape (postgres.js' PostgresError), so no driver import is needed.
 */
export const isClientDataError = (error: unknown): boolean => {
  if (!(error instanceof Error) || error.name !== 'PostgresError') return false
  const code = (error as Error & { code?: unknown }).code
  return typeof code === 'string' && (code.startsWith('22') || code === '54001')
}
