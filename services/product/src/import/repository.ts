import type { Queryable, Tx } from '@myshop/db'
import type { ProductStatus } from '../products/model.ts'

// An import writes a whole batch in a few statements rather than a few per row: the batch's records go in as one
// JSON parameter each, which `jsonb_to_recordset` turns back into rows.

/** A variant the catalog already has, found by the SKU of a row. */
export interface KnownVariant {
  sku: string
  variantId: string
  productId: string
  slug: string
  amount: number
  currency: string
}

/** The variants of the existing products an import adds to or changes. */
export interface TargetVariant {
  productId: string
  sku: string
  currency: string
  position: number
}

/** A variant as the write statements read it; `options`, `compare_at` and (for known variants) `position` may be null. */
export interface VariantRecord {
  id: string
  product_id: string
  sku: string
  options: Record<string, string> | null
  amount: number
  compare_at: number | null
  currency: string
  position: number | null
}

/** A new product as `insertProducts` writes it. */
export interface ProductRecord {
  id: string
  slug: string
  name: string
  description: string
  brand: string | null
  status: ProductStatus
  amount: number
  currency: string
  category_ids: string[]
  attributes: Record<string, unknown>
  variant_terms: string
  option_values: string[]
  option_names: string[]
}

/** Changes to an existing product as `changeProducts` writes them; null keeps what the product had. */
export interface ProductChangeRecord {
  id: string
  slug: string
  name: string | null
  description: string | null
  brand: string | null
  status: string | null
  category_ids: string[]
  attributes: Record<string, unknown> | null
  option_names: string[]
}

/** Records as one JSON parameter, which `jsonb_to_recordset` turns back into rows in a single statement. */
const asJson = (tx: Tx, records: object[]) => tx.json(records as Parameters<typeof tx.json>[0])

/** A batch's variants as a relation for the statements that write them. */
const variantRelation = (tx: Tx, variants: VariantRecord[]) =>
  tx`jsonb_to_recordset(${asJson(tx, variants)}) as x(id text, product_id text, sku text, options jsonb,
    amount bigint, compare_at bigint, currency text, position int)`

/** The variants holding any of `skus`, with their product's id and slug. */
export const variantsBySku = (sql: Queryable, skus: string[]) =>
  sql<KnownVariant[]>`
    select v.sku, v.id as "variantId", v.product_id as "productId", p.slug, v.price_amount as amount, v.currency
    from catalog.variants v join catalog.products p on p.id = v.product_id
    where v.sku = any(${skus})`

/** The products holding any of `slugs`. */
export const productsBySlug = (sql: Queryable, slugs: string[]) =>
  sql<{ id: string; slug: string }[]>`
    select id, slug from catalog.products where slug = any(${slugs})`

/** Every variant of the products `productIds`. */
export const variantsOfProducts = (sql: Queryable, productIds: string[]) =>
  sql<TargetVariant[]>`
    select product_id as "productId", sku, currency, position from catalog.variants
    where product_id = any(${productIds})`

/** Inserts new products with their variants and category links, in one statement. */
export const insertProducts = async (
  tx: Tx,
  products: ProductRecord[],
  variants: VariantRecord[],
  at: Date,
) => {
  await tx`
    with rows as (select * from jsonb_to_recordset(${asJson(tx, products)})
      as x(id text, slug text, name text, description text, brand text, status text, amount bigint,
           currency text, category_ids jsonb, attributes jsonb, variant_terms text, option_values text[],
           option_names text[])),
    vs as (select * from ${variantRelation(tx, variants)}),
    p as (
      insert into catalog.products (id, slug, name, description, brand, status, min_price_amount, currency, category_ids,
        attributes, variant_terms, option_values, option_names, created_at, updated_at)
      select id, slug, name, description, brand, status, amount, currency,
        array(select c from jsonb_array_elements_text(category_ids) c order by c), attributes, variant_terms, option_values,
        option_names,
        ${at}, ${at}
      from rows
    ),
    v as (
      insert into catalog.variants (id, product_id, sku, options, price_amount, compare_at_amount, currency, position, created_at, updated_at)
      select id, product_id, sku, options, amount, compare_at, currency, position, ${at}, ${at} from vs
    )
    insert into catalog.product_categories (product_id, category_id)
    select id, jsonb_array_elements_text(category_ids) from rows`
}

/**
 * Writes changes to existing products in one statement: known variants (a null `position`) updated, new ones
 * added, categories linked, product fields changed.
 */
export const changeProducts = async (
  tx: Tx,
  products: ProductChangeRecord[],
  variants: VariantRecord[],
  at: Date,
) => {
  await tx`
    with rows as (select * from jsonb_to_recordset(${asJson(tx, products)})
      as x(id text, slug text, name text, description text, brand text, status text, category_ids jsonb,
           attributes jsonb, option_names text[])),
    vs as (select * from ${variantRelation(tx, variants)}),
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
      -- Option names the product did not have go after the ones it had, in the rows' order.
      option_names = p.option_names || array(
        select n from unnest(rows.option_names) with ordinality u(n, i) where n <> all(p.option_names) order by i),
      updated_at = ${at}
    from rows where p.id = rows.id`
}

/** Sets each product's price and currency from its variants: the lowest price. */
export const refreshPrices = async (tx: Tx, ids: string[]) => {
  await tx`
    update catalog.products p set min_price_amount = v.amount, currency = v.currency
    from (select product_id, min(price_amount) as amount, min(currency) as currency from catalog.variants
          where product_id = any(${ids}) group by product_id) v
    where p.id = v.product_id`
}
