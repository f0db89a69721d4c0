/** A JSON object, as OpenAPI documents are walked. */
export type Json = Record<string, unknown>

/** Whether `v` is a JSON object (not an array, not null). */
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
