import { AppError } from '@myshop/errors'
import type { SearchSort } from './engine.ts'

/** What a page's `nextCursor` carries: the sort it belongs to and the last row's sort values. */
export interface CursorState {
  sort: SearchSort
  after: unknown[]
}

export const encodeCursor = (state: CursorState): string =>
  Buffer.from(JSON.stringify({ s: state.sort, a: state.after })).toString('base64url')

const invalid = (detail: string): AppError =>
  new AppError('validation_failed', { detail, errors: [{ path: 'cursor', message: detail }] })

/** Tells whether one decoded sort value has the type and range its engine issues for it. */
export type CursorValue = (value: unknown) => boolean

/** What each of a sort's cursor values must be, in order; the engine's own (see `cursorValues`). */
export type CursorShape = Record<SearchSort, readonly CursorValue[]>

const productIdText = /^prd_\w{1,60}$/
const decimalText = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i
const integerText = /^-?\d{1,16}$/
// PostgreSQL's text for a timestamptz with the ISO DateStyle: `2026-05-01 10:20:30.123456+00`.
const timestampText = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2}){0,2}$/
const safeInteger = (value: unknown, min: number, max: number): value is number =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max

/**
 * The kinds of value the engines put in cursors. A forged cursor carries anything in their place, and a value of
 * the wrong type reached the database as a parameter it could not read (a 500, or a parameter the client could not
 * encode at all): each is checked before it is used.
 */
export const cursorValues = {
  /** A product id: `prd_`, then letters, digits and underscores (ids are compared as text, never parsed). */
  productId: (value: unknown) => typeof value === 'string' && productIdText.test(value),
  /** A finite number written as text (a relevance score read back from PostgreSQL). */
  decimalText: (value: unknown) =>
    typeof value === 'string' && decimalText.test(value) && Number.isFinite(Number(value)),
  /** A whole number written as text, from `min` to `max` (a price, or its stand-in for none). */
  integerText:
    (min: number, max: number): CursorValue =>
    (value) =>
      typeof value === 'string' && integerText.test(value) && safeInteger(Number(value), min, max),
  /** A timestamp as PostgreSQL writes one (`created_at::text`). */
  timestampText: (value: unknown) =>
    typeof value === 'string' && timestampText.test(value) && !Number.isNaN(new Date(value).getTime()),
  finiteNumber: (value: unknown) => typeof value === 'number' && Number.isFinite(value),
  /** A whole number from `min` to `max` (a price, its stand-ins, or a time in epoch milliseconds). */
  integer:
    (min: number, max: number): CursorValue =>
    (value) =>
      safeInteger(value, min, max),
} as const

/**
 * Reads a cursor back, refusing one that is not ours, one made for another sort (its values would be compared
 * against the wrong column) and one whose values are not what `shape` says the engine issues for that sort.
 */
export const decodeCursor = (cursor: string, sort: SearchSort, shape: CursorShape): unknown[] => {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalid('The cursor is not one this API issued')
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid('The cursor is not one this API issued')
  const { s, a } = parsed as { s?: unknown; a?: unknown }
  if (!Array.isArray(a)) throw invalid('The cursor is not one this API issued')
  if (s !== sort) throw invalid('The cursor belongs to a different sort order')
  const values = shape[sort]
  if (a.length !== values.length || !values.every((valid, i) => valid(a[i])))
    throw invalid('The cursor is not one this API issued')
  return a
}

/** Relevance only means something with a query; without one the newest products come first. */
export const effectiveSort = (sort: SearchSort, q: string | undefined): SearchSort =>
  sort === 'relevance' && !q?.trim() ? 'newest' : sort

/** Lower-cased letter/digit runs of a query, the only pieces that reach a tsquery. At most eight. */
export const queryWords = (q: string | undefined): string[] =>
  (q ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8)
