import { decodeOptions, slugPattern } from '@myshop/catalog-format'
import type { FieldError } from '@myshop/errors'
import { isCurrency, parseDecimalPrice, priceProblem } from '@myshop/money'
import { productLimits as limits, type ProductStatus, skuPattern } from '../products/model.ts'

// The rows of a catalog import: each checked on its own, then gathered into the products they make.

/**
 * One line of a catalog file: a variant, keyed by SKU. Rows that give the same `slug` are the variants of one
 * product, in file order; a row without one is a product of its own.
 */
export interface ImportRow {
  /** The row's line in the source file, echoed back in failures. */
  line: number
  sku: string
  /** Required once for a new product: on its row, or on one row of its slug. */
  name: string
  description?: string | undefined
  brand?: string | undefined
  /**
   * Category paths such as `Electronics > Phones`, several separated by `|`; missing categories are created. A
   * product gains the categories it is given and keeps the ones it had.
   */
  category?: string | undefined
  /** A decimal string in the currency's major unit, e.g. `12.99`. */
  price: string
  currency: string
  status?: ProductStatus | undefined
  /** The product's slug: groups rows into one product, and finds an existing product to add variants to. */
  slug?: string | undefined
  /** The variant's option values, `Size=M; Colour=Black` (see `@myshop/catalog-format`). */
  options?: string | undefined
  /** The price before a reduction, a decimal string in the row's currency. */
  compareAtPrice?: string | undefined
  /** The product's attributes as a JSON object (`{"waterproof": true}`); replaces the ones it had. */
  attributes?: string | undefined
}

export interface ImportFailure {
  line: number
  sku: string
  errors: FieldError[]
}

/** Rows created and updated count variants (SKUs); failures are rows, by line. */
export interface ImportResult {
  created: number
  updated: number
  failed: ImportFailure[]
}

/** A row that passed its own checks, with what was parsed from it (once: imports are large). */
export interface CheckedRow {
  row: ImportRow
  sku: string
  amount: number
  compareAt: number | null
  options: Record<string, string> | null
}

/** The fields a product takes from its rows: from the first row that gives each. */
export const productFields = ['name', 'description', 'brand', 'category', 'status', 'attributes'] as const
export type ProductFields = Partial<Record<(typeof productFields)[number], string>>

/** The rows of one product in the request: every row of a slug, or one row without a slug. */
export interface Group {
  slug: string | null
  rows: CheckedRow[]
  fields: ProductFields
  currency: string
}

// The product API's rules, so an imported product can later be changed through the API as it is.
const skuRegex = new RegExp(skuPattern)
const slugRegex = new RegExp(slugPattern)

/** Why a cell is not a product's attributes: a JSON object of at most 50 texts, numbers or booleans. */
const attributesProblem = (cell: string): string | null => {
  let value: unknown
  try {
    value = JSON.parse(cell)
  } catch {
    return 'is not JSON (expected an object such as {"waterproof": true})'
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be a JSON object'
  const entries = Object.entries(value)
  if (entries.length > 50) return 'has more than 50 attributes'
  for (const [name, v] of entries) {
    if (name.length === 0 || name.length > 50)
      return `attribute names are 1 to 50 characters ("${name.slice(0, 20)}")`
    // The cell is JSON inside the request's JSON, so `\u0000` here gets past the guard on the request's own texts.
    if (name.includes('\u0000') || (typeof v === 'string' && v.includes('\u0000')))
      return 'attribute names and texts cannot contain a NUL character'
    const ok =
      (typeof v === 'string' && v.length <= 500) ||
      typeof v === 'boolean' ||
      (typeof v === 'number' && Number.isFinite(v))
    if (!ok) return `attribute "${name}" must be a text of at most 500 characters, a number or true/false`
  }
  return null
}

/** The category paths of a cell: `Electronics > Phones | Sale`, each once. */
export const categoryPaths = (cell: string): string[] => [
  ...new Set(
    cell
      .split('|')
      .map((path) =>
        path
          .split('>')
          .map((n) => n.trim())
          .filter(Boolean)
          .join(' > '),
      )
      .filter(Boolean),
  ),
]

/** A row's own problems; when it has none, what it parses to. */
const check = (row: ImportRow): { errors: FieldError[]; checked: CheckedRow | null } => {
  const errors: FieldError[] = []
  const sku = row.sku?.trim() ?? ''
  if (!sku) errors.push({ path: '/sku', message: 'is required' })
  else if (sku.length > limits.sku)
    errors.push({ path: '/sku', message: `is longer than ${limits.sku} characters` })
  else if (!skuRegex.test(sku))
    errors.push({
      path: '/sku',
      message: 'may hold letters, digits and . _ / - only, and starts with a letter or digit',
    })
  if ((row.name?.trim().length ?? 0) > limits.name)
    errors.push({ path: '/name', message: `is longer than ${limits.name} characters` })
  if ((row.brand?.trim().length ?? 0) > limits.brand)
    errors.push({ path: '/brand', message: `is longer than ${limits.brand} characters` })
  if (row.slug && (row.slug.length > limits.slug || !slugRegex.test(row.slug)))
    errors.push({
      path: '/slug',
      message: `must be lower-case letters and digits joined by single dashes, at most ${limits.slug} characters`,
    })
  let amount: number | null = null
  let compareAt: number | null = null
  if (!row.currency || !isCurrency(row.currency))
    errors.push({ path: '/currency', message: `unknown currency ${row.currency ?? ''}`.trim() })
  else {
    amount = parseDecimalPrice(row.price ?? '', row.currency)
    if (amount === null)
      errors.push({ path: '/price', message: priceProblem(row.price ?? '', row.currency) ?? 'invalid' })
    if (row.compareAtPrice) {
      compareAt = parseDecimalPrice(row.compareAtPrice, row.currency)
      if (compareAt === null)
        errors.push({
          path: '/compareAtPrice',
          message: priceProblem(row.compareAtPrice, row.currency) ?? 'invalid',
        })
    }
  }
  let options: Record<string, string> | null = null
  if (row.options) {
    const decoded = decodeOptions(row.options)
    if ('problem' in decoded) errors.push({ path: '/options', message: decoded.problem })
    else options = decoded.options
  }
  if (row.status && !['draft', 'active', 'archived'].includes(row.status))
    errors.push({ path: '/status', message: 'must be draft, active or archived' })
  if (row.category && categoryPaths(row.category).length > limits.categories)
    errors.push({ path: '/category', message: `names more than ${limits.categories} categories` })
  if (row.attributes?.trim()) {
    const problem = attributesProblem(row.attributes)
    if (problem) errors.push({ path: '/attributes', message: problem })
  }
  if (errors.length) return { errors, checked: null }
  return { errors, checked: { row, sku, amount: amount!, compareAt, options } }
}

const fieldOf = (row: ImportRow, field: (typeof productFields)[number]) => {
  const value = row[field]?.trim()
  return value ? value : undefined
}

/**
 * Checks every row and gathers the rows of each product. A product is written whole or not at all: when one of
 * its rows fails, so do the others, each saying which line did.
 */
export const groupRows = (rows: ImportRow[], failed: ImportFailure[]): Group[] => {
  const bySku = new Map<string, number>()
  const byKey = new Map<
    string,
    { slug: string | null; items: { row: ImportRow; checked: CheckedRow | null; errors: FieldError[] }[] }
  >()
  for (const row of rows) {
    const { errors, checked } = check(row)
    const sku = row.sku?.trim()
    if (sku && bySku.has(sku)) errors.push({ path: '/sku', message: `duplicate of line ${bySku.get(sku)}` })
    else if (sku) bySku.set(sku, row.line)
    const slug = row.slug || null
    const key = slug ? `slug:${slug}` : `line:${row.line}:${sku}`
    let group = byKey.get(key)
    if (!group) {
      group = { slug, items: [] }
      byKey.set(key, group)
    }
    group.items.push({ row, checked: errors.length ? null : checked, errors })
  }

  const groups: Group[] = []
  for (const { slug, items } of byKey.values()) {
    const fields: ProductFields = {}
    const firstLine: Partial<Record<keyof ProductFields, number>> = {}
    const first = items[0]!.row
    for (const item of items) {
      for (const field of productFields) {
        const value = fieldOf(item.row, field)
        if (value === undefined) continue
        if (fields[field] === undefined) {
          fields[field] = value
          firstLine[field] = item.row.line
        } else if (fields[field] !== value)
          item.errors.push({
            path: `/${field}`,
            message: `differs from line ${firstLine[field]} of the same product`,
          })
      }
      if (item.row.currency !== first.currency && isCurrency(item.row.currency ?? ''))
        item.errors.push({
          path: '/currency',
          message: `differs from line ${first.line} of the same product (its variants share one currency)`,
        })
    }
    const broken = items.find((item) => item.errors.length)
    if (broken) {
      for (const item of items) {
        const errors = item.errors.length
          ? item.errors
          : [{ path: '/slug', message: `line ${broken.row.line} of the same product failed` }]
        failed.push({ line: item.row.line, sku: item.row.sku ?? '', errors })
      }
      continue
    }
    groups.push({
      slug,
      rows: items.map((item) => item.checked!),
      fields,
      currency: first.currency,
    })
  }
  return groups
}

export const failGroup = (failed: ImportFailure[], group: Group, error: FieldError) => {
  for (const { row } of group.rows) failed.push({ line: row.line, sku: row.sku, errors: [error] })
}
