import type { Queryable } from '@myshop/db'

export interface ImageKeys {
  original: string
  medium: string
  thumbnail: string
}

export interface ImageRecord {
  id: string
  productId: string
  contentType: string
  width: number
  height: number
  bytes: number
  keys: ImageKeys
  position: number
}

const columns = (sql: Queryable) =>
  sql`id, product_id as "productId", content_type as "contentType", width, height, bytes, keys, position`

/** True when the product exists; with `lock`, also holds its row until the transaction ends. */
export const productExists = async (sql: Queryable, productId: string, lock = false): Promise<boolean> => {
  const rows = lock
    ? await sql`select 1 from catalog.products where id = ${productId} for update`
    : await sql`select 1 from catalog.products where id = ${productId}`
  return rows.length > 0
}

/** The position after the product's last image (0 for the first). */
export const nextPosition = async (sql: Queryable, productId: string): Promise<number> => {
  const [row] = await sql<{ next: number }[]>`
    select coalesce(max(position) + 1, 0)::int as next from catalog.images where product_id = ${productId}`
  return row?.next ?? 0
}

export const insert = async (sql: Queryable, image: ImageRecord): Promise<ImageRecord> => {
  const [row] = await sql<ImageRecord[]>`
    insert into catalog.images (id, product_id, content_type, width, height, bytes, keys, position)
    values (${image.id}, ${image.productId}, ${image.contentType}, ${image.width}, ${image.height},
            ${image.bytes}, ${sql.json({ ...image.keys })}, ${image.position})
    returning ${columns(sql)}`
  return row!
}

export const listByProduct = (sql: Queryable, productId: string): Promise<ImageRecord[]> =>
  sql<ImageRecord[]>`
    select ${columns(sql)} from catalog.images where product_id = ${productId} order by position, id`

/** Deletes one image of a product, returning it, or null when the product has no such image. */
export const remove = async (
  sql: Queryable,
  productId: string,
  imageId: string,
): Promise<ImageRecord | null> => {
  const [row] = await sql<ImageRecord[]>`
    delete from catalog.images where id = ${imageId} and product_id = ${productId} returning ${columns(sql)}`
  return row ?? null
}
