import { encodeOptions } from '@myshop/catalog-format'
import type { CatalogImportResult, CatalogImportRow, FieldError } from '../api-client.ts'

/** The columns of a catalog file, in the order export writes them. */
export const catalogColumns = [
  'sku',
  'name',
  'description',
  'brand',
  'category',
  'price',
  'currency',
  'status',
  'slug',
  'options',
  'compare_at_price',
  'attributes',
] as const

export type CatalogColumn = (typeof catalogColumns)[number]

// `name` is needed for a new product only (on one of its rows), so a file of price changes can leave it out.
export const requiredColumns: readonly CatalogColumn[] = ['sku', 'price', 'currency']

/**
 * One variant, keyed by SKU; rows with the same `slug` are one product's variants. `line` is where its record
 * starts in the source.
 */
export type ImportRow = CatalogImportRow

export type ImportFailure = CatalogImportResult['failed'][number]

export type ImportResult = CatalogImportResult

/** What a reader yields per record: a row to send, or a failure found before sending. */
export type SourceItem = { row: ImportRow } | { failure: ImportFailure }

// The import endpoint validates the request body as a whole; one over-long field would refuse the whole
// batch, so such rows are failed here, one by one, and the batch goes on without them.
const maxLengths: Record<CatalogColumn, number> = {
  sku: 200,
  name: 500,
  description: 20_000,
  brand: 200,
  category: 5000,
  price: 50,
  currency: 10,
  status: 20,
  slug: 200,
  options: 2000,
  compare_at_price: 50,
  attributes: 40_000,
}

const isColumn = (name: string): name is CatalogColumn => (catalogColumns as readonly string[]).includes(name)

/** Header problems that would fail every row: unknown, duplicate or missing columns. */
export const checkColumns = (names: readonly string[]): string[] => {
  const problems: string[] = []
  const unknown = names.filter((n) => !isColumn(n))
  if (unknown.length) {
    problems.push(
      `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => JSON.stringify(n)).join(', ')} (expected: ${catalogColumns.join(', ')})`,
    )
  }
  const duplicates = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))]
  if (duplicates.length)
    problems.push(`duplicate column${duplicates.length > 1 ? 's' : ''} ${duplicates.join(', ')}`)
  const missing = requiredColumns.filter((c) => !names.includes(c))
  if (missing.length) problems.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`)
  return problems
}

/**
 * JSON Lines may give prices as numbers, options as an object (`{ "Size": "M" }`) and attributes as an object,
 * written here as the cell a CSV file would hold; anything else must already be text.
 */
const jsonValue = (key: CatalogColumn, raw: unknown): unknown => {
  if ((key === 'price' || key === 'compare_at_price') && typeof raw === 'number' && Number.isFinite(raw))
    return String(raw)
  if (key === 'options' && typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    // A size of 42 is the text "42"; a nested value has no cell to go in.
    const entries = Object.entries(raw).map(([k, v]) => [
      k,
      typeof v === 'number' || typeof v === 'boolean' ? String(v) : v,
    ])
    return entries.every(([, v]) => typeof v === 'string')
      ? encodeOptions(Object.fromEntries(entries) as Record<string, string>)
      : raw
  }
  if (key === 'attributes' && typeof raw === 'object' && raw !== null && !Array.isArray(raw))
    return JSON.stringify(raw)
  return raw
}

/**
 * Turns one parsed record into a row or a failure. Empty optional fields are left out (so an update keeps
 * what the product had); required ones are sent even when empty so the server words the error.
 */
export const toSourceItem = (record: Record<string, unknown>, line: number): SourceItem => {
  const errors: FieldError[] = []
  const fields: Partial<Record<CatalogColumn, string>> = {}
  for (const [key, raw] of Object.entries(record)) {
    if (!isColumn(key)) {
      errors.push({ path: `/${key}`, message: 'is not a catalog column' })
      continue
    }
    if (raw === null || raw === undefined) continue
    const value = jsonValue(key, raw)
    if (typeof value !== 'string') {
      errors.push({ path: `/${key}`, message: 'must be a string' })
      continue
    }
    if (value.length > maxLengths[key]) {
      errors.push({ path: `/${key}`, message: `is longer than ${maxLengths[key]} characters` })
      continue
    }
    fields[key] = value
  }
  const sku = fields.sku ?? ''
  if (errors.length) return { failure: { line, sku, errors } }
  const row: ImportRow = {
    line,
    sku,
    name: fields.name ?? '',
    price: fields.price ?? '',
    currency: fields.currency ?? '',
  }
  for (const key of [
    'description',
    'brand',
    'category',
    'status',
    'slug',
    'options',
    'attributes',
  ] as const) {
    const value = fields[key]
    if (value !== undefined && value !== '') row[key] = value
  }
  if (fields.compare_at_price) row.compareAtPrice = fields.compare_at_price
  return { row }
}
