import { AppError } from '@myshop/errors'
import { newId } from '@myshop/ids'
import type { ProductDeps } from '../deps.ts'
import { slugify } from '../products/slug.ts'
import type { Category } from './repository.ts'
import * as categories from './repository.ts'

const notFound = () => new AppError('not_found', { detail: 'No such category' })
const isUnique = (e: unknown) => (e as { code?: string }).code === '23505'

const conflict = () =>
  new AppError('conflict', {
    detail: 'A category with this slug, or this name under the same parent, already exists',
  })

export const listCategories = (deps: ProductDeps) => categories.list(deps.sql)

export const getCategory = async (deps: ProductDeps, idOrSlug: string) => {
  const c = await categories.find(deps.sql, idOrSlug)
  if (!c) throw notFound()
  return c
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
    if (isUnique(e)) throw conflict()
    throw e
  }
}

/** Renames or moves a category; the paths of its descendants follow. A category cannot move under itself. */
export const updateCategory = async (
  deps: ProductDeps,
  id: string,
  input: { name?: string | undefined; slug?: string | undefined; parentId?: string | null | undefined },
): Promise<Category> => {
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
      return next
    })
    await deps.cache.bump()
    return updated
  } catch (e) {
    if (isUnique(e)) throw conflict()
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
        detail: `The category still has ${children} subcategories and ${products} products`,
      })
    }
    await categories.remove(tx, current.id)
  })
  await deps.cache.bump()
}
