// Requests generated from the merged OpenAPI document: every operation, every parameter and body field it
// declares, filled with schema-valid values, real ids and hostile values. Nothing here names a route, so a
// route added to any service is fuzzed as soon as it appears in the document.
import fc from 'fast-check'
import {
  deepJson,
  headerValue,
  hostileNumber,
  hostileNumberStrings,
  hostileString,
  hostileValue,
  RawJson,
  RawUrl,
  rawUrlFragments,
} from './hostile.ts'

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI schema is arbitrary JSON
type Schema = Record<string, any>

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: Schema
}

export interface Operation {
  method: string
  /** The templated path, `/api/v1/products/{id}`. */
  path: string
  parameters: Parameter[]
  /** Media type → schema of the request body, when the operation takes one. */
  body?: Record<string, Schema>
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Schema>>
  components?: { schemas?: Record<string, Schema> }
}

const methods = ['get', 'put', 'post', 'delete', 'patch']

/** Every operation of the document with its parameters (path-level ones included) and body schemas. */
export const operationsOf = (doc: OpenApiDocument): Operation[] =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    methods
      .filter((method) => item[method])
      .map((method) => {
        const op = item[method] as Schema
        const content = op.requestBody?.content as Record<string, { schema?: Schema }> | undefined
        return {
          method: method.toUpperCase(),
          path,
          parameters: [
            ...((item.parameters ?? []) as Parameter[]),
            ...((op.parameters ?? []) as Parameter[]),
          ],
          ...(content && {
            body: Object.fromEntries(
              Object.entries(content).map(([type, media]) => [type, media.schema ?? {}]),
            ),
          }),
        }
      }),
  )

/** One generated request, kept as data so that a failing run prints exactly what was sent. */
export interface FuzzRequest {
  method: string
  path: string
  query: [string, string | RawUrl][]
  headers: Record<string, string>
  /** How the body is sent: JSON (possibly with a lying content type), raw text, a form, or none. */
  body?:
    | { kind: 'json'; contentType: string | null; value: unknown }
    | { kind: 'text'; contentType: string | null; text: string }
    | { kind: 'form'; fields: [string, string | { name: string; type: string; bytes: number[] }][] }
}

/**
 * Headers the gateway and services read from clients (conditional reads, idempotency, tracing, the client's
 * address, content negotiation), fuzzed on every operation besides any the document declares.
 */
export const readHeaders = [
  'if-none-match',
  'idempotency-key',
  'x-request-id',
  'traceparent',
  'x-forwarded-for',
  'x-real-ip',
  'x-forwarded-proto',
  'x-forwarded-host',
  'accept',
  'accept-language',
  'origin',
  'cookie',
]

/** Ids and cursors taken from real responses, mixed into path, query and body values. */
export interface RealValues {
  ids: string[]
  cursors: string[]
  /** The cursors as the API issued them, without forgeries. */
  issuedCursors: string[]
}

const cap = (n: number | undefined, max: number) => Math.min(n ?? max, max)

export const schemaTools = (doc: OpenApiDocument, real: RealValues) => {
  const resolve = (schema: Schema): Schema => {
    let s = schema
    for (let i = 0; s?.$ref && i < 10; i++)
      s = doc.components?.schemas?.[String(s.$ref).split('/').pop() ?? ''] ?? {}
    return s ?? {}
  }

  /** Whether a schema holds a number (an integer, a number, or an integer written as text). */
  const numeric = (raw: Schema): boolean => {
    const s = resolve(raw)
    const types = ([] as unknown[]).concat(s.type ?? [])
    return (
      types.includes('integer') ||
      types.includes('number') ||
      s.format === 'integer' ||
      [...(s.anyOf ?? []), ...(s.oneOf ?? [])].some(numeric)
    )
  }

  const realId = real.ids.length ? fc.constantFrom(...real.ids) : fc.constant('none')

  /** A value the schema accepts (string patterns, formats, bounds, enums, required keys). */
  const validOf = (raw: Schema): fc.Arbitrary<unknown> => {
    const s = resolve(raw)
    if ('const' in s) return fc.constant(s.const)
    if (s.enum) return fc.constantFrom(...s.enum)
    const alternatives = s.anyOf ?? s.oneOf
    if (alternatives)
      return fc.oneof(
        ...alternatives.map((a: Schema) => validOf({ ...s, anyOf: undefined, oneOf: undefined, ...a })),
      )
    if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type: string) => validOf({ ...s, type })))
    switch (s.type) {
      case 'null':
        return fc.constant(null)
      case 'boolean':
        return fc.boolean()
      case 'integer':
        return fc
          .bigInt({ min: BigInt(Math.ceil(s.minimum ?? -1e6)), max: BigInt(Math.floor(s.maximum ?? 1e6)) })
          .map(Number)
      case 'number':
        return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true })
      case 'string':
        return validString(s)
      case 'array': {
        const items = validOf(s.items ?? {})
        const length = {
          minLength: cap(s.minItems, 3),
          maxLength: Math.max(cap(s.minItems, 3), cap(s.maxItems, 3)),
        }
        return s.uniqueItems
          ? fc.uniqueArray(items, { ...length, selector: (v) => JSON.stringify(v) })
          : fc.array(items, length)
      }
      case 'object':
        return validObject(s)
      default:
        return fc.jsonValue({ maxDepth: 2 })
    }
  }

  const validString = (s: Schema): fc.Arbitrary<string> => {
    const max = cap(s.maxLength, 40)
    const min = Math.min(s.minLength ?? 0, max)
    if (s.format === 'integer')
      return fc.bigInt({ min: BigInt(s.minimum ?? 0), max: BigInt(s.maximum ?? 1e6) }).map(String)
    if (s.format === 'email') return fc.emailAddress()
    if (s.pattern && s.pattern !== '^(.*)$')
      return fc.oneof(
        fc.stringMatching(new RegExp(s.pattern)).map((v) => v.slice(0, s.maxLength ?? 1000)),
        realId,
      )
    return fc
      .string({ minLength: min, maxLength: Math.max(min, max) })
      .map((v) => (/\S/.test(v) ? v : `${v}x`))
  }

  const validObject = (s: Schema): fc.Arbitrary<Record<string, unknown>> => {
    const props = (s.properties ?? {}) as Record<string, Schema>
    const free = s.patternProperties ? Object.values(s.patternProperties)[0] : undefined
    const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validOf(v)])), {
      requiredKeys: (s.required ?? []).filter((k: string) => k in props),
    })
    if (!free) return record
    return fc
      .tuple(record, fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), validOf(free), { maxKeys: 3 }))
      .map(([a, b]) => ({ ...b, ...a }))
  }

  /** A field's value: mostly schema-valid, sometimes hostile or a real id of anything. */
  const fieldOf = (raw: Schema, depth = 0): fc.Arbitrary<unknown> => {
    const s = resolve(raw)
    const nested =
      depth < 3 && s.type === 'object'
        ? fuzzObject(s, depth + 1)
        : depth < 3 && s.type === 'array'
          ? fc.array(fieldOf(s.items ?? {}, depth + 1), { maxLength: cap(s.maxItems, 4) + 1 })
          : validOf(s)
    return fc.oneof(
      { weight: 6, arbitrary: nested },
      { weight: 2, arbitrary: hostileValue },
      ...(numeric(s) ? [{ weight: 2, arbitrary: hostileNumber }] : []),
      { weight: 1, arbitrary: realId },
      ...(s.type === 'object' ? [{ weight: 1, arbitrary: fc.constantFrom(...deepJson) }] : []),
    )
  }

  /** An object whose fields are fuzzed, with a required key sometimes dropped and unknown keys sometimes added. */
  const fuzzObject = (s: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> => {
    const props = (s.properties ?? {}) as Record<string, Schema>
    const required = ((s.required ?? []) as string[]).filter((k) => k in props)
    const free = s.patternProperties ? (Object.values(s.patternProperties)[0] as Schema) : undefined
    const extraKey = fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'id', ''))
    return fc
      .tuple(
        fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fieldOf(v, depth)])), {
          requiredKeys: required,
        }),
        fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, fc.constantFrom(null, ...required)),
        fc.oneof(
          { weight: 3, arbitrary: fc.constant({}) },
          {
            weight: 1,
            arbitrary: fc.dictionary(extraKey, free ? fieldOf(free, depth) : hostileValue, { maxKeys: 4 }),
          },
        ),
      )
      .map(([fuzzed, drop, extra]) => {
        const out: Record<string, unknown> = { ...extra }
        for (const [k, v] of Object.entries(fuzzed)) if (k !== drop) out[k] = v
        return out
      })
  }

  /** A hostile value fitted to a schema's type: numbers for numeric fields, deep JSON for objects, any other. */
  const hostileFor = (s: Schema): fc.Arbitrary<unknown> =>
    fc.oneof(
      { weight: 3, arbitrary: hostileValue },
      ...(numeric(s) ? [{ weight: 4, arbitrary: hostileNumber }] : []),
      ...(resolve(s).type === 'object' ? [{ weight: 1, arbitrary: fc.constantFrom(...deepJson) }] : []),
      { weight: 1, arbitrary: realId },
    )

  /**
   * A valid value with exactly one thing wrong somewhere inside it (a field replaced, a required key dropped, an
   * unknown key added): with everything else valid, the value reaches the code behind the validation.
   */
  const mutate = (value: unknown, raw: Schema): fc.Arbitrary<unknown> => {
    const s = resolve(raw)
    if (Array.isArray(value) && value.length > 0)
      return fc.oneof(
        { weight: 1, arbitrary: hostileFor(s) },
        {
          weight: 3,
          arbitrary: fc
            .nat(value.length - 1)
            .chain((i) => mutate(value[i], s.items ?? {}).map((v) => value.map((x, k) => (k === i ? v : x)))),
        },
      )
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
      const keys = Object.keys(value)
      const record = value as Record<string, unknown>
      const free = s.patternProperties ? (Object.values(s.patternProperties)[0] as Schema) : {}
      return fc.oneof(
        { weight: 1, arbitrary: hostileFor(s) },
        {
          weight: 4,
          arbitrary: fc
            .constantFrom(...keys)
            .chain((k) => mutate(record[k], s.properties?.[k] ?? free).map((v) => ({ ...record, [k]: v }))),
        },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom(...keys)
            .map((k) => Object.fromEntries(keys.filter((x) => x !== k).map((x) => [x, record[x]]))),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'id')), hostileValue)
            .map(([k, v]) => {
              const out: Record<string, unknown> = { ...record }
              Object.defineProperty(out, k, {
                value: v,
                enumerable: true,
                configurable: true,
                writable: true,
              })
              return out
            }),
        },
      )
    }
    return hostileFor(s)
  }

  const mutateOne = (schema: Schema) => validOf(schema).chain((v) => mutate(v, schema))

  /** A body: valid, fuzzed field by field, or hostile as a whole, sent with honest or lying content types. */
  const bodyOf = (body: Record<string, Schema>): fc.Arbitrary<FuzzRequest['body']> => {
    const types = Object.keys(body)
    const json = types.find((t) => t.includes('json'))
    const schema = resolve(body[json ?? types[0] ?? ''] ?? {})
    const fuzzed = schema.type === 'object' ? fuzzObject(schema, 0) : fieldOf(schema)
    const value = fc.oneof(
      { weight: 2, arbitrary: validOf(schema) },
      { weight: 6, arbitrary: mutateOne(schema) },
      { weight: 2, arbitrary: fuzzed },
      { weight: 1, arbitrary: hostileValue },
    )
    const asText = fc.oneof(
      fc.constantFrom(
        '',
        '{',
        '{"a":1,}',
        "{'a':1}",
        '{"a":NaN}',
        '\uFEFF{}',
        '{"a":1,"a":2}',
        'null',
        '[]',
        '\u0000',
      ),
      hostileString,
    )
    const contentType = fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/merge-patch+json',
      '*/*',
      'garbage',
      null,
    )
    const field = fc.oneof(
      fc.tuple(
        fc.oneof(fc.constantFrom(...Object.keys(schema.properties ?? { file: 1 })), hostileString),
        hostileString,
      ),
      fc.tuple(
        fc.constantFrom(...Object.keys(schema.properties ?? { file: 1 })),
        fc.record({
          name: fc.oneof(fc.constant('photo.png'), hostileString),
          type: fc.constantFrom(
            'image/png',
            'image/jpeg',
            'image/svg+xml',
            'text/html',
            'application/x-msdownload',
            '',
          ),
          bytes: fc.oneof(
            fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }),
            fc.constant<number[]>([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
          ),
        }),
      ),
    )
    return fc.oneof(
      {
        weight: 8,
        arbitrary: value.map((v) => ({
          kind: 'json' as const,
          contentType: json ?? 'application/json',
          value: v,
        })),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('json' as const), contentType, value }) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('text' as const),
          contentType: fc.constantFrom('application/json', null),
          text: asText,
        }),
      },
      {
        weight: types.some((t) => t.startsWith('multipart')) ? 4 : 1,
        arbitrary: fc.record({
          kind: fc.constant('form' as const),
          fields: fc.array(field, { maxLength: 4 }),
        }),
      },
      { weight: 1, arbitrary: fc.constant(undefined) },
    )
  }

  /** A hostile path or query value fitted to the parameter: forged cursors for a cursor, numbers for a number. */
  const hostileUrlValueOf = (p: Parameter): fc.Arbitrary<string | RawUrl> =>
    fc.oneof(
      { weight: 4, arbitrary: hostileString.filter((v) => v.length <= 12_000) },
      { weight: numeric(p.schema ?? {}) ? 6 : 0, arbitrary: fc.constantFrom(...hostileNumberStrings) },
      {
        weight: /cursor/i.test(p.name) && real.cursors.length ? 8 : 0,
        arbitrary: fc.constantFrom(...real.cursors, ''),
      },
      { weight: 1, arbitrary: fc.constantFrom(...rawUrlFragments) },
      { weight: 1, arbitrary: realId },
    )

  /** A path or query value the schema accepts, as text; a real one for a cursor. */
  const validUrlValueOf = (p: Parameter): fc.Arbitrary<string> => {
    if (/cursor/i.test(p.name) && real.issuedCursors.length) return fc.constantFrom(...real.issuedCursors)
    const s = resolve(p.schema ?? {})
    return (s.type === 'array' ? validOf(s.items ?? {}) : validOf(s)).map((v) =>
      typeof v === 'string' ? v : JSON.stringify(v),
    )
  }

  /** A path or query value: schema-valid, a real id or cursor, hostile, or a raw malformed encoding. */
  const urlValueOf = (raw: Schema | undefined, name = ''): fc.Arbitrary<string | RawUrl> => {
    const s = resolve(raw ?? {})
    const valid = (s.type === 'array' ? validOf(s.items ?? {}) : validOf(s)).map((v) =>
      typeof v === 'string' ? v : JSON.stringify(v),
    )
    return fc.oneof(
      { weight: 4, arbitrary: valid },
      { weight: 2, arbitrary: realId },
      // A cursor parameter, whatever its route, mostly gets real cursors and forgeries of them.
      ...(real.cursors.length
        ? [{ weight: /cursor/i.test(name) ? 12 : 1, arbitrary: fc.constantFrom(...real.cursors) }]
        : []),
      // Past 16 KB a URL meets the HTTP server's own limit (a bare 431) and no route code runs at all.
      { weight: 4, arbitrary: hostileString.filter((v) => v.length <= 12_000) },
      ...(numeric(s) ? [{ weight: 4, arbitrary: fc.constantFrom(...hostileNumberStrings) }] : []),
      { weight: 1, arbitrary: fc.constantFrom(...rawUrlFragments) },
    )
  }

  /** Every request an operation may be sent: each declared parameter fuzzed, absent, or repeated. */
  const requestOf = (op: Operation): fc.Arbitrary<FuzzRequest> => {
    const pathParams = op.parameters.filter((p) => p.in === 'path')
    const queryParams = op.parameters.filter((p) => p.in === 'query')
    const headerNames = [
      ...new Set([
        ...op.parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
        ...readHeaders,
      ]),
    ]
    const queryEntry = (p: Parameter) =>
      fc
        .oneof(
          // Often absent, so that a value meets the defaults of the others (a cursor the default sort issued).
          { weight: 4, arbitrary: fc.constant([] as (string | RawUrl)[]) },
          { weight: 4, arbitrary: urlValueOf(p.schema, p.name).map((v) => [v]) },
          { weight: 1, arbitrary: fc.array(urlValueOf(p.schema, p.name), { minLength: 2, maxLength: 25 }) },
        )
        .map((values) => values.map((v) => [p.name, v] as [string, string | RawUrl]))
    const asEntries = (p: Parameter) => (values: (string | RawUrl)[]) =>
      values.map((v) => [p.name, v] as [string, string | RawUrl])
    // Every parameter valid or absent but one, which gets hostile values: a single bad value is not hidden
    // behind another parameter's 422.
    const targets = [...pathParams, ...queryParams]
    const oneHostile = fc
      .record({
        path: fc.tuple(...pathParams.map((p) => fc.oneof(realId, validUrlValueOf(p))), fc.constant(null)),
        query: fc.tuple(
          ...queryParams.map((p) =>
            // Mostly absent: a present parameter may refuse a value its schema allows (a made-up cursor).
            fc.oneof(
              { weight: 2, arbitrary: fc.constant([] as (string | RawUrl)[]) },
              { weight: 1, arbitrary: validUrlValueOf(p).map((v) => [v]) },
            ),
          ),
          fc.constant([] as (string | RawUrl)[]),
        ),
        mutation: targets.length
          ? fc
              .nat(targets.length - 1)
              .chain((t) =>
                fc
                  .array(hostileUrlValueOf(targets[t]!), { minLength: 1, maxLength: 3 })
                  .map((hostile) => ({ target: t, hostile })),
              )
          : fc.constant({ target: 0, hostile: [] as (string | RawUrl)[] }),
      })
      .map(({ path, query, mutation: { target, hostile } }) => {
        const paths = [...path] as (string | RawUrl | null)[]
        const queries = [...query] as (string | RawUrl)[][]
        if (target < pathParams.length) paths[target] = hostile[0] ?? ''
        else if (queryParams.length) queries[target - pathParams.length] = hostile
        return {
          path: paths,
          query: queries.map((values, i) => (queryParams[i] ? asEntries(queryParams[i])(values) : [])),
        }
      })
    const allFuzzed = fc.record({
      path: fc.tuple(...pathParams.map((p) => urlValueOf(p.schema)), fc.constant(null)),
      query: fc.tuple(...queryParams.map(queryEntry), fc.constant([])),
    })
    return fc
      .record({
        params: fc.oneof({ weight: 3, arbitrary: oneHostile }, { weight: 2, arbitrary: allFuzzed }),
        unknownQuery: fc.array(fc.tuple(hostileString, hostileString), { maxLength: 2 }),
        headers: fc.dictionary(fc.constantFrom(...headerNames), headerValue, { maxKeys: 3 }),
        body: op.body ? bodyOf(op.body) : fc.constant(undefined),
      })
      .map(({ params: { path, query }, unknownQuery, headers, body }) => {
        let url = op.path
        pathParams.forEach((p, i) => {
          url = url.replace(`{${p.name}}`, encodeUrlValue(path[i] as string | RawUrl))
        })
        return {
          method: op.method,
          path: url,
          query: [...(query as [string, string | RawUrl][][]).flat(), ...unknownQuery],
          headers,
          ...(body && { body }),
        }
      })
  }

  return { requestOf, validOf }
}

/** Percent-encodes a value; unpaired surrogates (which encodeURIComponent refuses) go as their raw UTF-8 bytes. */
export const encodeUrlValue = (v: string | RawUrl): string => {
  if (v instanceof RawUrl) return v.text
  try {
    return encodeURIComponent(v)
  } catch {
    return v
      .replace(/[\uD800-\uDFFF]/g, '\uFFFD')
      .split('\uFFFD')
      .map(encodeURIComponent)
      .join('%ED%A0%80')
  }
}

/** The request's URL relative to the gateway. */
export const urlOf = (r: FuzzRequest): string => {
  const query = r.query.map(([k, v]) => `${encodeUrlValue(k)}=${encodeUrlValue(v)}`).join('&')
  return query ? `${r.path}?${query}` : r.path
}

/** JSON text with RawJson values spliced in as they are. */
export const jsonText = (value: unknown): string => {
  const raws: string[] = []
  const text = JSON.stringify(value, (_k, v) => {
    if (v instanceof RawJson) {
      raws.push(v.text)
      return `\u0001raw${raws.length - 1}\u0001`
    }
    return v
  })
  return (text ?? 'null').replace(/"\\u0001raw(\d+)\\u0001"/g, (_m, i) => raws[Number(i)] ?? 'null')
}

/** A shopper's browser: routes that turn automated clients away (tracking drops bots) are fuzzed past that check. */
const browserAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36'

/** Builds the fetch init of a generated request. */
export const requestInit = (r: FuzzRequest, token: string | undefined): RequestInit => {
  const headers = new Headers(r.headers)
  if (!headers.has('user-agent')) headers.set('user-agent', browserAgent)
  if (token) headers.set('authorization', `Bearer ${token}`)
  let body: BodyInit | undefined
  if (r.body?.kind === 'json' || r.body?.kind === 'text') {
    body = r.body.kind === 'json' ? jsonText(r.body.value) : r.body.text
    if (r.body.contentType) headers.set('content-type', r.body.contentType)
    else headers.delete('content-type')
  } else if (r.body?.kind === 'form') {
    const form = new FormData()
    for (const [name, v] of r.body.fields)
      form.append(
        name,
        typeof v === 'string' ? v : new File([new Uint8Array(v.bytes)], v.name, { type: v.type }),
      )
    body = form
  }
  return { method: r.method, headers, ...(body !== undefined && { body }) }
}
