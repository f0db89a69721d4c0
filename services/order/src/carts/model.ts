// Carts as shoppers and checkout see them, and the pure rules that change them. Money is integer minor units in
// the cart's currency; timestamps are ISO-8601 UTC.
import type { CatalogVariant } from '../catalog/client.ts'

/** One line of a cart: a SKU with the name and unit price the product service gave it. */
export interface CartLine {
  sku: string
  productId: string
  name: string
  unitPrice: number
  quantity: number
  lineTotal: number
}

export interface Cart {
  id: string
  userId: string | null
  /** The currency of every line; null while the cart is empty. */
  currency: string | null
  items: CartLine[]
  totals: { subtotal: number; itemCount: number }
  createdAt: string
  updatedAt: string
}

/** A line as a store keeps it (totals are derived). */
export interface StoredLine {
  sku: string
  productId: string
  name: string
  unitPrice: number
  quantity: number
}

/** A cart as a store keeps it: `version` grows with every save, so a save over a newer one is refused. */
export interface CartRecord {
  id: string
  userId: string | null
  currency: string | null
  lines: StoredLine[]
  version: number
  createdAt: string
  updatedAt: string
}

export interface CartLimits {
  /** The most units of one SKU a line holds. */
  maxQuantity: number
  /** The most lines a cart holds. */
  maxLines: number
}

/** What a rule refused, for the service to report as a problem. */
export type CartRefusal =
  | { code: 'currency_mismatch'; detail: string }
  | { code: 'cart_limit'; detail: string }
  | { code: 'not_found'; detail: string }

export type CartChange = { ok: true; record: CartRecord } | { ok: false; refusal: CartRefusal }

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A new cart id: `cart_` and 26 Crockford base32 characters of randomness (130 bits). An anonymous cart is reached
 * by its id alone, so the id is the secret and carries no time or sequence.
 */
export const newCartId = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(26))
  let out = 'cart_'
  for (const b of bytes) out += crockford[b & 31]
  return out
}

/** The shape of a cart id, for route parameters. */
export const cartIdPattern = '^cart_[0-9A-HJKMNP-TV-Z]{26}$'

export const emptyCart = (id: string, userId: string | null, at: string): CartRecord => ({
  id,
  userId,
  currency: null,
  lines: [],
  version: 0,
  createdAt: at,
  updatedAt: at,
})

/** The cart a client sees: each line with its total, and the cart's subtotal and number of units. */
export const toCart = (record: CartRecord): Cart => {
  const items = record.lines.map((line) => ({ ...line, lineTotal: line.unitPrice * line.quantity }))
  return {
    id: record.id,
    userId: record.userId,
    currency: items.length > 0 ? record.currency : null,
    items,
    totals: {
      subtotal: items.reduce((sum, line) => sum + line.lineTotal, 0),
      itemCount: items.reduce((sum, line) => sum + line.quantity, 0),
    },
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  }
}

const withLines = (record: CartRecord, lines: StoredLine[], currency: string | null, at: string) => ({
  ...record,
  lines,
  currency: lines.length > 0 ? currency : null,
  updatedAt: at,
})

const refuse = (code: CartRefusal['code'], detail: string): CartChange => ({
  ok: false,
  refusal: { code, detail },
})

/**
 * Adds `quantity` units of a variant: to its line when the cart has one (taking the variant's current name and
 * price), else as a new last line. Refused when the cart holds another currency, when the line would exceed the
 * maximum quantity, or when a new line would exceed the maximum number of lines.
 */
export const addLine = (
  record: CartRecord,
  variant: CatalogVariant,
  quantity: number,
  limits: CartLimits,
  at: string,
): CartChange => {
  if (record.lines.length > 0 && record.currency !== variant.price.currency)
    return refuse(
      'currency_mismatch',
      `${variant.sku} is priced in ${variant.price.currency}; the cart holds ${record.currency}`,
    )
  const existing = record.lines.find((line) => line.sku === variant.sku)
  const total = (existing?.quantity ?? 0) + quantity
  if (total > limits.maxQuantity)
    return refuse(
      'cart_limit',
      `A line holds at most ${limits.maxQuantity} units; ${variant.sku} would have ${total}`,
    )
  if (!existing && record.lines.length >= limits.maxLines)
    return refuse('cart_limit', `A cart holds at most ${limits.maxLines} lines`)
  const line = lineOf(variant, total)
  const lines = existing
    ? record.lines.map((l) => (l.sku === variant.sku ? line : l))
    : [...record.lines, line]
  return { ok: true, record: withLines(record, lines, variant.price.currency, at) }
}

const lineOf = (variant: CatalogVariant, quantity: number): StoredLine => ({
  sku: variant.sku,
  productId: variant.productId,
  name: variant.name,
  unitPrice: variant.price.amount,
  quantity,
})

/** Sets a line's quantity (1 to the maximum); refused when the cart has no line for the SKU. */
export const setQuantity = (
  record: CartRecord,
  sku: string,
  quantity: number,
  limits: CartLimits,
  at: string,
): CartChange => {
  if (!record.lines.some((line) => line.sku === sku))
    return refuse('not_found', `The cart has no line for ${sku}`)
  if (quantity > limits.maxQuantity)
    return refuse('cart_limit', `A line holds at most ${limits.maxQuantity} units`)
  const lines = record.lines.map((line) => (line.sku === sku ? { ...line, quantity } : line))
  return { ok: true, record: withLines(record, lines, record.currency, at) }
}

/** Removes a line; refused when the cart has no line for the SKU. */
export const removeLine = (record: CartRecord, sku: string, at: string): CartChange => {
  if (!record.lines.some((line) => line.sku === sku))
    return refuse('not_found', `The cart has no line for ${sku}`)
  const lines = record.lines.filter((line) => line.sku !== sku)
  return { ok: true, record: withLines(record, lines, record.currency, at) }
}

/**
 * A guest cart's lines added to a shopper's cart: quantities of the same SKU summed and capped at the maximum,
 * new lines appended while there is room. Lines in another currency than the shopper's cart are left out (a
 * cart has one currency).
 */
export const mergeLines = (
  into: CartRecord,
  from: CartRecord,
  limits: CartLimits,
  at: string,
): CartRecord => {
  const currency = into.lines.length > 0 ? into.currency : from.currency
  if (from.lines.length === 0 || from.currency !== currency) return into
  const lines = [...into.lines]
  for (const guest of from.lines) {
    const i = lines.findIndex((line) => line.sku === guest.sku)
    if (i >= 0)
      lines[i] = { ...lines[i]!, quantity: Math.min(lines[i]!.quantity + guest.quantity, limits.maxQuantity) }
    else if (lines.length < limits.maxLines)
      lines.push({ ...guest, quantity: Math.min(guest.quantity, limits.maxQuantity) })
  }
  return withLines(into, lines, currency, at)
}

/**
 * The cart's lines with the product service's current names and prices: a line whose SKU is no longer for sale,
 * or is now priced in another currency than the rest, is dropped. The cart's currency is the first remaining
 * line's.
 */
export const repriceLines = (
  record: CartRecord,
  variants: ReadonlyMap<string, CatalogVariant>,
  at: string,
): CartRecord => {
  let currency: string | null = null
  const lines: StoredLine[] = []
  for (const line of record.lines) {
    const variant = variants.get(line.sku)
    if (!variant) continue
    currency ??= variant.price.currency
    if (variant.price.currency !== currency) continue
    lines.push(lineOf(variant, line.quantity))
  }
  return withLines(record, lines, currency, at)
}

/** Whether two carts show the same lines: SKUs, names, prices and quantities, in the same order. */
export const sameLines = (a: readonly StoredLine[], b: readonly StoredLine[]): boolean =>
  a.length === b.length &&
  a.every((line, i) => {
    const other = b[i]!
    return (
      line.sku === other.sku &&
      line.productId === other.productId &&
      line.name === other.name &&
      line.unitPrice === other.unitPrice &&
      line.quantity === other.quantity
    )
  })
