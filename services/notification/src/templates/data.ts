import { formatDecimalPrice } from '@myshop/money'

/** The locales templates are written in; any other renders in English. */
export type Locale = 'en' | 'de'

/** `de`, `de-DE` and `DE_at` are German; anything else is English. */
export const localeOf = (locale: string): Locale => (/^de(?:[-_]|$)/i.test(locale) ? 'de' : 'en')

/**
 * An amount of minor units in the currency, as the shopper reads it: `EUR 12.99` in English, `12,99 EUR` in
 * German; a currency without a minor unit (JPY) shows no decimals.
 */
export const formatMoney = (amount: number, currency: string, locale: Locale): string => {
  const decimal = formatDecimalPrice(amount, currency)
  return locale === 'de' ? `${decimal.replace('.', ',')} ${currency}` : `${currency} ${decimal}`
}

/** A line of text for a header or an SMS: control characters (a CR/LF header injection) become spaces. */
export const oneLine = (value: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()

/** A link only when it is http(s): a `javascript:` or other scheme from the data is dropped. */
export const safeUrl = (value: unknown): string | undefined =>
  typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value) ? value : undefined

type Data = Record<string, unknown>

/** How a field of template data is read: a required string, an optional one, or an integer ≥ 0. */
type Kind = 'string' | 'string?' | 'int'
type Shape = Record<string, Kind>
type Read<S extends Shape> = {
  [K in keyof S]: S[K] extends 'int' ? number : S[K] extends 'string' ? string : string | undefined
}

const fail = (path: string, expected: string): never => {
  throw new TypeError(`Template data: ${path} must be ${expected}`)
}

const readField = (value: unknown, kind: Kind, path: string): string | number | undefined => {
  if (kind === 'int')
    return Number.isInteger(value) && (value as number) >= 0
      ? (value as number)
      : fail(path, 'an integer ≥ 0')
  if (kind === 'string?' && (value === undefined || value === null)) return undefined
  return typeof value === 'string' ? value : fail(path, 'a string')
}

/**
 * Reads an object of template data by its shape, throwing a TypeError that names the first field (`lines[1].sku`)
 * missing or of the wrong type. Fields not in the shape are left out.
 */
export const readShape = <S extends Shape>(value: unknown, path: string, shape: S): Read<S> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail(path || 'data', 'an object')
  const out: Record<string, unknown> = {}
  for (const [key, kind] of Object.entries(shape))
    out[key] = readField((value as Data)[key], kind, path ? `${path}.${key}` : key)
  return out as Read<S>
}

const lineShape = {
  name: 'string',
  sku: 'string',
  quantity: 'int',
  unitPrice: 'int',
  lineTotal: 'int',
} as const
const totalsShape = { subtotal: 'int', shipping: 'int', tax: 'int', total: 'int', refunded: 'int' } as const
const addressShape = {
  name: 'string',
  line1: 'string',
  line2: 'string?',
  postalCode: 'string',
  city: 'string',
  region: 'string?',
  country: 'string',
} as const
const orderShape = { orderId: 'string', name: 'string?', currency: 'string', note: 'string?' } as const

/** One line of an order, as its events carry it. */
export type OrderLine = Read<typeof lineShape>
/** Where an order is shipped. */
export type ShippingAddress = Read<typeof addressShape>

/** The parcel of a shipped order: the carrier's tracking number, and its tracking page when known. */
export interface Tracking {
  trackingNumber: string
  carrier: string | undefined
  trackingUrl: string | undefined
}

/** What the order templates render: the order's facts from its event, with its address and tracking. */
export interface OrderData extends Read<typeof orderShape> {
  lines: OrderLine[]
  totals: Read<typeof totalsShape>
  shippingAddress: ShippingAddress | undefined
  fulfillment: Tracking | undefined
  orderUrl: string | undefined
}

const optional = <T>(value: unknown, read: (value: unknown) => T): T | undefined =>
  value === undefined || value === null ? undefined : read(value)

/** Reads an order template's data, naming the first field that is missing or of the wrong type. */
export const readOrder = (data: Data): OrderData => {
  const lines = Array.isArray(data.lines) ? data.lines : fail('lines', 'an array')
  return {
    ...readShape(data, '', orderShape),
    lines: lines.map((line, i) => readShape(line, `lines[${i}]`, lineShape)),
    totals: readShape(data.totals, 'totals', totalsShape),
    shippingAddress: optional(data.shippingAddress, (a) => readShape(a, 'shippingAddress', addressShape)),
    fulfillment: optional(data.fulfillment, (f) => ({
      ...readShape(f, 'fulfillment', { trackingNumber: 'string', carrier: 'string?' } as const),
      trackingUrl: safeUrl((f as Data).trackingUrl),
    })),
    orderUrl: safeUrl(data.orderUrl),
  }
}
