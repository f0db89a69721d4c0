import { isIP } from 'node:net'
import { type Static, type TSchema, Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

/** What shoppers' browsers report, in the order of a purchase. */
export const eventTypes = [
  'page_view',
  'product_view',
  'search',
  'add_to_cart',
  'remove_from_cart',
  'checkout_started',
  'purchase',
] as const
export type EventType = (typeof eventTypes)[number]

/** The funnel's steps as bits of a session's `steps`: a session counts at a step once it reached it. */
export const funnelSteps: Partial<Record<EventType, number>> = {
  product_view: 1,
  add_to_cart: 2,
  checkout_started: 4,
  purchase: 8,
}

const token = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '^[A-Za-z0-9_-]+$' })
const text = (maxLength: number) => Type.String({ maxLength })
const currency = Type.String({ pattern: '^[A-Z]{3}$' })
const minor = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })
const closed = { additionalProperties: false } as const

const cartProperties = Type.Object(
  {
    productId: text(64),
    sku: text(64),
    quantity: Type.Integer({ minimum: 1, maximum: 1000 }),
    price: Type.Optional(minor),
    currency: Type.Optional(currency),
  },
  closed,
)

/** Each type's properties: unknown keys are refused, every string bounded. */
export const propertySchemas: Record<EventType, TSchema> = {
  page_view: Type.Object(
    {
      path: Type.String({ minLength: 1, maxLength: 2048, pattern: '^/' }),
      referrer: Type.Optional(Type.String({ maxLength: 2048, pattern: '^https?://[^\\s]+$' })),
      title: Type.Optional(text(300)),
    },
    closed,
  ),
  product_view: Type.Object({ productId: text(64), sku: Type.Optional(text(64)) }, closed),
  search: Type.Object(
    {
      query: Type.String({ minLength: 1, maxLength: 200 }),
      results: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
    },
    closed,
  ),
  add_to_cart: cartProperties,
  remove_from_cart: cartProperties,
  checkout_started: Type.Object(
    { cartId: Type.Optional(text(64)), value: Type.Optional(minor), currency: Type.Optional(currency) },
    closed,
  ),
  purchase: Type.Object(
    { orderId: text(64), value: Type.Optional(minor), currency: Type.Optional(currency) },
    closed,
  ),
}

const isoInstant = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$'

/** One event as a browser sends it to `/track`; the import adds a required `id` and an optional `userId`. */
export const eventShape = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
    type: Type.Union(eventTypes.map((type) => Type.Literal(type))),
    anonymousId: token(64),
    sessionId: token(64),
    time: Type.String({ maxLength: 40, pattern: isoInstant }),
    properties: Type.Record(Type.String(), Type.Unknown()),
  },
  closed,
)

export const importedEventShape = Type.Object(
  {
    ...eventShape.properties,
    id: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
    userId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
  },
  closed,
)

export type IncomingEvent = Static<typeof importedEventShape>

export interface FieldError {
  path: string
  message: string
}

export interface Rejection {
  index: number
  errors: FieldError[]
}

/** An event accepted for storage, as a row of `tracked_events`. */
export interface TrackedEvent {
  id: string
  type: EventType
  anonymousId: string
  sessionId: string
  userId: string | null
  time: Date
  receivedAt: Date
  properties: Record<string, unknown>
  ipPrefix: string | null
  userAgent: string | null
}

/** When an event's time may be: not ahead of the clock by more than `futureMs`, and not before `oldest`. */
export interface TimeBounds {
  now: number
  futureMs: number
  /** The earliest time accepted, in ms since the epoch. */
  oldest: number
  oldestMessage: string
}

const schemaErrors = (schema: TSchema, value: unknown, prefix: string): FieldError[] => {
  const errors: FieldError[] = []
  for (const error of Value.Errors(schema, value)) {
    errors.push({ path: `${prefix}${error.path}`, message: error.message })
    if (errors.length >= 10) break
  }
  return errors
}

/**
 * Checks one event of a batch: its shape, its type's properties, and its time against `bounds`. Answers the event
 * or what is wrong with it, each error with its path in the request body (`/events/3/time`).
 */
export const checkEvent = (
  value: unknown,
  index: number,
  bounds: TimeBounds,
  shape: TSchema = eventShape,
): { event: IncomingEvent } | { errors: FieldError[] } => {
  const at = `/events/${index}`
  const errors = schemaErrors(shape, value, at)
  if (errors.length > 0) return { errors }
  const event = value as IncomingEvent
  const propertyErrors = schemaErrors(propertySchemas[event.type], event.properties, `${at}/properties`)
  if (propertyErrors.length > 0) return { errors: propertyErrors }
  const time = Date.parse(event.time)
  if (Number.isNaN(time)) return { errors: [{ path: `${at}/time`, message: 'Expected an ISO 8601 instant' }] }
  if (time > bounds.now + bounds.futureMs)
    return { errors: [{ path: `${at}/time`, message: 'The time is in the future' }] }
  if (time < bounds.oldest) return { errors: [{ path: `${at}/time`, message: bounds.oldestMessage }] }
  return { event }
}

const ipv6Groups = (address: string): number[] | null => {
  const [head, tail, ...rest] = address.split('::')
  if (rest.length > 0) return null
  const parse = (part: string | undefined) =>
    part ? part.split(':').map((group) => Number.parseInt(group, 16)) : []
  const left = parse(head)
  const right = parse(tail)
  const missing = 8 - left.length - right.length
  if (tail === undefined ? missing !== 0 : missing < 0) return null
  return [...left, ...Array<number>(Math.max(0, missing)).fill(0), ...right]
}

/**
 * The network a client address belongs to, never the address itself: its /24 for IPv4 (`203.0.113.0/24`), its /48
 * for IPv6 (`2001:db8:1::/48`). An IPv4 address written as IPv6 (`::ffff:203.0.113.7`) counts as IPv4.
 */
export const ipPrefix = (address: string | null): string | null => {
  if (!address) return null
  const bare = address.replace(/%.*$/, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)
  const v4 = mapped ? mapped[1]! : bare
  if (isIP(v4) === 4) return `${v4.split('.').slice(0, 3).join('.')}.0/24`
  if (isIP(bare) !== 6 || bare.includes('.')) return null
  const groups = ipv6Groups(bare)
  if (!groups) return null
  return `${groups
    .slice(0, 3)
    .map((group) => group.toString(16))
    .join(':')}::/48`
}

// Order matters: Edge, Opera and Samsung's browser also say Chrome, and Chrome says Safari.
const families: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bChrome\/|\bCriOS\/|\bChromium\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
]

/** The browser family of a user agent (`Chrome`, `Firefox`, ... or `Other`); the raw string is never kept. */
export const browserFamily = (userAgent: string | null): string | null => {
  if (!userAgent) return null
  for (const [pattern, family] of families) if (pattern.test(userAgent)) return family
  return 'Other'
}

/** A search term as the search report groups it: lower-cased, trimmed, inner whitespace collapsed to one space. */
export const normalizeTerm = (query: string): string => query.trim().replace(/\s+/g, ' ').toLowerCase()

export const hourMs = 3_600_000
export const dayMs = 86_400_000

/** The start of the UTC hour or day `time` falls in. */
export const bucketOf = (time: Date, size: number): Date => new Date(Math.floor(time.getTime() / size) * size)

/** The first instant of `time`'s UTC month. */
export const monthStart = (time: Date | number): Date => {
  const date = new Date(time)
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1))
}

/** The first instant of the UTC month `months` after the one `time` is in. */
export const addMonths = (time: Date, months: number): Date =>
  new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth() + months, 1))

/** The first instant of the bucket after the one starting at `bucket` (weeks of 7 days, months by the calendar). */
export const nextBucket = (bucket: Date, unit: 'hour' | 'day' | 'week' | 'month'): Date => {
  if (unit === 'month') return addMonths(bucket, 1)
  const size = { hour: hourMs, day: dayMs, week: 7 * dayMs }[unit]
  return new Date(bucket.getTime() + size)
}
