/**
 * True when `error` is PostgreSQL's unique_violation (23505), and, when `constraint` is given, that constraint's:
 * a caller that expects one duplicate must not turn another into the same answer. Recognised by shape
 * (postgres.js' PostgresError), so callers need no driver import.
 */
export const isUniqueViolation = (error: unknown, constraint?: string): boolean => {
  const { code, constraint_name } = (error ?? {}) as { code?: unknown; constraint_name?: unknown }
  return code === '23505' && (constraint === undefined || constraint_name === constraint)
}
