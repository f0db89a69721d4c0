// Validation problems in words an API client or an operator can act on ("must be one of relevance, price_asc"),
// worked out from the route's schema, instead of TypeBox's and Elysia's messages about schema internals
// ("Property 'sort' should be one of: 'string', 'string'").
import type { FieldError } from '@myshop/errors'
import { ValueErrorType } from '@sinclair/typebox/errors'
import type { ValidationError } from 'elysia'

// A JSON Schema node as the route declared it; only the keywords read here.
type Schema = {
  type?: string | string[]
  const?: unknown
  anyOf?: Schema[]
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minItems?: number
  maxItems?: number
  minProperties?: number
  maxProperties?: number
}

type Issue = { type: number; schema: Schema; path: string; value: unknown }

const formats: Record<string, string> = {
  email: 'an email address',
  uuid: 'a UUID',
  'date-time': 'a date and time (ISO 8601, such as 2026-01-31T12:00:00Z)',
  date: 'a date (YYYY-MM-DD)',
  time: 'a time (HH:MM:SS)',
  uri: 'a URL',
  url: 'a URL',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  // Elysia's stand-ins for query and path values that it converts.
  numeric: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
}

// Patterns the API uses, said in words; others are quoted as they are published in the OpenAPI document.
const patterns: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^\^([a-z]+)_\[0-9A-HJKMNP-TV-Z\]\{26\}\$$/, (m) => `an id like ${m[1]}_…`],
  [/^\\S$/, () => 'text that is not blank'],
  [
    /^\^\[a-z0-9\]\+\(\?:-\[a-z0-9\]\+\)\*\$$/,
    () => 'lowercase letters and digits in words joined by single dashes',
  ],
  [/^\^\[A-Z\]\{3\}\$$/, () => 'three capital letters'],
  [
    /^\^\[A-Za-z0-9\]\[A-Za-z0-9\._\/-\]\*\$$/,
    () => 'letters, digits and . _ / -, starting with a letter or digit',
  ],
]

const patternWords = (pattern: string): string => {
  for (const [shape, words] of patterns) {
    const match = pattern.match(shape)
    if (match) return words(match)
  }
  return `text matching the pattern ${pattern}`
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

const entries = (n: number) => (n === 1 ? '1 entry' : `${n} entries`)

const listed = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`

const isNumeric = (s: Schema) => s.type === 'number' || s.type === 'integer'

/** A number's kind and range: "a whole number between 1 and 100". */
const numberWords = (s: Schema): string => {
  const kind = s.type === 'integer' ? 'a whole number' : 'a number'
  const low = s.minimum ?? s.exclusiveMinimum
  const high = s.maximum ?? s.exclusiveMaximum
  if (s.minimum !== undefined && s.maximum !== undefined)
    return `${kind} between ${s.minimum} and ${s.maximum}`
  const parts: string[] = []
  if (low !== undefined)
    parts.push(`${s.exclusiveMinimum !== undefined ? 'greater than' : 'of at least'} ${low}`)
  if (high !== undefined)
    parts.push(`${s.exclusiveMaximum !== undefined ? 'less than' : 'of at most'} ${high}`)
  return parts.length ? `${kind} ${parts.join(' and ')}` : kind
}

const literal = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))

/**
 * The branches of a union a client chooses between. Elysia gives a converted query or path value a text twin
 * (`{ type: 'string', format: 'numeric' }` beside the number): when a non-text branch is there, the twin is left out.
 */
const branches = (s: Schema): Schema[] => {
  const all = s.anyOf ?? []
  const twin = (b: Schema) => b.type === 'string' && b.format !== undefined && b.format in formats
  const real = all.filter((b) => !twin(b))
  return real.length ? real : all
}

/** What a value of this schema is, as a noun phrase: "a whole number between 1 and 100", "one of a, b". */
const noun = (s: Schema): string => {
  if (s.const !== undefined) return literal(s.const)
  if (s.anyOf) {
    const options = branches(s)
    if (options.every((b) => b.const !== undefined))
      return `one of ${options.map((b) => literal(b.const)).join(', ')}`
    return listed(options.map((b) => (b.type === 'boolean' ? 'a boolean' : noun(b))))
  }
  if (isNumeric(s)) return numberWords(s)
  switch (s.type) {
    case 'string':
      if (s.format && formats[s.format]) return formats[s.format]!
      if (s.pattern) return patternWords(s.pattern)
      return 'a string'
    case 'boolean':
      return 'true or false'
    case 'null':
      return 'null'
    case 'array':
      return 'a list'
    case 'object':
      return 'an object'
    default:
      return 'a valid value'
  }
}

/** The words after a field's name: "must be at most 100 characters", "is required". */
const predicate = ({ type, schema: s, value }: Issue): string => {
  // JSON has no undefined: a field that is undefined was not sent.
  if (value === undefined) return 'is required'
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'is required'
    case ValueErrorType.ObjectAdditionalProperties:
      return 'is not a field this request takes'
    case ValueErrorType.StringMaxLength:
      return `must be at most ${plural(s.maxLength ?? 0, 'character')}`
    case ValueErrorType.StringMinLength:
      return s.minLength === 1
        ? 'must not be empty'
        : `must be at least ${plural(s.minLength ?? 0, 'character')}`
    case ValueErrorType.ArrayMaxItems:
      return `must have at most ${plural(s.maxItems ?? 0, 'item')}`
    case ValueErrorType.ArrayMinItems:
      return s.minItems === 1 ? 'must not be empty' : `must have at least ${plural(s.minItems ?? 0, 'item')}`
    case ValueErrorType.ArrayUniqueItems:
      return 'must not repeat an item'
    case ValueErrorType.ObjectMaxProperties:
      return `must have at most ${entries(s.maxProperties ?? 0)}`
    case ValueErrorType.ObjectMinProperties:
      return `must have at least ${entries(s.minProperties ?? 0)}`
    default:
      return `must be ${noun(s)}`
  }
}

/**
 * Elysia checks a numeric query parameter's range after converting it, one property at a time, and that error
 * loses the parameter's name (it reports the path as empty: elysiajs/elysia#1822). The value it refused is kept,
 * so the query parameters that convert to it are the ones named.
 */
const numericQueryPaths = (error: Readonly<ValidationError>, request: Request): string[] => {
  if (error.type !== 'property' || typeof error.value !== 'number') return []
  const paths: string[] = []
  for (const [name, raw] of new URL(request.url).searchParams)
    if (raw.trim() !== '' && Number(raw) === error.value) paths.push(`/${name}`)
  return paths
}

/** A JSON pointer as a reader names the field: `/variants/0/price` is `variants[0].price`. */
const label = (path: string, part: string): string => {
  const steps = path.split('/').slice(1)
  if (steps.length === 0 || (steps.length === 1 && steps[0] === '')) {
    if (part === 'query') return 'The query'
    if (part === 'params') return 'The path'
    if (part === 'headers') return 'The headers'
    return 'The request body'
  }
  return steps
    .map((step) => step.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((name, step) => (/^\d+$/.test(step) ? `${name}[${step}]` : name ? `${name}.${step}` : step), '')
}

const mostSentences = 3

const fieldErrors = (error: Readonly<ValidationError>, request: Request): FieldError[] => {
  const errors: FieldError[] = []
  try {
    const named = numericQueryPaths(error, request)
    const seen = new Set<string>()
    for (const issue of error.all as unknown as Issue[]) {
      const message = predicate(issue)
      const paths = issue.path ? [issue.path] : named.length ? named : ['/']
      for (const path of paths) {
        // A missing field also fails its type; the first rule broken says enough.
        if (seen.has(path)) continue
        seen.add(path)
        errors.push({ path, message })
      }
    }
  } catch {
    // An error Elysia cannot enumerate still gets a problem, without details.
  }
  return errors.length ? errors : [{ path: '/', message: 'is not valid' }]
}

/**
 * The problem a request that failed schema validation gets: one error per field (the first rule it breaks), each a
 * phrase after the field's name, and a detail that says the first few as sentences.
 */
export const validationProblem = (
  error: Readonly<ValidationError>,
  request: Request,
): { detail: string; errors: FieldError[] } => {
  const part = String(error.type)
  const errors = fieldErrors(error, request)
  const sentences = errors.slice(0, mostSentences).map((e) => `${label(e.path, part)} ${e.message}.`)
  const more = errors.length - mostSentences
  if (more > 0) sentences.push(`And ${plural(more, 'more problem')}.`)
  return { detail: sentences.join(' '), errors }
}
