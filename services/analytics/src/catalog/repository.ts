import type { Queryable, Tx } from '@myshop/db'

/** A product as the dimension holds it. */
export interface ProductRow {
  productId: string
  name: string | null
  brand: string | null
  categoryId: string | null
  categoryName: string | null
  skus: string[]
  updatedAt: Date
}

/**
 * Records a product's latest state, unless a later one is already recorded (events may arrive out of order). A
 * category name not known now keeps the one recorded for the same category.
 */
export const upsertProduct = (tx: Queryable, p: ProductRow) =>
  tx`
    insert into analytics.products as p (product_id, name, brand, category_id, category_name, skus, updated_at)
    values (${p.productId}, ${p.name}, ${p.brand}, ${p.categoryId}, ${p.categoryName}, ${p.skus}::text[],
            ${p.updatedAt})
    on conflict (product_id) do update set
      name = excluded.name, brand = excluded.brand, category_id = excluded.category_id,
      category_name = coalesce(excluded.category_name,
                               case when p.category_id = excluded.category_id then p.category_name end),
      skus = excluded.skus, deleted = false, updated_at = excluded.updated_at
    where p.updated_at <= excluded.updated_at`

/** Marks a product deleted; its name and history stay for the reports. */
export const markDeleted = (tx: Tx, productId: string, skus: string[], at: Date) =>
  tx`
    insert into analytics.products as p (product_id, skus, deleted, updated_at)
    values (${productId}, ${skus}::text[], true, ${at})
    on conflict (product_id) do update set deleted = true, updated_at = excluded.updated_at
    where p.updated_at <= excluded.updated_at`

/** Renames a category on every product in it. */
export const renameCategory = (tx: Tx, categoryId: string, name: string) =>
  tx`update analytics.products set category_name = ${name} where category_id = ${categoryId}`

/** Which of `productIds` the dimension does not know yet. */
export const missingProducts = async (sql: Queryable, productIds: string[]) => {
  const known = await sql<{ productId: string }[]>`
    select product_id as "productId" from analytics.products where product_id = any(${productIds}::text[])`
  const have = new Set(known.map((r) => r.productId))
  return productIds.filter((id) => !have.has(id))
}

/** Remembers SKUs with their product (the inventory report lists them); a SKU already known keeps its product. */
export const rememberSkus = async (tx: Queryable, lines: readonly { sku: string; productId: string }[]) => {
  if (lines.length === 0) return
  await tx`
    insert into analytics.skus (sku, product_id)
    select * from unnest(${lines.map((l) => l.sku)}::text[], ${lines.map((l) => l.productId)}::text[])
    on conflict (sku) do nothing`
}
