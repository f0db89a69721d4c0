// Values a hostile client sends. Every value is plain data so that a failing run prints as it was sent.
import fc from 'fast-check'

/** JSON text spliced into a body as is: nesting and sizes that JSON.stringify cannot build or would be slow to. */
export class RawJson {
  constructor(
    readonly label: string,
    readonly text: string,
  ) {}
  toString() {
    return this.label
  }
}

/** Text put into a URL as is (no percent-encoding), for malformed or smuggled encodings. */
export class RawUrl {
  constructor(readonly text: string) {}
}

const deep = (depth: number, open: string, close: string, inner: string) =>
  open.repeat(depth) + inner + close.repeat(depth)

/** Nested far beyond any sensible limit: a recursive parser or validator overflows its stack on these. */
export const deepJson: RawJson[] = [
  new RawJson('100000-deep objects', deep(100_000, '{"a":', '}', '1')),
  new RawJson('100000-deep arrays', deep(100_000, '[', ']', '1')),
  new RawJson('5000-deep objects', deep(5_000, '{"a":', '}', '"x"')),
]

export const hugeJson: RawJson[] = [
  new RawJson('array of 100000 numbers', `[${'0,'.repeat(99_999)}0]`),
  new RawJson('array of 20000 strings', `[${'"x",'.repeat(19_999)}"x"]`),
  new RawJson(
    'object with 20000 keys',
    `{${Array.from({ length: 20_000 }, (_, i) => `"k${i}":1`).join(',')}}`,
  ),
]

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** Strings every text field, id and query value gets tried with. */
export const hostileStrings: string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '\u0000\u0000\u0000\u0000',
  '\uD800',
  'x\uDFFFy',
  '\uFEFFbom',
  '\u202Egnp.exe',
  '\u200B\u200C\u200D',
  'e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308',
  `a${'\u0301'.repeat(5_000)}`,
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '１２３',
  '١٢٣',
  'ǅǈǋ İı ß ﬁ',
  '\t\r\n\v\f',
  'x'.repeat(257),
  'x'.repeat(10_001),
  '€'.repeat(70_000),
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(5)',
  "x' UNION SELECT email, password_hash FROM users --",
  '\\',
  "\\'",
  '%',
  '_%_',
  '$1',
  '::text',
  "E'\\x00'",
  '!',
  '&|!:*',
  "''",
  '<->',
  '(a+)+$',
  '[',
  '*',
  '{"$gt":""}',
  '{"__proto__":{"admin":true}}',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '/etc/passwd',
  'file:///etc/passwd',
  'http://169.254.169.254/latest/meta-data/',
  '%s%s%s%n',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as text
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  "=cmd|'/c calc'!A1",
  '-1',
  '0',
  '-0',
  '1.5',
  '1e23',
  '1e999',
  '-1e23',
  '9223372036854775807',
  '9223372036854775808',
  '18446744073709551616',
  '99999999999999999999999999999',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x1F',
  '0b11',
  '1_000',
  '  42  ',
  '4 2',
  '+5',
  'prd_00000000000000000000000000',
  'prd_ZZZZZZZZZZZZZZZZZZZZZZZZZZ',
  'usr_',
  'cat_!!!!!!!!!!!!!!!!!!!!!!!!!!',
  b64({}),
  b64([]),
  b64(null),
  b64('x'),
  b64({ sort: 'newest', after: ['not a date', 'prd_x'] }),
  b64({ sort: 'price_asc', after: [true, 1] }),
  b64({ sort: 'price_asc', after: [1e23, 'x'] }),
  b64({ sort: 'relevance', after: [{ a: 1 }, []] }),
  b64({ sort: 'nope', after: [] }),
  b64({ createdAt: true, id: 5 }),
  b64({ createdAt: '2026-13-45T99:99:99Z', id: 'usr_x' }),
  b64({ after: 'x'.repeat(900) }),
  'not-base64!!',
  '====',
  '-_-_',
]

/** Numbers written as text, at and beyond every range a column can hold, and numbers that are not quite numbers. */
export const hostileNumberStrings: string[] = [
  '-1',
  '-0',
  '0',
  '1.5',
  '1e23',
  '-1e23',
  '1e308',
  '1e999',
  '2147483648',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775809',
  '18446744073709551616',
  '99999999999999999999999999999',
  'NaN',
  'Infinity',
  '0x1F',
  '1_000',
  '  42  ',
  '+5',
  '',
  '１２３',
]

/** Numbers at and beyond every range a column or a JSON number can hold. */
export const hostileNumbers: number[] = [
  -1,
  -0,
  0,
  0.5,
  1.5,
  -1e23,
  1e23,
  1e308,
  2 ** 31,
  2 ** 53,
  2 ** 63,
  2 ** 64,
  -(2 ** 63),
  Number.MAX_VALUE,
  Number.MIN_VALUE,
]

/** Values of the wrong JSON type for any field. */
export const wrongTypes: unknown[] = [
  null,
  true,
  false,
  0,
  '',
  [],
  {},
  [null],
  ['a', 1, true],
  { a: 1 },
  { __proto__: null, constructor: { prototype: { admin: true } } },
  JSON.parse('{"__proto__":{"admin":true}}'),
]

/** Percent-encodings that are malformed, smuggle NULs, separators or surrogates, or decode to traversal. */
export const rawUrlFragments: RawUrl[] = [
  '%00',
  'a%00b',
  '%ZZ',
  '%',
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%AE%C0%AE%2F',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%2F..%2F',
  '%252e%252e%252f',
  '%u0000',
  '%0d%0aSet-Cookie:%20x=1',
  '%FF%FE',
  '%EF%BF%BF',
  'a%26b%3Dc',
  '%23frag',
].map((t) => new RawUrl(t))

/** Header values a client can send (fetch refuses CR, LF and NUL in headers, as any HTTP library does). */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'x'.repeat(8_000),
    '"*"',
    '*',
    'W/"x", "y", *',
    "' OR '1'='1",
    '../../etc/passwd',
    '00-00000000000000000000000000000000-0000000000000000-00',
    'ff-zzzzzzzz-zz-zz',
    '127.0.0.1, 10.0.0.1, ::1, not-an-ip',
    '999.999.999.999',
    '::ffff:127.0.0.1',
    'Bearer',
    'Bearer ',
    'Bearer x.y.z',
    'Basic YWRtaW46YWRtaW4=',
    'Bearer eyJhbGciOiJub25lIn0.eyJyb2xlcyI6WyJhZG1pbiJdfQ.',
    '%00',
    'ÿþ',
  ),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
)

const arbitraryString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({
    unit: fc.constantFrom('\u0000', "'", '"', '\\', '%', '_', ';', '-', '/', '.', 'a'),
    maxLength: 30,
  }),
)

/** A hostile string: from the lists above or generated, including unpaired surrogates and control characters. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 1, arbitrary: arbitraryString },
)

/** A hostile value for a numeric field or parameter: out-of-range and malformed numbers, as text and as JSON. */
export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileNumberStrings) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileNumbers) },
  { weight: 1, arbitrary: fc.constantFrom(...wrongTypes) },
)

/** A hostile value for a field of any type: strings, numbers, wrong types, deep and huge JSON. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...hostileNumbers) },
  { weight: 2, arbitrary: fc.constantFrom(...wrongTypes) },
  { weight: 1, arbitrary: fc.constantFrom(...deepJson, ...hugeJson) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
)

const wrongLeaves: unknown[] = [
  true,
  'x',
  '',
  1e23,
  -1,
  2 ** 63,
  1.5,
  null,
  '\u0000',
  '2026-13-45T99:99:99Z',
  'x'.repeat(600),
]

/**
 * Cursors forged from real ones: each is decoded (base64url JSON) and every value in it replaced, one at a
 * time, by a value of the wrong type or range, then encoded again, so the forgery passes any format check.
 */
export const forgeCursors = (cursors: string[]): string[] =>
  cursors.flatMap((cursor) => {
    let decoded: unknown
    try {
      decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    } catch {
      return []
    }
    const forged: unknown[] = []
    const walk = (value: unknown, replace: (v: unknown) => unknown) => {
      if (value && typeof value === 'object')
        for (const key of Object.keys(value)) {
          const copy = (v: unknown) =>
            replace(
              Array.isArray(value)
                ? value.map((x, i) => (String(i) === key ? v : x))
                : { ...value, [key]: v },
            )
          walk((value as Record<string, unknown>)[key], copy)
        }
      else for (const wrong of wrongLeaves) forged.push(replace(wrong))
    }
    walk(decoded, (v) => v)
    return forged.map((v) => Buffer.from(JSON.stringify(v)).toString('base64url'))
  })
