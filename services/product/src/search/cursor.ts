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

/**
 * Reads a cursor back, refusing one that is not ours or that was made for another sort (its values would be
 * compared against the wrong column). `arity` is how many sort values the engine expects.
 */
export const decodeCursor = (cursor: string, sort: SearchSort, arity: number): unknown[] => {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalid('The cursor is not one this API issued')
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid('The cursor is not one this API issued')
  const { s, a } = parsed as { s?: unknown; a?: unknown }
  if (!Array.isArray(a) || a.length !== arity || a.some((v) => typeof v === 'object' && v !== null))
    throw invalid('The cursor is not one this API issued')
  if (s !== sort) throw invalid('The cursor belongs to a different sort order')
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
