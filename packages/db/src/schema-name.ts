// Schema names are spliced into DDL and queries, so only plain lower-case identifiers are accepted.
const schemaPattern = /^[a-z_][a-z0-9_]{0,62}$/

/** Throws unless `schema` is a plain lower-case PostgreSQL identifier; returns it for use in SQL text. */
export const assertSchemaName = (schema: string): string => {
  if (!schemaPattern.test(schema)) throw new Error(`schema name "${schema}" must match ${schemaPattern}`)
  return schema
}
