import { decodeOptions, slugPattern } from '@myshop/catalog-format'
import type { Tx } from '@myshop/db'
import { AppError, type FieldError } from '@myshop/errors'
import { outbox, priceChanged, productCreated, productUpdated } from '@myshop/events'
import { newId } from '@myshop/ids'
import { isCurrency, parseDecimalPrice, priceProblem } from '@myshop/money'
import * as categories from '../categories/repository.ts'
import { type ProductDeps, schema } from '../deps.ts'
import { dropProductEntries, productCacheKey } from './cache-invalidation.ts'
import type { ProductStatus } from './model.ts'
import { eventMeta, loadProducts, snapshot } from './service.ts'
import { slugify } from './slug.ts'

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
interface CheckedRow {
  row: ImportRow
  sku: string
  amount: number
  compareAt: number | null
  options: Record<string, string> | null
}

/** The fields a product takes from its rows: from the first row that gives each. */
const productFields = ['name', 'description', 'brand', 'category', 'status', 'attributes'] as const
type ProductFields = Partial<Record<(typeof productFields)[number], string>>

/** The rows of one product in the request: every row of a slug, or one row without a slug. */
interface Group {
  slug: string | null
  rows: CheckedRow[]
  fields: ProductFields
  currency: string
}

const skuPattern = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/
const slugRegex = new RegExp(slugPattern)

// The product API's limits, so an imported product can later be changed through the API as it is.
const limits = { sku: 64, name: 200, brand: 100, slug: 120 }
const maxVariants = 100

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
    const ok =
      (typeof v === 'string' && v.length <= 500) ||
      typeof v === 'boolean' ||
      (typeof v === 'number' && Number.isFinite(v))
    if (!ok) return `attribute "${name}" must be a text of at most 500 characters, a number or true/false`
  }
  return null
}

/** The category paths of a cell: `Electronics > Phones | Sale`, each once. */
const categoryPaths = (cell: string): string[] => [
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
  else if (!skuPattern.test(sku))
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
  if (row.category && categoryPaths(row.category).length > 20)
    errors.push({ path: '/category', message: 'names more than 20 categories' })
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
const groupRows = (rows: ImportRow[], failed: ImportFailure[]): Group[] => {
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

/** Finds or creates every category of a path, parents first; returns the leaf's id. */
const ensureCategoryPath = async (
  tx: Tx,
  path: string,
  at: Date,
  cache: Map<string, string>,
): Promise<string> => {
  const names = path
    .split('>')
    .map((n) => n.trim())
    .filter(Boolean)
  let parent: { id: string; path: string; slug: string } | null = null
  for (const name of names) {
    const full: string = parent ? `${parent.path} > ${name}` : name
    const known = cache.get(full.toLowerCase())
    if (known) {
      parent = { id: known, path: full, slug: '' }
      continue
    }
    const existing = await categories.findByPath(tx, full)
    const category: { id: string; path: string; slug: string } =
      existing ??
      (await categories.insert(tx, {
        id: newId('cat', at.getTime()),
        parentId: parent?.id ?? null,
        name,
        slug: `${slugify(full)}-${newId('cat').slice(-4).toLowerCase()}`,
        path: full,
        at,
      }))
    cache.set(full.toLowerCase(), category.id)
    parent = category
  }
  if (!parent) throw new Error('empty category path')
  return parent.id
}

/** A variant the catalog already has, found by the SKU of a row. */
interface KnownVariant {
  sku: string
  variantId: string
  productId: string
  slug: string
  amount: number
  currency: string
}

/** The variants of the existing products an import adds to or changes. */
interface TargetVariant {
  productId: string
  sku: string
  currency: string
  position: number
}

/** What the import does with a group: a new product, or changes to one the catalog has. */
type Plan =
  | { kind: 'create'; group: Group; productId: string; slug: string; categoryIds: string[] }
  | {
      kind: 'update'
      group: Group
      productId: string
      previousSlug: string
      slug: string
      categoryIds: string[]
    }

const groupBy = <T>(items: T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = groups.get(k)
    if (list) list.push(item)
    else groups.set(k, [item])
  }
  return groups
}

/**
 * A new product's option values as the catalog keeps them for search (`catalog.variant_terms`, migration 0012):
 * each distinct value once, in code point order, separated by spaces. Written with the product, the variants'
 * triggers then find nothing to change.
 */
const variantTerms = (rows: CheckedRow[]): string => {
  const values = new Set<string>()
  for (const r of rows) if (r.options) for (const value of Object.values(r.options)) values.add(value)
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(' ')
}

/**
 * Adds a group's rows to the rows already planned for the same product, when they agree on its fields and
 * currency; a slug the planned rows did not give is taken from the joining ones. Returns why they cannot join.
 */
const joinRows = (plan: Plan & { kind: 'update' }, group: Group): FieldError | null => {
  const line = plan.group.rows[0]!.row.line
  if (group.slug && plan.group.slug && group.slug !== plan.group.slug)
    return { path: '/slug', message: `line ${line} gives the same product the slug ${plan.group.slug}` }
  for (const field of productFields) {
    const mine = group.fields[field]
    const theirs = plan.group.fields[field]
    if (mine !== undefined && theirs !== undefined && mine !== theirs)
      return { path: `/${field}`, message: `differs from line ${line} of the same product` }
  }
  if (group.currency !== plan.group.currency)
    return {
      path: '/currency',
      message: `differs from line ${line} of the same product (its variants share one currency)`,
    }
  for (const field of productFields) plan.group.fields[field] ??= group.fields[field]
  plan.group.rows.push(...group.rows)
  if (group.slug && !plan.group.slug) {
    plan.group.slug = group.slug
    plan.slug = group.slug
  }
  return null
}

const failGroup = (failed: ImportFailure[], group: Group, error: FieldError) => {
  for (const { row } of group.rows) failed.push({ line: row.line, sku: row.sku, errors: [error] })
}

/**
 * Upserts products by SKU in bulk. A known SKU updates its variant and its product; a new SKU joins the product
 * its slug names (in the file or in the catalog) or makes a product of its own. Bad rows are reported by line
 * and skipped with the rest of their product; the good ones are written in one transaction with their events,
 * a few statements per batch rather than per row.
 */
export const importRows = async (
  deps: ProductDeps,
  rows: ImportRow[],
  ctx: { requestId?: string; traceparent?: string } = {},
): Promise<ImportResult> => {
  const failed: ImportFailure[] = []
  const groups = groupRows(rows, failed)
  const byLine = (a: ImportFailure, b: ImportFailure) => a.line - b.line
  if (groups.length === 0) return { created: 0, updated: 0, failed: failed.sort(byLine) }

  const at = new Date(deps.now())
  const meta = eventMeta(deps, ctx)
  let result: { created: number; updated: number; stale: string[] }
  try {
    result = await deps.sql.begin(async (tx) => {
      const skus = groups.flatMap((g) => g.rows.map((r) => r.sku))
      const known = await tx<KnownVariant[]>`
        select v.sku, v.id as "variantId", v.product_id as "productId", p.slug, v.price_amount as amount, v.currency
        from catalog.variants v join catalog.products p on p.id = v.product_id
        where v.sku = any(${skus})`
      const bySku = new Map(known.map((k) => [k.sku, k]))
      // The slugs the file names, and the ones new products without one would get, with the products holding them.
      const derive = (g: Group) =>
        `${slugify(g.fields.name ?? '')}-${slugify(g.rows[0]!.sku)}`.slice(0, limits.slug)
      const owners = new Map(
        (
          await tx<{ id: string; slug: string }[]>`
            select id, slug from catalog.products where slug = any(${groups.map((g) => g.slug ?? derive(g))})`
        ).map((p) => [p.slug, p.id]),
      )
      // Slugs this batch gives out: a derived one already taken, here or in the catalog, gets a unique suffix.
      const given = new Set(groups.flatMap((g) => g.slug ?? []))

      const plans: Plan[] = []
      const knownCategories = new Map<string, string>()
      const changing = new Map<string, Plan & { kind: 'update' }>()
      /** Products whose rows failed, with the failing line: their later rows fail too. */
      const refused = new Map<string, number>()
      for (const group of groups) {
        const productIds = [...new Set(group.rows.flatMap((r) => bySku.get(r.sku)?.productId ?? []))]
        if (productIds.length > 1) {
          failGroup(failed, group, {
            path: '/sku',
            message: 'these SKUs belong to different products; one slug cannot join them',
          })
          continue
        }
        const owner = group.slug ? owners.get(group.slug) : undefined
        const existing = productIds[0] ?? owner
        if (existing && owner && owner !== existing) {
          failGroup(failed, group, {
            path: '/slug',
            message: `${group.slug} is the slug of another product than the one these SKUs belong to`,
          })
          continue
        }
        if (existing) {
          // One product, one set of rows: rows that reach it under another key (an export without slugs writes
          // each variant on a row of its own) join the rows already planned for it.
          const broken = refused.get(existing)
          if (broken !== undefined) {
            failGroup(failed, group, { path: '/slug', message: `line ${broken} of the same product failed` })
            continue
          }
          const planned = changing.get(existing)
          if (planned) {
            const problem = joinRows(planned, group)
            if (problem) {
              // Written whole or not at all: the rows planned for it fail with this one.
              const line = group.rows[0]!.row.line
              failGroup(failed, planned.group, {
                path: '/slug',
                message: `line ${line} of the same product failed`,
              })
              failGroup(failed, group, problem)
              plans.splice(plans.indexOf(planned), 1)
              changing.delete(existing)
              refused.set(existing, line)
            }
            continue
          }
          const previousSlug =
            group.rows.map((r) => bySku.get(r.sku)?.slug).find((s) => s !== undefined) ?? group.slug!
          const plan: Plan = {
            kind: 'update',
            group,
            productId: existing,
            previousSlug,
            slug: group.slug ?? previousSlug,
            categoryIds: [],
          }
          changing.set(existing, plan)
          plans.push(plan)
          continue
        }
        if (group.fields.name === undefined) {
          failGroup(failed, group, { path: '/name', message: 'is required for a new product' })
          continue
        }
        let slug = group.slug ?? derive(group)
        if (!group.slug && (owners.has(slug) || given.has(slug)))
          slug = `${slug.slice(0, limits.slug - 7)}-${newId('prd').slice(-6).toLowerCase()}`
        given.add(slug)
        plans.push({ kind: 'create', group, productId: newId('prd', at.getTime()), slug, categoryIds: [] })
      }
      for (const plan of plans)
        for (const path of categoryPaths(plan.group.fields.category ?? ''))
          plan.categoryIds.push(await ensureCategoryPath(tx, path, at, knownCategories))

      // The other variants of products gaining or changing variants: their currency must stay one, and new
      // variants go after them.
      const updates = plans.filter((p) => p.kind === 'update')
      const targetVariants = updates.length
        ? await tx<TargetVariant[]>`
            select product_id as "productId", sku, currency, position from catalog.variants
            where product_id = any(${updates.map((p) => p.productId)})`
        : []
      const variantsByProduct = groupBy(targetVariants, (v) => v.productId)
      const accepted = plans.filter((plan) => {
        const inGroup = new Set(plan.group.rows.map((r) => r.sku))
        const others = plan.kind === 'update' ? (variantsByProduct.get(plan.productId) ?? []) : []
        const total = inGroup.size + others.filter((v) => !inGroup.has(v.sku)).length
        if (total > maxVariants) {
          failGroup(failed, plan.group, {
            path: '/sku',
            message: `a product has at most ${maxVariants} variants; these rows would give it ${total}`,
          })
          return false
        }
        if (plan.kind !== 'update') return true
        const other = others.find((v) => !inGroup.has(v.sku))
        if (other && other.currency !== plan.group.currency) {
          failGroup(failed, plan.group, {
            path: '/currency',
            message: `the product's other variants (${other.sku}) are priced in ${other.currency}; its variants share one currency`,
          })
          return false
        }
        return true
      })

      const creates = accepted.filter((p) => p.kind === 'create')
      const changes = accepted.filter((p) => p.kind === 'update')
      const stale: string[] = []
      const events = []
      const occurredAt = at.toISOString()

      if (creates.length) {
        const variants = creates.flatMap((plan) =>
          plan.group.rows.map((r, position) => ({
            id: newId('var', at.getTime()),
            product_id: plan.productId,
            sku: r.sku,
            options: r.options ?? {},
            amount: r.amount,
            compare_at: r.compareAt,
            currency: plan.group.currency,
            position,
          })),
        )
        const products = creates.map((plan) => ({
          id: plan.productId,
          slug: plan.slug,
          name: plan.group.fields.name!,
          description: plan.group.fields.description ?? '',
          brand: plan.group.fields.brand ?? null,
          status: plan.group.fields.status ?? 'active',
          amount: Math.min(...plan.group.rows.map((r) => r.amount)),
          currency: plan.group.currency,
          category_ids: plan.categoryIds,
          attributes: plan.group.fields.attributes ? JSON.parse(plan.group.fields.attributes) : {},
          variant_terms: variantTerms(plan.group.rows),
        }))
        await tx`
          with rows as (select * from jsonb_to_recordset(${tx.json(products as Parameters<typeof tx.json>[0])})
            as x(id text, slug text, name text, description text, brand text, status text, amount bigint,
                 currency text, category_ids jsonb, attributes jsonb, variant_terms text)),
          vs as (select * from jsonb_to_recordset(${tx.json(variants as Parameters<typeof tx.json>[0])})
            as x(id text, product_id text, sku text, options jsonb, amount bigint, compare_at bigint, currency text,
                 position int)),
          p as (
            insert into catalog.products (id, slug, name, description, brand, status, min_price_amount, currency, category_ids,
              attributes, variant_terms, created_at, updated_at)
            select id, slug, name, description, brand, status, amount, currency,
              array(select c from jsonb_array_elements_text(category_ids) c order by c), attributes, variant_terms,
              ${at}, ${at}
            from rows
          ),
          v as (
            insert into catalog.variants (id, product_id, sku, options, price_amount, compare_at_amount, currency, position, created_at, updated_at)
            select id, product_id, sku, options, amount, compare_at, currency, position, ${at}, ${at} from vs
          )
          insert into catalog.product_categories (product_id, category_id)
          select id, jsonb_array_elements_text(category_ids) from rows`
        const variantsOf = groupBy(variants, (v) => v.product_id)
        for (const [i, plan] of creates.entries()) {
          const p = products[i]!
          events.push(
            productCreated.create(
              {
                productId: plan.productId,
                slug: plan.slug,
                name: p.name,
                brand: p.brand,
                status: p.status as ProductStatus,
                categoryIds: plan.categoryIds,
                variants: variantsOf.get(plan.productId)!.map((v) => ({
                  id: v.id,
                  sku: v.sku,
                  options: v.options,
                  price: { amount: v.amount, currency: v.currency },
                  compareAtPrice:
                    v.compare_at === null ? null : { amount: v.compare_at, currency: v.currency },
                })),
                occurredAt,
              },
              meta,
            ),
          )
        }
      }

      if (changes.length) {
        // New variants go after the ones the product has, in file order; known ones keep their place.
        const variants = changes.flatMap((plan) => {
          let position = Math.max(-1, ...(variantsByProduct.get(plan.productId) ?? []).map((v) => v.position))
          return plan.group.rows.map((r) => {
            const before = bySku.get(r.sku)
            return {
              id: before?.variantId ?? newId('var', at.getTime()),
              product_id: plan.productId,
              sku: r.sku,
              options: r.options,
              amount: r.amount,
              compare_at: r.compareAt,
              currency: plan.group.currency,
              position: before ? null : ++position,
            }
          })
        })
        const products = changes.map((plan) => ({
          id: plan.productId,
          slug: plan.slug,
          name: plan.group.fields.name ?? null,
          description: plan.group.fields.description ?? null,
          brand: plan.group.fields.brand ?? null,
          status: plan.group.fields.status ?? null,
          category_ids: plan.categoryIds,
          attributes: plan.group.fields.attributes ? JSON.parse(plan.group.fields.attributes) : null,
        }))
        // Empty optional fields keep what the product and its variants had.
        await tx`
          with rows as (select * from jsonb_to_recordset(${tx.json(products as Parameters<typeof tx.json>[0])})
            as x(id text, slug text, name text, description text, brand text, status text, category_ids jsonb,
                 attributes jsonb)),
          vs as (select * from jsonb_to_recordset(${tx.json(variants as Parameters<typeof tx.json>[0])})
            as x(id text, product_id text, sku text, options jsonb, amount bigint, compare_at bigint, currency text,
                 position int)),
          known as (
            update catalog.variants v set price_amount = vs.amount, currency = vs.currency,
              options = coalesce(vs.options, v.options), compare_at_amount = coalesce(vs.compare_at, v.compare_at_amount),
              updated_at = ${at}
            from vs where v.id = vs.id and vs.position is null
          ),
          added as (
            insert into catalog.variants (id, product_id, sku, options, price_amount, compare_at_amount, currency, position, created_at, updated_at)
            select id, product_id, sku, coalesce(options, '{}'), amount, compare_at, currency, position, ${at}, ${at}
            from vs where vs.position is not null
          ),
          c as (
            insert into catalog.product_categories (product_id, category_id)
            select id, jsonb_array_elements_text(category_ids) from rows
            on conflict do nothing
          )
          update catalog.products p set slug = rows.slug, name = coalesce(rows.name, p.name),
            description = coalesce(rows.description, p.description), brand = coalesce(rows.brand, p.brand),
            status = coalesce(rows.status, p.status), attributes = coalesce(rows.attributes, p.attributes),
            updated_at = ${at}
          from rows where p.id = rows.id`
        const ids = changes.map((plan) => plan.productId)
        await tx`
          update catalog.products p set min_price_amount = v.amount, currency = v.currency
          from (select product_id, min(price_amount) as amount, min(currency) as currency from catalog.variants
                where product_id = any(${ids}) group by product_id) v
          where p.id = v.product_id`
        // Consumers get each product as it now is, every variant and category included, not only what the rows gave.
        const now = new Map((await loadProducts(deps, ids, tx)).map((p) => [p.id, p]))
        for (const plan of changes) {
          const p = now.get(plan.productId)!
          const given = productFields.filter((f) => plan.group.fields[f] !== undefined)
          events.push(
            productUpdated.create(
              {
                ...snapshot(p, occurredAt),
                changed: [
                  ...given.map((f) => (f === 'category' ? 'categoryIds' : f)),
                  ...(plan.slug !== plan.previousSlug ? ['slug'] : []),
                  'variants',
                ],
                ...(plan.slug !== plan.previousSlug && { previousSlug: plan.previousSlug }),
              },
              meta,
            ),
          )
          for (const r of plan.group.rows) {
            const before = bySku.get(r.sku)
            if (!before || (before.amount === r.amount && before.currency === plan.group.currency)) continue
            const variant = p.variants.find((v) => v.sku === r.sku)!
            events.push(
              priceChanged.create(
                {
                  productId: p.id,
                  variantId: variant.id,
                  sku: r.sku,
                  previous: { amount: before.amount, currency: before.currency },
                  current: variant.price,
                  compareAtPrice: variant.compareAtPrice,
                  occurredAt,
                },
                meta,
              ),
            )
          }
          stale.push(productCacheKey(p.id), productCacheKey(p.slug), productCacheKey(plan.previousSlug))
        }
      }

      await outbox.addMany(tx, schema, events)
      const rowsOf = (plans: Plan[]) => plans.reduce((n, p) => n + p.group.rows.length, 0)
      const updated = changes.reduce((n, p) => n + p.group.rows.filter((r) => bySku.has(r.sku)).length, 0)
      return { created: rowsOf(accepted) - updated, updated, stale }
    })
  } catch (e) {
    // Another import wrote one of these SKUs or slugs meanwhile; nothing of this batch was written.
    if ((e as { code?: string }).code === '23505')
      throw new AppError('conflict', {
        detail: 'Another write took a SKU or slug of this batch at the same time; send the batch again',
      })
    throw e
  }
  const { stale, ...counts } = result
  // The shared cache is invalidated before the relay is woken: see `invalidate` in service.ts.
  await dropProductEntries(deps, stale)
  await deps.cache.bump()
  deps.eventsWritten()
  deps.rowsImported?.(counts.created + counts.updated)
  return { ...counts, failed: failed.sort(byLine) }
}
