import { optionLimits, optionNameProblem } from '@myshop/catalog-format'
import { isUniqueViolation, type Tx } from '@myshop/db'
import { AppError, type FieldError } from '@myshop/errors'
import { outbox, priceChanged, productCreated, productDeleted, productUpdated } from '@myshop/events'
import { newId } from '@myshop/ids'
import { isCurrency } from '@myshop/money'
import { dropProductEntries, productCacheKey, searchKey } from '../cache/cache-invalidation.ts'
import { cacheTtlSeconds } from '../cache/response-cache.ts'
import { categoryAncestorIds, findCategory } from '../categories/service.ts'
import { type ProductDeps, schema, source } from '../deps.ts'
import type { MediaStorage } from '../media/storage.ts'
import type { OptionFilter, SearchQuery, SearchResult, SearchSort } from '../search/engine.ts'
import {
  inOrder,
  type Money,
  optionNamesOf,
  optionsOf,
  type Product,
  type ProductStatus,
  toSearchDocument,
  variantDisplayName,
} from './model.ts'
import * as products from './repository.ts'
import { slugify } from './slug.ts'

export interface VariantInput {
  sku: string
  options?: Record<string, string> | undefined
  price: Money
  compareAtPrice?: Money | null | undefined
}

export interface ProductInput {
  name: string
  slug?: string | undefined
  description?: string | undefined
  brand?: string | null | undefined
  attributes?: Record<string, string | number | boolean> | undefined
  status?: ProductStatus | undefined
  categoryIds?: string[] | undefined
  variants: VariantInput[]
}

export type ProductChanges = Partial<ProductInput>

export interface EventContext {
  requestId?: string
  traceparent?: string
}

const notFound = () => new AppError('not_found', { detail: 'No such product' })

/** Assembles the API shape of loaded rows. */
export const toProduct = (p: products.LoadedProduct, storage: MediaStorage): Product => {
  const variants = p.variants.map((v) => ({
    id: v.id,
    sku: v.sku,
    options: v.options,
    price: { amount: v.priceAmount, currency: v.currency },
    compareAtPrice: v.compareAtAmount === null ? null : { amount: v.compareAtAmount, currency: v.currency },
    position: v.position,
  }))
  return {
    id: p.row.id,
    slug: p.row.slug,
    name: p.row.name,
    description: p.row.description,
    brand: p.row.brand,
    attributes: p.row.attributes,
    status: p.row.status,
    categories: p.categories.map(({ id, name, slug, path }) => ({ id, name, slug, path })),
    variants: variants.map((v) => ({ ...v, options: inOrder(v.options, p.row.optionNames) })),
    options: optionsOf(variants, p.row.optionNames),
    images: p.images.map((i) => ({
      id: i.id,
      contentType: i.contentType,
      width: i.width,
      height: i.height,
      position: i.position,
      urls: {
        original: storage.url(i.keys.original),
        medium: storage.url(i.keys.medium),
        thumbnail: storage.url(i.keys.thumbnail),
      },
    })),
    price: p.row.minPriceAmount === null ? null : { amount: p.row.minPriceAmount, currency: p.row.currency! },
    createdAt: p.row.createdAt.toISOString(),
    updatedAt: p.row.updatedAt.toISOString(),
  }
}

export const loadProducts = async (
  deps: ProductDeps,
  ids: string[],
  sql: Tx | ProductDeps['sql'] = deps.sql,
) => (await products.loadMany(sql, ids)).map((p) => toProduct(p, deps.storage))

/** Business rules the schema cannot express; every problem is reported at once, nothing is written. */
const validate = (input: ProductChanges) => {
  const errors: FieldError[] = []
  const skus = new Set<string>()
  input.variants?.forEach((v, i) => {
    if (!isCurrency(v.price.currency))
      errors.push({ path: `/variants/${i}/price/currency`, message: `unknown currency ${v.price.currency}` })
    if (v.compareAtPrice && v.compareAtPrice.currency !== v.price.currency)
      errors.push({
        path: `/variants/${i}/compareAtPrice/currency`,
        message: 'must match the price currency',
      })
    const names = Object.keys(v.options ?? {})
    // The schema's record type cannot bound its keys.
    if (names.length > optionLimits.perVariant)
      errors.push({ path: `/variants/${i}/options`, message: `at most ${optionLimits.perVariant} options` })
    for (const name of names) {
      const problem = name.trim() === '' ? 'an option has no name' : optionNameProblem(name)
      if (problem) errors.push({ path: `/variants/${i}/options`, message: problem })
    }
    if (skus.has(v.sku))
      errors.push({ path: `/variants/${i}/sku`, message: `duplicate SKU ${v.sku} in the request` })
    skus.add(v.sku)
  })
  const currencies = new Set(input.variants?.map((v) => v.price.currency))
  if (currencies.size > 1)
    errors.push({ path: '/variants', message: 'all variants of a product share one currency' })
  if (errors.length)
    throw new AppError('validation_failed', { detail: errors.map((e) => e.message).join('; '), errors })
}

export const snapshot = (p: Product, occurredAt: string) => ({
  productId: p.id,
  slug: p.slug,
  name: p.name,
  brand: p.brand,
  status: p.status,
  categoryIds: p.categories.map((c) => c.id),
  variants: p.variants.map(({ id, sku, options, price, compareAtPrice }) => ({
    id,
    sku,
    options,
    price,
    compareAtPrice,
  })),
  occurredAt,
})

/** Envelope fields of an event this service writes. */
export const eventMeta = (deps: ProductDeps, ctx: EventContext) => ({
  source,
  occurredAt: new Date(deps.now()),
  ...(ctx.traceparent && { traceparent: ctx.traceparent }),
  ...(ctx.requestId && { requestId: ctx.requestId }),
})

const assertCategories = async (tx: Tx, ids: string[]) => {
  const found = new Set(await products.existingCategoryIds(tx, ids))
  const missing = ids.filter((id) => !found.has(id))
  if (missing.length)
    throw new AppError('validation_failed', {
      detail: `Unknown categories: ${missing.join(', ')}`,
      errors: missing.map(() => ({ path: '/categoryIds', message: 'unknown category' })),
    })
}

const assertSkusFree = async (tx: Tx, skus: string[], productId: string | null) => {
  const taken = await products.skusTakenElsewhere(tx, skus, productId)
  if (taken.length)
    throw new AppError('conflict', { detail: `SKU already used by another product: ${taken.join(', ')}` })
}

const uniqueSlug = async (tx: Tx, wanted: string | undefined, name: string, productId: string | null) => {
  if (wanted) {
    const owner = await products.findRow(tx, wanted)
    if (owner && owner.id !== productId)
      throw new AppError('conflict', { detail: `The slug ${wanted} is taken` })
    return wanted
  }
  const base = slugify(name)
  const owner = await products.findRow(tx, base)
  return owner && owner.id !== productId ? `${base}-${newId('prd').slice(-6).toLowerCase()}` : base
}

/** Writes variants for a product, keeping the ids of SKUs it already had; returns price changes. */
const writeVariants = async (tx: Tx, productId: string, input: VariantInput[], at: Date) => {
  const existing = await products.variantsOf(tx, productId)
  const bySku = new Map(existing.map((v) => [v.sku, v]))
  const next = input.map((v, position) => ({
    id: bySku.get(v.sku)?.id ?? newId('var', at.getTime()),
    sku: v.sku,
    options: v.options ?? {},
    priceAmount: v.price.amount,
    currency: v.price.currency,
    compareAtAmount: v.compareAtPrice?.amount ?? null,
    position,
  }))
  const keep = new Set(next.map((v) => v.sku))
  await products.deleteVariants(
    tx,
    existing.filter((v) => !keep.has(v.sku)).map((v) => v.id),
  )
  await products.upsertVariants(tx, productId, next, at)
  await products.refreshFromVariants(tx, productId, optionNamesOf(next.map((v) => v.options)))
  return next.flatMap((v) => {
    const before = bySku.get(v.sku)
    return before && (before.priceAmount !== v.priceAmount || before.currency !== v.currency)
      ? [{ variant: v, previous: { amount: before.priceAmount, currency: before.currency } }]
      : []
  })
}

/**
 * After a commit: drops cached reads of the product and every cached listing, then wakes the relay. In that order
 * because other instances drop their in-process copies when the event arrives and then read the shared cache,
 * which must no longer hold what the change replaced.
 */
const invalidate = async (deps: ProductDeps, ...idsOrSlugs: string[]) => {
  await dropProductEntries(deps, idsOrSlugs.map(productCacheKey))
  await deps.cache.bump()
  deps.eventsWritten()
}

export const createProduct = async (
  deps: ProductDeps,
  input: ProductInput,
  ctx: EventContext = {},
): Promise<Product> => {
  validate(input)
  const at = new Date(deps.now())
  const id = newId('prd', at.getTime())
  try {
    const product = await deps.sql.begin(async (tx) => {
      const categoryIds = [...new Set(input.categoryIds ?? [])]
      await assertCategories(tx, categoryIds)
      await assertSkusFree(
        tx,
        input.variants.map((v) => v.sku),
        null,
      )
      await products.insertProduct(tx, {
        id,
        slug: await uniqueSlug(tx, input.slug, input.name, null),
        name: input.name.trim(),
        description: input.description ?? '',
        brand: input.brand?.trim() || null,
        attributes: input.attributes ?? {},
        status: input.status ?? 'draft',
        at,
      })
      await products.setCategories(tx, id, categoryIds)
      await writeVariants(tx, id, input.variants, at)
      const [p] = await loadProducts(deps, [id], tx)
      await outbox.add(
        tx,
        schema,
        productCreated.create(snapshot(p!, at.toISOString()), eventMeta(deps, ctx)),
      )
      return p!
    })
    await invalidate(deps, product.id, product.slug)
    return product
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('conflict', { detail: 'The SKU or slug is already taken' })
    throw e
  }
}

export const updateProduct = async (
  deps: ProductDeps,
  idOrSlug: string,
  changes: ProductChanges,
  ctx: EventContext = {},
): Promise<Product> => {
  validate(changes)
  const at = new Date(deps.now())
  let previousSlug = ''
  try {
    const product = await deps.sql.begin(async (tx) => {
      const current = await products.findRow(tx, idOrSlug, true)
      if (!current) throw notFound()
      previousSlug = current.slug
      const changed = Object.keys(changes).filter((k) => changes[k as keyof ProductChanges] !== undefined)
      await products.updateProduct(tx, current.id, {
        slug:
          changes.slug !== undefined
            ? await uniqueSlug(tx, changes.slug, current.name, current.id)
            : current.slug,
        name: changes.name?.trim() ?? current.name,
        description: changes.description ?? current.description,
        brand: changes.brand === undefined ? current.brand : changes.brand?.trim() || null,
        attributes: changes.attributes ?? current.attributes,
        status: changes.status ?? current.status,
        at,
      })
      if (changes.categoryIds) {
        const ids = [...new Set(changes.categoryIds)]
        await assertCategories(tx, ids)
        await products.setCategories(tx, current.id, ids)
      }
      let priceChanges: Awaited<ReturnType<typeof writeVariants>> = []
      if (changes.variants) {
        await assertSkusFree(
          tx,
          changes.variants.map((v) => v.sku),
          current.id,
        )
        priceChanges = await writeVariants(tx, current.id, changes.variants, at)
      }
      const [p] = await loadProducts(deps, [current.id], tx)
      await outbox.add(
        tx,
        schema,
        productUpdated.create(
          {
            ...snapshot(p!, at.toISOString()),
            changed,
            ...(p!.slug !== current.slug && { previousSlug: current.slug }),
          },
          eventMeta(deps, ctx),
        ),
      )
      for (const { variant, previous } of priceChanges) {
        await outbox.add(
          tx,
          schema,
          priceChanged.create(
            {
              productId: p!.id,
              variantId: variant.id,
              sku: variant.sku,
              previous,
              current: { amount: variant.priceAmount, currency: variant.currency },
              compareAtPrice:
                variant.compareAtAmount === null
                  ? null
                  : { amount: variant.compareAtAmount, currency: variant.currency },
              occurredAt: at.toISOString(),
            },
            eventMeta(deps, ctx),
          ),
        )
      }
      return p!
    })
    await invalidate(deps, product.id, product.slug, previousSlug)
    return product
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('conflict', { detail: 'The SKU or slug is already taken' })
    throw e
  }
}

export const deleteProduct = async (deps: ProductDeps, idOrSlug: string, ctx: EventContext = {}) => {
  const at = new Date(deps.now())
  const gone = await deps.sql.begin(async (tx) => {
    const current = await products.findRow(tx, idOrSlug, true)
    if (!current) throw notFound()
    const skus = (await products.variantsOf(tx, current.id)).map((v) => v.sku)
    await products.deleteProduct(tx, current.id)
    await outbox.add(
      tx,
      schema,
      productDeleted.create(
        { productId: current.id, slug: current.slug, skus, occurredAt: at.toISOString() },
        eventMeta(deps, ctx),
      ),
    )
    return current
  })
  await invalidate(deps, gone.id, gone.slug)
}

/**
 * One product by id or slug. Shoppers see active products only; a draft or archived one is a 404 unless
 * the caller may manage the catalog.
 */
export const getProduct = async (
  deps: ProductDeps,
  idOrSlug: string,
  canManage: boolean,
): Promise<Product> => {
  const loaded = await products.loadOne(deps.sql, idOrSlug)
  if (!loaded || (loaded.row.status !== 'active' && !canManage)) throw notFound()
  return toProduct(loaded, deps.storage)
}

/**
 * The variants of up to 100 SKUs with their products' names, statuses and prices (carts price their lines with
 * it). Shoppers see the SKUs of active products only; catalog managers see every status.
 */
export const lookupVariants = async (deps: ProductDeps, skus: string[], canManage: boolean) => ({
  items: (await products.variantsBySku(deps.sql, skus, !canManage)).map((row) => ({
    sku: row.sku,
    productId: row.productId,
    name: row.name,
    options: inOrder(row.options, row.optionNames),
    displayName: variantDisplayName(row.name, row.options, row.optionNames),
    price: { amount: row.priceAmount, currency: row.currency },
    status: row.status,
  })),
})

/**
 * Search documents for products, with the ancestors of their categories and their versions. Read in one
 * snapshot: a document mixing two states of a product would carry the newer version, and the newer state could
 * then never replace it.
 */
export const searchDocuments = (deps: ProductDeps, ids: string[]) =>
  deps.sql.begin('isolation level repeatable read, read only', async (tx) => {
    const loaded = await products.loadMany(tx, ids)
    return Promise.all(
      loaded.map(async (p) =>
        toSearchDocument(
          toProduct(p, deps.storage),
          await categoryAncestorIds(
            tx,
            p.categories.map((c) => c.id),
          ),
          p.row.version,
        ),
      ),
    )
  })

/**
 * Brings the search index in step with a product as it is now: its document, or its deletion. Versioned writes
 * make this safe to run for any event, any number of times, in any order.
 */
export const syncSearchIndex = async (deps: ProductDeps, productId: string) => {
  const [doc] = await searchDocuments(deps, [productId])
  if (doc) return deps.search.index(doc)
  const version = await products.deletionVersion(deps.sql, productId)
  return deps.search.remove(productId, version ?? undefined)
}

/** Products in id order after `after` (every status), and the cursor of the next page (null after the last). */
export const productPage = async (deps: ProductDeps, after: string | null, limit: number) => {
  const ids = await products.pageIds(deps.sql, after, limit + 1)
  const page = ids.slice(0, limit)
  return { items: await loadProducts(deps, page), nextCursor: ids.length > limit ? page.at(-1)! : null }
}

/** Every product in id order, a page at a time. */
export async function* allProductPages(deps: ProductDeps, pageSize = 500) {
  let after: string | null = null
  while (true) {
    const ids = await products.pageIds(deps.sql, after, pageSize)
    if (ids.length === 0) return
    yield ids
    after = ids.at(-1)!
  }
}

/**
 * Hooks for the media feature: an image added or removed is a product change, so it is announced as
 * `product.updated` in the same transaction and the product's cached reads are dropped after commit.
 */
export const imageHooks = (deps: ProductDeps) => ({
  inTransaction: async (tx: Tx, change: { productId: string }) => {
    const [p] = await loadProducts(deps, [change.productId], tx)
    if (!p) return
    const at = new Date(deps.now())
    await outbox.add(
      tx,
      schema,
      productUpdated.create({ ...snapshot(p, at.toISOString()), changed: ['images'] }, eventMeta(deps, {})),
    )
  },
  afterCommit: async (change: { productId: string }) => {
    const [p] = await loadProducts(deps, [change.productId])
    await invalidate(deps, change.productId, ...(p ? [p.slug] : []))
  },
})

/** A listing as a shopper asks for it: the query string's fields, not yet checked against the catalog. */
export interface ProductSearchParams {
  q?: string | undefined
  /** A category id or slug. */
  category?: string | undefined
  brand?: string | undefined
  minPrice?: number | undefined
  maxPrice?: number | undefined
  sort?: SearchSort | undefined
  /** `Size:M`, one option and a value each. */
  option?: string[] | undefined
  limit?: number | undefined
  cursor?: string | undefined
}

/**
 * `option=Size:M` filters as the engines take them: one per option (named as first written, case aside), its values
 * widening it. Sorted, so that the same filters in any order share their cache entries.
 */
export const optionFilters = (given: string[] | undefined): OptionFilter[] => {
  const byName = new Map<string, OptionFilter>()
  for (const text of given ?? []) {
    const cut = text.indexOf(':')
    const name = text.slice(0, cut).trim()
    const value = text.slice(cut + 1).trim()
    if (cut < 0 || !name || !value || name.length > optionLimits.name || value.length > optionLimits.value)
      throw new AppError('validation_failed', {
        detail: `option=${text} is not an option and a value (option=Size:M)`,
        errors: [{ path: '/option', message: 'expected name:value' }],
      })
    const key = name.toLowerCase()
    const filter = byName.get(key) ?? { name, values: [] }
    byName.set(key, filter)
    if (!filter.values.includes(value)) filter.values.push(value)
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return [...byName.entries()]
    .sort(([a], [b]) => order(a, b))
    .map(([, f]) => ({ name: f.name, values: f.values.sort(order) }))
}

/**
 * The search a shopper's listing asks for: the category resolved to its id, the price range and options checked,
 * the defaults filled in (relevance with words, else newest; 24 a page). Bad input is a 422.
 */
export const productSearch = async (deps: ProductDeps, params: ProductSearchParams): Promise<SearchQuery> => {
  let category: string | undefined
  if (params.category) {
    const c = await findCategory(deps, params.category)
    if (!c)
      throw new AppError('validation_failed', {
        detail: 'Unknown category',
        errors: [{ path: '/category', message: 'unknown category' }],
      })
    category = c.id
  }
  if (params.minPrice !== undefined && params.maxPrice !== undefined && params.minPrice > params.maxPrice) {
    throw new AppError('validation_failed', {
      detail: 'minPrice is above maxPrice',
      errors: [{ path: '/minPrice', message: 'above maxPrice' }],
    })
  }
  const q = params.q?.trim() || undefined
  const options = optionFilters(params.option)
  return {
    ...(q && { q }),
    ...(category && { category }),
    ...(params.brand && { brand: params.brand }),
    ...(params.minPrice !== undefined && { minPrice: params.minPrice }),
    ...(params.maxPrice !== undefined && { maxPrice: params.maxPrice }),
    ...(options.length > 0 && { options }),
    ...(params.cursor && { cursor: params.cursor }),
    sort: params.sort ?? (q ? 'relevance' : 'newest'),
    limit: params.limit ?? 24,
  }
}

/**
 * One page of a listing: the matching products, the total and facets of the filters, and the next page's cursor.
 * Total and facets depend on the filters only, not on the page or the sort: computed once per filter set and
 * cache generation, every further page and sort of it skips the counting.
 */
export const searchProducts = async (deps: ProductDeps, search: SearchQuery, generation: number) => {
  const { cursor: _, sort: __, limit: ___, ...filters } = search
  const summaryKey = `summary:${searchKey(filters, generation)}`
  const known = await deps.cache.get(summaryKey)
  const result = await deps.search.search(known ? { ...search, facets: false } : search)
  const summary: { total: number; facets: SearchResult['facets'] } = known
    ? JSON.parse(known.body)
    : { total: result.total, facets: result.facets }
  if (!known) await deps.cache.set(summaryKey, { body: JSON.stringify(summary), etag: '' }, cacheTtlSeconds)
  return { items: await loadProducts(deps, result.ids), ...summary, nextCursor: result.nextCursor }
}
