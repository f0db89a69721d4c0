import type { Queryable } from '@myshop/db'

export interface Category {
  id: string
  parentId: string | null
  name: string
  slug: string
  path: string
  createdAt: string
  updatedAt: string
}

type Row = Omit<Category, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date }
const toCategory = (r: Row): Category => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
})
const columns = (sql: Queryable) =>
  sql`id, parent_id as "parentId", name, slug, path, created_at as "createdAt", updated_at as "updatedAt"`

export const list = async (sql: Queryable): Promise<Category[]> =>
  (await sql<Row[]>`select ${columns(sql)} from catalog.categories order by path`).map(toCategory)

export const find = async (sql: Queryable, idOrSlug: string): Promise<Category | null> => {
  const [row] = await sql<
    Row[]
  >`select ${columns(sql)} from catalog.categories where id = ${idOrSlug} or slug = ${idOrSlug}`
  return row ? toCategory(row) : null
}

export const findByPath = async (sql: Queryable, path: string): Promise<Category | null> => {
  const [row] = await sql<
    Row[]
  >`select ${columns(sql)} from catalog.categories where lower(path) = lower(${path})`
  return row ? toCategory(row) : null
}

export const insert = async (
  sql: Queryable,
  c: { id: string; parentId: string | null; name: string; slug: string; path: string; at: Date },
): Promise<Category> => {
  const [row] = await sql<Row[]>`
    insert into catalog.categories (id, parent_id, name, slug, path, created_at, updated_at)
    values (${c.id}, ${c.parentId}, ${c.name}, ${c.slug}, ${c.path}, ${c.at}, ${c.at})
    returning ${columns(sql)}`
  return toCategory(row!)
}

export const update = async (
  sql: Queryable,
  id: string,
  c: { parentId: string | null; name: string; slug: string; path: string; at: Date },
): Promise<Category> => {
  const [row] = await sql<Row[]>`
    update catalog.categories set parent_id = ${c.parentId}, name = ${c.name}, slug = ${c.slug}, path = ${c.path},
      updated_at = ${c.at}
    where id = ${id} returning ${columns(sql)}`
  return toCategory(row!)
}

/** Rewrites the paths of every descendant after a category was renamed or moved. */
export const repathDescendants = (sql: Queryable, oldPath: string, newPath: string, at: Date) =>
  sql`update catalog.categories set path = ${newPath} || substr(path, ${oldPath.length + 1}), updated_at = ${at}
      where path like ${`${oldPath.replace(/[\\%_]/g, (ch) => `\\${ch}`)} > %`}`

/** The category and all its descendants. */
export const subtreeIds = async (sql: Queryable, id: string): Promise<string[]> =>
  (
    await sql<{ id: string }[]>`
      with recursive tree as (
        select id from catalog.categories where id = ${id}
        union all
        select c.id from catalog.categories c join tree t on c.parent_id = t.id
      )
      select id from tree`
  ).map((r) => r.id)

/**
 * Gives every product linked to one of the categories a new version (the version trigger does), as a change to
 * what is indexed about them must; returns how many there are.
 */
export const raiseProductVersions = async (sql: Queryable, categoryIds: string[]): Promise<number> => {
  const rows = await sql`
    update catalog.products set version = version
    where id in (select product_id from catalog.product_categories where category_id = any(${categoryIds}))`
  return rows.count
}

/** Products linked to any of the categories, by id, a page after `after` (null for the first). */
export const productsLinkedTo = (
  sql: Queryable,
  categoryIds: string[],
  after: string | null,
  limit: number,
) =>
  sql<{ id: string; slug: string }[]>`
    select p.id, p.slug from catalog.products p
    where p.id in (select product_id from catalog.product_categories where category_id = any(${categoryIds}))
      ${after === null ? sql`` : sql`and p.id > ${after}`}
    order by p.id limit ${limit}`

/** The ancestors of the given categories (not the categories themselves). */
export const ancestorIds = async (sql: Queryable, ids: string[]): Promise<string[]> => {
  if (ids.length === 0) return []
  const rows = await sql<{ id: string }[]>`
    with recursive up as (
      select parent_id as id from catalog.categories where id = any(${ids}) and parent_id is not null
      union
      select c.parent_id from catalog.categories c join up on c.id = up.id where c.parent_id is not null
    )
    select id from up`
  return rows.map((r) => r.id)
}

export const usage = async (sql: Queryable, id: string) => {
  const [row] = await sql<{ children: number; products: number }[]>`
    select (select count(*)::int from catalog.categories where parent_id = ${id}) as children,
           (select count(*)::int from catalog.product_categories where category_id = ${id}) as products`
  return row!
}

export const remove = (sql: Queryable, id: string) => sql`delete from catalog.categories where id = ${id}`
