import type { Tx } from '@myshop/db'
import type { FieldError } from '@myshop/errors'
import { outbox, priceChanged, productCreated, productUpdated } from '@myshop/events'
import { newId } from '@myshop/ids'
import { isCurrency, parseDecimalPrice, priceProblem } from '@myshop/money'
import * as categories from '../categories/repository.ts'
import { type ProductDeps, schema, source } from '../deps.ts'
import { dropProductEntries, productCacheKey } from './cache-invalidation.ts'
import type { ProductStatus } from './model.ts'
import { slugify } from './slug.ts'

/** One line of a catalog file: a product with a single variant, keyed by SKU. */
export interface ImportRow {
  /** The row's line in the source file, echoed back in failures. */
  line: number
  sku: string
  name: string
  description?: string | undefined
  brand?: string | undefined
  /** A category path such as `Electronics > Phones`; missing categories are created. */
  category?: string | undefined
  /** A decimal string in the currency's major unit, e.g. `12.99`. */
  price: string
  currency: string
  status?: ProductStatus | undefined
}

export interface ImportFailure {
  line: number
  sku: string
  errors: FieldError[]
}

export interface ImportResult {
  created: number
  updated: number
  failed: ImportFailure[]
}

interface ValidRow extends ImportRow {
  amount: number
  categoryId: string | null
}

/** A row's problems, and its price in minor units when that is one (parsed once: imports are large). */
const check = (row: ImportRow): { errors: FieldError[]; amount: number | null } => {
  const errors: FieldError[] = []
  let amount: number | null = null
  if (!row.sku?.trim()) errors.push({ path: '/sku', message: 'is required' })
  else if (row.sku.length > 64) errors.push({ path: '/sku', message: 'is longer than 64 characters' })
  if (!row.name?.trim()) errors.push({ path: '/name', message: 'is required' })
  if (!row.currency || !isCurrency(row.currency))
    errors.push({ path: '/currency', message: `unknown currency ${row.currency ?? ''}`.trim() })
  else {
    amount = parseDecimalPrice(row.price ?? '', row.currency)
    if (amount === null)
      errors.push({ path: '/price', message: priceProblem(row.price ?? '', row.currency) ?? 'invalid' })
  }
  if (row.status && !['draft', 'active', 'archived'].includes(row.status))
    errors.push({ path: '/status', message: 'must be draft, active or archived' })
  return { errors, amount }
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

/**
 * Upserts products by SKU in bulk: a known SKU updates its product and price, a new one creates a product
 * with one variant. Bad rows are reported by line and skipped; the good ones are written in one
 * transaction with their events, a few statements per batch rather than per row.
 */
export const importRows = async (
  deps: ProductDeps,
  rows: ImportRow[],
  ctx: { requestId?: string; traceparent?: string } = {},
): Promise<ImportResult> => {
  const failed: ImportFailure[] = []
  const seen = new Map<string, number>()
  const valid: Omit<ValidRow, 'categoryId'>[] = []
  for (const row of rows) {
    const { errors, amount } = check(row)
    const sku = row.sku?.trim()
    if (sku && seen.has(sku)) errors.push({ path: '/sku', message: `duplicate of line ${seen.get(sku)}` })
    if (errors.length) {
      failed.push({ line: row.line, sku: row.sku ?? '', errors })
      continue
    }
    seen.set(sku!, row.line)
    valid.push({
      ...row,
      sku: sku!,
      name: row.name.trim(),
      amount: amount!,
    })
  }
  if (valid.length === 0) return { created: 0, updated: 0, failed }

  const at = new Date(deps.now())
  const meta = {
    source,
    occurredAt: at,
    ...(ctx.requestId && { requestId: ctx.requestId }),
    ...(ctx.traceparent && { traceparent: ctx.traceparent }),
  }
  const result = await deps.sql.begin(async (tx) => {
    const categoryIds = new Map<string, string>()
    const withCategories: ValidRow[] = []
    for (const row of valid) {
      withCategories.push({
        ...row,
        categoryId: row.category?.trim() ? await ensureCategoryPath(tx, row.category, at, categoryIds) : null,
      })
    }
    const existing = await tx<
      {
        sku: string
        variantId: string
        productId: string
        slug: string
        amount: number
        currency: string
        status: ProductStatus
      }[]
    >`
      select v.sku, v.id as "variantId", v.product_id as "productId", p.slug, v.price_amount as amount, v.currency, p.status
      from catalog.variants v join catalog.products p on p.id = v.product_id
      where v.sku = any(${withCategories.map((r) => r.sku)})`
    const bySku = new Map(existing.map((e) => [e.sku, e]))
    const fresh = withCategories.filter((r) => !bySku.has(r.sku))
    const known = withCategories.filter((r) => bySku.has(r.sku))

    const created = fresh.map((r) => ({
      ...r,
      productId: newId('prd', at.getTime()),
      variantId: newId('var', at.getTime()),
      slug: `${slugify(r.name)}-${slugify(r.sku)}`.slice(0, 120),
      status: r.status ?? 'active',
    }))
    if (created.length) {
      const json = tx.json(
        created.map((r) => ({
          id: r.productId,
          slug: r.slug,
          name: r.name,
          description: r.description ?? '',
          brand: r.brand?.trim() || null,
          status: r.status,
          amount: r.amount,
          currency: r.currency,
          variant_id: r.variantId,
          sku: r.sku,
          category_id: r.categoryId,
        })) as Parameters<typeof tx.json>[0],
      )
      await tx`
        with rows as (select * from jsonb_to_recordset(${json}) as x(id text, slug text, name text, description text,
          brand text, status text, amount bigint, currency text, variant_id text, sku text, category_id text)),
        p as (
          insert into catalog.products (id, slug, name, description, brand, status, min_price_amount, currency, category_ids, created_at, updated_at)
          select id, slug, name, description, brand, status, amount, currency,
            case when category_id is null then '{}'::text[] else array[category_id] end, ${at}, ${at} from rows
        ),
        v as (
          insert into catalog.variants (id, product_id, sku, price_amount, currency, position, created_at, updated_at)
          select variant_id, id, sku, amount, currency, 0, ${at}, ${at} from rows
        )
        insert into catalog.product_categories (product_id, category_id)
        select id, category_id from rows where category_id is not null`
    }
    if (known.length) {
      const json = tx.json(
        known.map((r) => ({
          id: bySku.get(r.sku)!.productId,
          variant_id: bySku.get(r.sku)!.variantId,
          name: r.name,
          description: r.description ?? null,
          brand: r.brand?.trim() || null,
          status: r.status ?? null,
          amount: r.amount,
          currency: r.currency,
          category_id: r.categoryId,
        })) as Parameters<typeof tx.json>[0],
      )
      await tx`
        with rows as (select * from jsonb_to_recordset(${json}) as x(id text, variant_id text, name text, description text,
          brand text, status text, amount bigint, currency text, category_id text)),
        v as (
          update catalog.variants v set price_amount = rows.amount, currency = rows.currency, updated_at = ${at}
          from rows where v.id = rows.variant_id
        ),
        c as (
          insert into catalog.product_categories (product_id, category_id)
          select id, category_id from rows where category_id is not null
          on conflict do nothing
        )
        update catalog.products p set name = rows.name, description = coalesce(rows.description, p.description),
          brand = coalesce(rows.brand, p.brand), status = coalesce(rows.status, p.status), updated_at = ${at}
        from rows where p.id = rows.id`
      await tx`
        update catalog.products p set min_price_amount = v.amount, currency = v.currency
        from (select product_id, min(price_amount) as amount, min(currency) as currency from catalog.variants
              where product_id = any(${known.map((r) => bySku.get(r.sku)!.productId)}) group by product_id) v
        where p.id = v.product_id`
    }

    const occurredAt = at.toISOString()
    const events = [
      ...created.map((r) =>
        productCreated.create(
          {
            productId: r.productId,
            slug: r.slug,
            name: r.name,
            brand: r.brand?.trim() || null,
            status: r.status,
            categoryIds: r.categoryId ? [r.categoryId] : [],
            variants: [
              {
                id: r.variantId,
                sku: r.sku,
                options: {},
                price: { amount: r.amount, currency: r.currency },
                compareAtPrice: null,
              },
            ],
            occurredAt,
          },
          meta,
        ),
      ),
      ...known.flatMap((r) => {
        const before = bySku.get(r.sku)!
        const updated = productUpdated.create(
          {
            productId: before.productId,
            slug: before.slug,
            name: r.name,
            brand: r.brand?.trim() || null,
            status: r.status ?? before.status,
            categoryIds: r.categoryId ? [r.categoryId] : [],
            variants: [
              {
                id: before.variantId,
                sku: r.sku,
                options: {},
                price: { amount: r.amount, currency: r.currency },
                compareAtPrice: null,
              },
            ],
            occurredAt,
            changed: ['name', 'description', 'brand', 'status', 'categoryIds', 'variants'],
          },
          meta,
        )
        const moved = before.amount !== r.amount || before.currency !== r.currency
        return moved
          ? [
              updated,
              priceChanged.create(
                {
                  productId: before.productId,
                  variantId: before.variantId,
                  sku: r.sku,
                  previous: { amount: before.amount, currency: before.currency },
                  current: { amount: r.amount, currency: r.currency },
                  compareAtPrice: null,
                  occurredAt,
                },
                meta,
              ),
            ]
          : [updated]
      }),
    ]
    await outbox.addMany(tx, schema, events)
    const stale = known.flatMap((r) => [
      productCacheKey(bySku.get(r.sku)!.productId),
      productCacheKey(bySku.get(r.sku)!.slug),
    ])
    return { created: created.length, updated: known.length, stale }
  })
  const { stale, ...counts } = result
  // The shared cache is invalidated before the relay is woken: see `invalidate` in service.ts.
  await dropProductEntries(deps, stale)
  await deps.cache.bump()
  deps.eventsWritten()
  deps.rowsImported?.(counts.created + counts.updated)
  return { ...counts, failed }
}
