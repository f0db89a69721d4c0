import { isUniqueViolation, type Tx } from '@myshop/db'
import { AppError, type FieldError } from '@myshop/errors'
import { type EventEnvelope, outbox, priceChanged, productCreated, productUpdated } from '@myshop/events'
import { newId } from '@myshop/ids'
import { dropProductEntries, productCacheKey } from '../cache/cache-invalidation.ts'
import { ensureCategoryPath } from '../categories/service.ts'
import { type ProductDeps, schema } from '../deps.ts'
import {
  productLimits as limits,
  optionNamesOf,
  optionPairsOf,
  type ProductStatus,
} from '../products/model.ts'
import { eventMeta, loadProducts, snapshot } from '../products/service.ts'
import { slugify } from '../products/slug.ts'
import type { KnownVariant, TargetVariant, VariantRecord } from './repository.ts'
import * as catalog from './repository.ts'
import {
  type CheckedRow,
  categoryPaths,
  failGroup,
  type Group,
  groupRows,
  type ImportFailure,
  type ImportResult,
  type ImportRow,
  productFields,
} from './rows.ts'

export type { ImportFailure, ImportResult, ImportRow } from './rows.ts'

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

/** The option values the rows give, in row order. */
const optionsGiven = (rows: CheckedRow[]) => rows.flatMap((r) => (r.options ? [r.options] : []))

/**
 * A new product's option values as the catalog keeps them for search (`catalog.variant_terms`, migration 0012):
 * each distinct value once, in code point order, separated by spaces. Written with the product, as its option
 * pairs are (`optionPairsOf`, migration 0013), the variants' triggers then find nothing to change.
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

/** Thrown out of a dry run's transaction to roll it back with what it would have done. */
class DryRun {
  constructor(readonly counts: { created: number; updated: number }) {}
}

type CreatePlan = Extract<Plan, { kind: 'create' }>
type UpdatePlan = Extract<Plan, { kind: 'update' }>
type EventMeta = ReturnType<typeof eventMeta>

/** What a batch's groups become: new products, changes to existing ones, and what the writes need to know. */
interface ImportPlan {
  creates: CreatePlan[]
  changes: UpdatePlan[]
  bySku: Map<string, KnownVariant>
  variantsByProduct: Map<string, TargetVariant[]>
}

/**
 * Looks up the SKUs and slugs of a batch and decides what each group does: joins or renames the product its SKUs
 * or slug name, or makes a new one. Groups that cannot be written are added to `failed`, whole.
 */
const planImport = async (
  tx: Tx,
  groups: Group[],
  failed: ImportFailure[],
  at: Date,
): Promise<ImportPlan> => {
  const known = await catalog.variantsBySku(
    tx,
    groups.flatMap((g) => g.rows.map((r) => r.sku)),
  )
  const bySku = new Map(known.map((k) => [k.sku, k]))
  // The slugs the file names, and the ones new products without one would get, with the products holding them.
  const derive = (g: Group) =>
    `${slugify(g.fields.name ?? '')}-${slugify(g.rows[0]!.sku)}`.slice(0, limits.slug)
  const owners = new Map(
    (
      await catalog.productsBySlug(
        tx,
        groups.map((g) => g.slug ?? derive(g)),
      )
    ).map((p) => [p.slug, p.id]),
  )
  // Slugs this batch gives out: a derived one already taken, here or in the catalog, gets a unique suffix.
  const given = new Set(groups.flatMap((g) => g.slug ?? []))

  const plans: Plan[] = []
  const changing = new Map<string, UpdatePlan>()
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
      // One product, one set of rows: rows that reach it under another key (an export without slugs writes each
      // variant on a row of its own) join the rows already planned for it.
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
      const plan: UpdatePlan = {
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

  // The other variants of products gaining or changing variants: their currency must stay one, there may be
  // only so many, and new variants go after them.
  const updates = plans.filter((p) => p.kind === 'update')
  const targetVariants = updates.length
    ? await catalog.variantsOfProducts(
        tx,
        updates.map((p) => p.productId),
      )
    : []
  const variantsByProduct = groupBy(targetVariants, (v) => v.productId)
  const accepted = plans.filter((plan) => {
    const inGroup = new Set(plan.group.rows.map((r) => r.sku))
    const others = plan.kind === 'update' ? (variantsByProduct.get(plan.productId) ?? []) : []
    const total = inGroup.size + others.filter((v) => !inGroup.has(v.sku)).length
    if (total > limits.variants) {
      failGroup(failed, plan.group, {
        path: '/sku',
        message: `a product has at most ${limits.variants} variants; these rows would give it ${total}`,
      })
      return false
    }
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
  const categoryIds = new Map<string, string>()
  for (const plan of accepted)
    for (const path of categoryPaths(plan.group.fields.category ?? ''))
      plan.categoryIds.push(await ensureCategoryPath(tx, path, at, categoryIds))
  return {
    creates: accepted.filter((p) => p.kind === 'create'),
    changes: accepted.filter((p) => p.kind === 'update'),
    bySku,
    variantsByProduct,
  }
}

/** Inserts new products with their variants and category links, a few statements for the whole batch. */
const insertProducts = async (tx: Tx, creates: CreatePlan[], at: Date, meta: EventMeta) => {
  if (creates.length === 0) return []
  const variants = creates.flatMap((plan) =>
    plan.group.rows.map(
      (r, position): VariantRecord => ({
        id: newId('var', at.getTime()),
        product_id: plan.productId,
        sku: r.sku,
        options: r.options ?? {},
        amount: r.amount,
        compare_at: r.compareAt,
        currency: plan.group.currency,
        position,
      }),
    ),
  )
  const products = creates.map((plan) => {
    const given = optionsGiven(plan.group.rows)
    return {
      id: plan.productId,
      slug: plan.slug,
      name: plan.group.fields.name!,
      description: plan.group.fields.description ?? '',
      brand: plan.group.fields.brand ?? null,
      status: (plan.group.fields.status ?? 'active') as ProductStatus,
      amount: Math.min(...plan.group.rows.map((r) => r.amount)),
      currency: plan.group.currency,
      category_ids: plan.categoryIds,
      attributes: plan.group.fields.attributes ? JSON.parse(plan.group.fields.attributes) : {},
      variant_terms: variantTerms(plan.group.rows),
      option_values: optionPairsOf(given),
      option_names: optionNamesOf(given),
    }
  })
  await catalog.insertProducts(tx, products, variants, at)
  const variantsOf = groupBy(variants, (v) => v.product_id)
  const occurredAt = at.toISOString()
  return products.map((p) =>
    productCreated.create(
      {
        productId: p.id,
        slug: p.slug,
        name: p.name,
        brand: p.brand,
        status: p.status,
        categoryIds: p.category_ids,
        variants: variantsOf.get(p.id)!.map((v) => ({
          id: v.id,
          sku: v.sku,
          options: v.options ?? {},
          price: { amount: v.amount, currency: v.currency },
          compareAtPrice: v.compare_at === null ? null : { amount: v.compare_at, currency: v.currency },
        })),
        occurredAt,
      },
      meta,
    ),
  )
}

/**
 * Writes the rows of existing products: known variants updated, new ones added after the others, product fields
 * and categories. Empty optional fields keep what the product and its variants had. Returns the events, built from
 * each product as it now is, and the cache keys the changes made stale.
 */
const changeProducts = async (
  deps: ProductDeps,
  tx: Tx,
  { changes, bySku, variantsByProduct }: ImportPlan,
  at: Date,
  meta: EventMeta,
): Promise<{ events: EventEnvelope[]; stale: string[] }> => {
  if (changes.length === 0) return { events: [], stale: [] }
  const variants = changes.flatMap((plan) => {
    let position = Math.max(-1, ...(variantsByProduct.get(plan.productId) ?? []).map((v) => v.position))
    return plan.group.rows.map((r): VariantRecord => {
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
    option_names: optionNamesOf(optionsGiven(plan.group.rows)),
  }))
  await catalog.changeProducts(tx, products, variants, at)
  const ids = changes.map((plan) => plan.productId)
  await catalog.refreshPrices(tx, ids)

  // Consumers get each product as it now is, every variant and category included, not only what the rows gave.
  const now = new Map((await loadProducts(deps, ids, tx)).map((p) => [p.id, p]))
  const occurredAt = at.toISOString()
  const events: EventEnvelope[] = []
  const stale: string[] = []
  for (const plan of changes) {
    const p = now.get(plan.productId)!
    const renamed = plan.slug !== plan.previousSlug
    const given = productFields.filter((f) => plan.group.fields[f] !== undefined)
    events.push(
      productUpdated.create(
        {
          ...snapshot(p, occurredAt),
          changed: [
            ...given.map((f) => (f === 'category' ? 'categoryIds' : f)),
            ...(renamed ? ['slug'] : []),
            'variants',
          ],
          ...(renamed && { previousSlug: plan.previousSlug }),
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
  return { events, stale }
}

/**
 * Upserts products by SKU in bulk. A known SKU updates its variant and its product; a new SKU joins the product
 * its slug names (in the file or in the catalog) or makes a product of its own. Bad rows are reported by line
 * and skipped with the rest of their product; the good ones are written in one transaction with their events,
 * a few statements per batch rather than per row. A dry run does all of it and rolls it back: the answer is what
 * the import would do, and nothing is written.
 */
export const importRows = async (
  deps: ProductDeps,
  rows: ImportRow[],
  ctx: { requestId?: string; traceparent?: string } = {},
  { dryRun = false }: { dryRun?: boolean } = {},
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
      const plan = await planImport(tx, groups, failed, at)
      const created = await insertProducts(tx, plan.creates, at, meta)
      const changed = await changeProducts(deps, tx, plan, at, meta)
      await outbox.addMany(tx, schema, [...created, ...changed.events])
      // Rows count variants: a known SKU is an update, a new one a creation (on a new product or an existing one).
      const rowsIn = (plans: Plan[]) => plans.reduce((n, p) => n + p.group.rows.length, 0)
      const updated = plan.changes.reduce(
        (n, p) => n + p.group.rows.filter((r) => plan.bySku.has(r.sku)).length,
        0,
      )
      const counts = {
        created: rowsIn(plan.creates) + rowsIn(plan.changes) - updated,
        updated,
        stale: changed.stale,
      }
      // Everything was checked and written as it would be; rolled back, so nothing of it is kept or announced.
      if (dryRun) throw new DryRun(counts)
      return counts
    })
  } catch (e) {
    if (e instanceof DryRun)
      return { created: e.counts.created, updated: e.counts.updated, failed: failed.sort(byLine) }
    // Another import wrote one of these SKUs or slugs meanwhile; nothing of this batch was written.
    if (isUniqueViolation(e))
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
