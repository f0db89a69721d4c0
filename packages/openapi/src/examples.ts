import { isObject, type Json } from './json.ts'

/** A time-sortable id's 26 characters (Crockford base32), for id patterns such as `^usr_[0-9A-HJKMNP-TV-Z]{26}$`. */
const idBody = '01JD8X5ZQ4V3N6M2K7P9R1T0W5'
const idPattern = /^\^([a-z]{3}|\[a-z\]\{3\})_\[0-9A-HJKMNP-TV-Z\]\{26\}\$$/

const formats: Record<string, string> = {
  'date-time': '2026-01-15T09:30:00.000Z',
  date: '2026-01-15',
  email: 'ada@example.com',
  uri: 'https://myshop.example/resource',
  url: 'https://myshop.example/resource',
  uuid: '0b6f3a52-6f8e-4c5b-9a1e-3f2d7c9e8b41',
}

const matches = (pattern: string, value: string) => {
  try {
    return new RegExp(pattern, 'u').test(value)
  } catch {
    return false
  }
}

const exampleString = (schema: Json, key: string): string | undefined => {
  if (typeof schema.format === 'string' && formats[schema.format]) return formats[schema.format]
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY
  const fit = (s: string) => (s.length < min ? s.padEnd(min, 'x') : s).slice(0, max)
  if (typeof schema.pattern !== 'string') return fit(key ? `example ${key}` : 'example')
  const id = idPattern.exec(schema.pattern)
  if (id) return `${id[1]!.startsWith('[') ? 'obj' : id[1]}_${idBody}`
  // Other patterns (slugs, codes, "not blank"): the first plain candidate the pattern accepts.
  const word = key.replace(/[^a-z]/gi, '').toLowerCase() || 'example'
  return [word, `example-${word}`, word.toUpperCase().slice(0, 3), 'EUR', 'SKU-1001', 'a1']
    .map(fit)
    .find((candidate) => matches(schema.pattern as string, candidate))
}

/** The branch of an `anyOf` / `oneOf` that best shows a value: not null, and not a string standing in for a number. */
const bestBranch = (branches: unknown[]): Json | undefined => {
  const usable = branches.filter(isObject)
  const stand = (b: Json) =>
    b.type === 'string' && ['integer', 'numeric', 'boolean'].includes(String(b.format))
  return usable.find((b) => b.type !== 'null' && !stand(b)) ?? usable[0]
}

/**
 * A value that satisfies a JSON schema, to show in documentation: the schema's own `examples`, `example`,
 * `default`, `const` or first `enum` value where it has one, otherwise one built from its type, format, pattern
 * and bounds. `undefined` when no value could be worked out (an unfamiliar pattern), so nothing false is shown.
 */
export const exampleOf = (schema: unknown, key = '', depth = 0): unknown => {
  if (!isObject(schema) || depth > 12) return undefined
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0]
  if (schema.example !== undefined) return schema.example
  if (schema.default !== undefined) return schema.default
  if (schema.const !== undefined) return schema.const
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0]
  for (const union of ['anyOf', 'oneOf'] as const) {
    const branches = schema[union]
    if (Array.isArray(branches)) return exampleOf(bestBranch(branches), key, depth + 1)
  }
  if (Array.isArray(schema.allOf))
    return Object.assign({}, ...schema.allOf.map((s) => exampleOf(s, key, depth + 1) ?? {}))
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
  switch (type) {
    case 'object': {
      const out: Json = {}
      for (const [name, sub] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
        const value = exampleOf(sub, name, depth + 1)
        if (value !== undefined) out[name] = value
      }
      return out
    }
    case 'array': {
      const item = exampleOf(schema.items, key, depth + 1)
      if (item === undefined) return []
      const items = isObject(schema.items) && Array.isArray(schema.items.enum) ? schema.items.enum : [item]
      const count = Math.max(1, typeof schema.minItems === 'number' ? schema.minItems : 1)
      return schema.uniqueItems ? items.slice(0, count) : Array.from({ length: count }, () => item)
    }
    case 'string':
      return exampleString(schema, key)
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : 1
      const max = typeof schema.maximum === 'number' ? schema.maximum : min
      return Math.min(Math.max(min, 1), max)
    }
    case 'boolean':
      return false
    case 'null':
      return null
    default:
      return undefined
  }
}
