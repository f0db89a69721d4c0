import type { Fragment, Queryable } from '@myshop/db'
import type { CategoryRef, ProductStatus } from './model.ts'

export interface ProductRow {
  id: string
  slug: string
  name: string
  description: string
  brand: string | null
  attributes: Record<string, string | number | boolean>
  status: ProductStatus
  minPriceAmount: number | null
  currency: string | null
  createdAt: Date
  updatedAt: Date
  /** Grows with every write to the product (set by the database); search documents carry it. */
  version: number
  /** The option names in the order the merchant gave them (a variant's options, jsonb, keep their own order). */
  optionNames: string[]
}

export interface VariantRow {
  id: string
  productId: string
  sku: string
  options: Record<string, string>
  priceAmount: number
  currency: string
  compareAtAmount: number | null
  position: number
}

export interface ImageRow {
  id: string
  productId: string
  contentType: string
  width: number
  height: number
  keys: { original: string; medium: string; thumbnail: string }
  position: number
}

/** A variant about to be written: its row without the product it belongs to. */
export type NewVariant = Omit<VariantRow, 'productId'>

const productColumns = (sql: Queryable) => sql`
  id, slug, name, description, brand, attributes, status, min_price_amount as "minPriceAmount", currency,
  created_at as "createdAt", updated_at as "updatedAt", version, option_names as "optionNames"`

export const findRow = async (
  sql: Queryable,
  idOrSlug: string,
  forUpdate = false,
): Promise<ProductRow | null> => {
  const [row] = await sql<ProductRow[]>`
    select ${productColumns(sql)} from catalog.products where id = ${idOrSlug} or slug = ${idOrSlug}
    ${forUpdate ? sql`for update` : sql``}`
  return row ?? null
}

/**
 * Products matching `where` (over `catalog.products p`), each with its categories, variants and images, in one
 * statement: a cache miss on a product read is one query rather than five.
 */
const loadWhere = async (sql: Queryable, where: Fragment) => {
  const rows = await sql<
    (ProductRow & { categories: CategoryRef[]; variants: VariantRow[]; images: ImageRow[] })[]
  >`
    select ${productColumns(sql)},
      coalesce((
        select json_agg(json_build_object('id', c.id, 'name', c.name, 'slug', c.slug, 'path', c.path) order by c.path)
        from catalog.product_categories pc join catalog.categories c on c.id = pc.category_id
        where pc.product_id = p.id), '[]') as categories,
      coalesce((
        select json_agg(json_build_object('id', v.id, 'productId', v.product_id, 'sku', v.sku, 'options', v.options,
          'priceAmount', v.price_amount, 'currency', v.currency, 'compareAtAmount', v.compare_at_amount,
          'position', v.position) order by v.position, v.sku)
        from catalog.variants v where v.product_id = p.id), '[]') as variants,
      coalesce((
        select json_agg(json_build_object('id', i.id, 'productId', i.product_id, 'contentType', i.content_type,
          'width', i.width, 'height', i.height, 'keys', i.keys, 'position', i.position) order by i.position, i.id)
        from catalog.images i where i.product_id = p.id), '[]') as images
    from catalog.products p where ${where}`
  return rows.map(({ categories, variants, images, ...row }) => ({ row, categories, variants, images }))
}

/** Products with their categories, variants and images, in the order of `ids`. */
export const loadMany = async (sql: Queryable, ids: string[]) => {
  if (ids.length === 0) return []
  const byId = new Map((await loadWhere(sql, sql`p.id = any(${ids})`)).map((p) => [p.row.id, p]))
  return ids.flatMap((id) => {
    const p = byId.get(id)
    return p ? [p] : []
  })
}

/** One product, by id or slug, with its categories, variants and images. */
export const loadOne = async (sql: Queryable, idOrSlug: string) =>
  (await loadWhere(sql, sql`(p.id = ${idOrSlug} or p.slug = ${idOrSlug})`))[0] ?? null

export type LoadedProduct = Awaited<ReturnType<typeof loadMany>>[number]

export const insertProduct = (
  sql: Queryable,
  p: Omit<
    ProductRow,
    'createdAt' | 'updatedAt' | 'minPriceAmount' | 'currency' | 'version' | 'optionNames'
  > & {
    at: Date
  },
) =>
  sql`insert into catalog.products (id, slug, name, description, brand, attributes, status, created_at, updated_at)
      values (${p.id}, ${p.slug}, ${p.name}, ${p.description}, ${p.brand}, ${sql.json(p.attributes)}, ${p.status}, ${p.at}, ${p.at})`

export const updateProduct = (
  sql: Queryable,
  id: string,
  p: Pick<ProductRow, 'slug' | 'name' | 'description' | 'brand' | 'attributes' | 'status'> & { at: Date },
) =>
  sql`update catalog.products set slug = ${p.slug}, name = ${p.name}, description = ${p.description},
        brand = ${p.brand}, attributes = ${sql.json(p.attributes)}, status = ${p.status}, updated_at = ${p.at}
      where id = ${id}`

export const setCategories = async (sql: Queryable, productId: string, categoryIds: string[]) => {
  await sql`delete from catalog.product_categories where product_id = ${productId}`
  if (categoryIds.length)
    await sql`insert into catalog.product_categories ${sql(categoryIds.map((category_id) => ({ product_id: productId, category_id })))}`
}

export const existingCategoryIds = async (sql: Queryable, ids: string[]) =>
  ids.length
    ? (await sql<{ id: string }[]>`select id from catalog.categories where id = any(${ids})`).map((r) => r.id)
    : []

export const variantsOf = (sql: Queryable, productId: string) =>
  sql<VariantRow[]>`
    select id, product_id as "productId", sku, options, price_amount as "priceAmount", currency,
           compare_at_amount as "compareAtAmount", position
    from catalog.variants where product_id = ${productId} order by position, sku`

export const deleteVariants = (sql: Queryable, ids: string[]) =>
  ids.length ? sql`delete from catalog.variants where id = any(${ids})` : Promise.resolve()

export const upsertVariants = async (sql: Queryable, productId: string, variants: NewVariant[], at: Date) => {
  if (variants.length === 0) return
  await sql`
    insert into catalog.variants ${sql(
      variants.map((v) => ({
        id: v.id,
        product_id: productId,
        sku: v.sku,
        options: sql.json(v.options) as unknown as string,
        price_amount: v.priceAmount,
        currency: v.currency,
        compare_at_amount: v.compareAtAmount,
        position: v.position,
        created_at: at,
        updated_at: at,
      })),
    )}
    on conflict (id) do update set sku = excluded.sku, options = excluded.options, price_amount = excluded.price_amount,
      currency = excluded.currency, compare_at_amount = excluded.compare_at_amount, position = excluded.position,
      updated_at = excluded.updated_at`
}

/** After the variants are written: the cheapest-variant columns the search reads, and the option names' order. */
export const refreshFromVariants = (sql: Queryable, productId: string, optionNames: string[]) =>
  sql`update catalog.products p set
        min_price_amount = v.amount, currency = v.currency, option_names = ${optionNames}::text[]
      from (select min(price_amount) as amount, min(currency) as currency from catalog.variants where product_id = ${productId}) v
      where p.id = ${productId}`

export const deleteProduct = (sql: Queryable, id: string) =>
  sql`delete from catalog.products where id = ${id}`

/** Which of these SKUs belong to a product other than `productId`. */
export const skusTakenElsewhere = async (sql: Queryable, skus: string[], productId: string | null) =>
  skus.length
    ? (
        await sql<{ sku: string }[]>`
          select sku from catalog.variants where sku = any(${skus}) ${productId ? sql`and product_id <> ${productId}` : sql``}`
      ).map((r) => r.sku)
    : []

/** Every product id in id order, a page at a time (export, reindex). */
export const pageIds = async (sql: Queryable, after: string | null, limit: number) =>
  (
    await sql<{ id: string }[]>`
      select id from catalog.products ${after ? sql`where id > ${after}` : sql``} order by id limit ${limit}`
  ).map((r) => r.id)

/** The version a deleted product's deletion was given, or null when it is not (or no longer) recorded. */
export const deletionVersion = async (sql: Queryable, productId: string) => {
  const [row] = await sql<{ version: number }[]>`
    select version from catalog.product_tombstones where product_id = ${productId}`
  return row?.version ?? null
}

export const productIdForSku = async (sql: Queryable, sku: string) => {
  const [row] = await sql<
    { productId: string }[]
  >`select product_id as "productId" from catalog.variants where sku = ${sku}`
  return row?.productId ?? null
}

export interface SkuRow {
  sku: string
  productId: string
  name: string
  status: ProductStatus
  options: Record<string, string>
  optionNames: string[]
  priceAmount: number
  currency: string
}

/** The variants of these SKUs with their products' names, statuses and option order (all statuses, or active only). */
export const variantsBySku = (sql: Queryable, skus: string[], activeOnly: boolean) =>
  sql<SkuRow[]>`
    select v.sku, v.product_id as "productId", p.name, p.status, v.options, p.option_names as "optionNames",
           v.price_amount as "priceAmount", v.currency
    from catalog.variants v join catalog.products p on p.id = v.product_id
    where v.sku = any(${skus}) ${activeOnly ? sql`and p.status = 'active'` : sql``}
    order by v.sku`

/** Refreshes the planner's statistics of the tables a catalog search reads. */
export const analyzeCatalog = (sql: Queryable) =>
  sql`analyze catalog.products, catalog.product_categories, catalog.variants`

/** Merges the pending lists of the catalog's GIN indexes into the indexes themselves. */
export const mergePendingLists = (sql: Queryable) => sql`
  select gin_clean_pending_list(i.indexrelid::regclass)
  from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
  where a.amname = 'gin' and c.relnamespace = 'catalog'::regnamespace`
