import { isUniqueViolation, type Tx } from '@myshop/db'
import { AppError } from '@myshop/errors'
import { categoryChanged, outbox } from '@myshop/events'
import { newId } from '@myshop/ids'
import { dropProductEntries, productCacheKey } from '../cache/cache-invalidation.ts'
import { type ProductDeps, schema } from '../deps.ts'
import { type EventContext, eventMeta, searchDocuments, syncSearchIndex } from '../products/service.ts'
import { slugify } from '../products/slug.ts'
import type { Category } from './repository.ts'
import * as categories from './repository.ts'

/** `1 product`, `3 products`. */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

const notFound = () => new AppError('not_found', { detail: 'No such category' })

const conflict = () =>
  new AppError('conflict', {
    detail: 'A category with this slug, or this name under the same parent, already exists',
  })

export const listCategories = (deps: ProductDeps) => categories.list(deps.sql)

export const getCategory = async (deps: ProductDeps, idOrSlug: string) => {
  const c = await findCategory(deps, idOrSlug)
  if (!c) throw notFound()
  return c
}

/** One category by id or slug, or null. */
export const findCategory = (deps: ProductDeps, idOrSlug: string) => categories.find(deps.sql, idOrSlug)

/** The ancestors of the categories `ids` (not those themselves), read inside the caller's transaction. */
export const categoryAncestorIds = (tx: Tx, ids: string[]) => categories.ancestorIds(tx, ids)

/**
 * Finds or creates every category of a path such as `Electronics > Phones`, parents first, inside the caller's
 * transaction; returns the leaf's id. `known` maps paths (lowercased) already resolved to their ids, so a batch
 * naming one path many times looks it up once.
 */
export const ensureCategoryPath = async (
  tx: Tx,
  path: string,
  at: Date,
  known: Map<string, string>,
): Promise<string> => {
  const names = path
    .split('>')
    .map((n) => n.trim())
    .filter(Boolean)
  let parent: { id: string; path: string; slug: string } | null = null
  for (const name of names) {
    const full: string = parent ? `${parent.path} > ${name}` : name
    const id = known.get(full.toLowerCase())
    if (id) {
      parent = { id, path: full, slug: '' }
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
    known.set(full.toLowerCase(), category.id)
    parent = category
  }
  if (!parent) throw new Error('empty category path')
  return parent.id
}

/** Creates a category under an optional parent; its path is the parent's path plus its name. */
export const createCategory = async (
  deps: ProductDeps,
  input: { name: string; slug?: string | undefined; parentId?: string | null | undefined },
): Promise<Category> => {
  const name = input.name.trim()
  try {
    return await deps.sql.begin(async (tx) => {
      const parent = input.parentId ? await categories.find(tx, input.parentId) : null
      if (input.parentId && !parent)
        throw new AppError('validation_failed', {
          detail: 'The parent category does not exist',
          errors: [{ path: '/parentId', message: 'unknown category' }],
        })
      return categories.insert(tx, {
        id: newId('cat', deps.now()),
        parentId: parent?.id ?? null,
        name,
        slug: input.slug ?? slugify(parent ? `${parent.slug}-${name}` : name),
        path: parent ? `${parent.path} > ${name}` : name,
        at: new Date(deps.now()),
      })
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict()
    throw e
  }
}

/** Every product linked to one of the categories, a page at a time. */
export async function* productsLinkedTo(deps: ProductDeps, categoryIds: string[], pageSize = 1000) {
  let after: string | null = null
  while (true) {
    const page = await categories.productsLinkedTo(deps.sql, categoryIds, after, pageSize)
    if (page.length === 0) return
    yield page
    after = page.at(-1)!.id
  }
}

/**
 * Renames or moves a category; the paths of its descendants follow. A category cannot move under itself.
 * When its name, slug or place changed, the products in its subtree show and index differently: they get new
 * versions and a `category.changed` event in the same transaction, and their cached reads are dropped.
 */
export const updateCategory = async (
  deps: ProductDeps,
  id: string,
  input: { name?: string | undefined; slug?: string | undefined; parentId?: string | null | undefined },
  ctx: EventContext = {},
): Promise<Category> => {
  let subtree: string[] | null = null
  try {
    const updated = await deps.sql.begin(async (tx) => {
      const current = await categories.find(tx, id)
      if (!current) throw notFound()
      const parentId = input.parentId === undefined ? current.parentId : input.parentId
      const parent = parentId ? await categories.find(tx, parentId) : null
      if (parentId && !parent)
        throw new AppError('validation_failed', {
          detail: 'The parent category does not exist',
          errors: [{ path: '/parentId', message: 'unknown category' }],
        })
      if (parent && (await categories.subtreeIds(tx, current.id)).includes(parent.id)) {
        throw new AppError('conflict', {
          detail: 'A category cannot be moved under itself or its descendants',
        })
      }
      const name = input.name?.trim() ?? current.name
      const path = parent ? `${parent.path} > ${name}` : name
      const at = new Date(deps.now())
      const next = await categories.update(tx, current.id, {
        parentId: parent?.id ?? null,
        name,
        slug: input.slug ?? current.slug,
        path,
        at,
      })
      if (path !== current.path) await categories.repathDescendants(tx, current.path, path, at)
      if (path !== current.path || next.slug !== current.slug) {
        subtree = await categories.subtreeIds(tx, current.id)
        const products = await categories.raiseProductVersions(tx, subtree)
        await outbox.add(
          tx,
          schema,
          categoryChanged.create(
            {
              categoryId: next.id,
              name: next.name,
              slug: next.slug,
              path: next.path,
              previousPath: current.path,
              parentId: next.parentId,
              products,
              occurredAt: at.toISOString(),
            },
            eventMeta(deps, ctx),
          ),
        )
      }
      return next
    })
    // As for product writes: the shared cache first, then the relay, whose event drops other instances' copies.
    if (subtree)
      for await (const page of productsLinkedTo(deps, subtree))
        await dropProductEntries(
          deps,
          page.flatMap((p) => [productCacheKey(p.id), productCacheKey(p.slug)]),
        )
    await deps.cache.bump()
    if (subtree) deps.eventsWritten()
    return updated
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict()
    throw e
  }
}

/** Deletes an empty category; one with subcategories or products is refused with 409. */
export const deleteCategory = async (deps: ProductDeps, id: string) => {
  await deps.sql.begin(async (tx) => {
    const current = await categories.find(tx, id)
    if (!current) throw notFound()
    const { children, products } = await categories.usage(tx, current.id)
    if (children || products) {
      throw new AppError('conflict', {
        detail: `The category still has ${count(children, 'subcategory', 'subcategories')} and ${count(products, 'product', 'products')}`,
      })
    }
    await categories.remove(tx, current.id)
  })
  await deps.cache.bump()
}

/**
 * Brings the search index in step with a `category.changed`: every product now in the category's subtree is
 * indexed again as it is now (with the version the change gave it), a page at a time: one snapshot read per
 * page, then the page's documents written together. A product deleted meanwhile gets its deletion instead.
 */
export const syncCategorySearch = async (deps: ProductDeps, categoryId: string) => {
  const subtree = await categories.subtreeIds(deps.sql, categoryId)
  if (subtree.length === 0) return
  for await (const page of productsLinkedTo(deps, subtree, 200)) {
    const docs = await searchDocuments(
      deps,
      page.map((p) => p.id),
    )
    const found = new Set(docs.map((d) => d.id))
    await Promise.all([
      ...docs.map((doc) => deps.search.index(doc)),
      ...page.filter((p) => !found.has(p.id)).map((p) => syncSearchIndex(deps, p.id)),
    ])
  }
}
