import type { Queryable } from '@myshop/db'

/** Which rollup a read uses: hourly, or daily when the window and its buckets are whole days. */
export type Grain = 'hourly' | 'daily'

/** Whose sales a read sums: the whole shop, or the products matching these (through the product dimension). */
export interface ProductFilter {
  productId?: string | undefined
  category?: string | undefined
  brand?: string | undefined
}

const salesTable = (grain: Grain) => (grain === 'hourly' ? 'analytics.sales_hourly' : 'analytics.sales_daily')

const filtered = (f: ProductFilter) =>
  f.productId !== undefined || f.category !== undefined || f.brand !== undefined

/**
 * Rows of the chosen products: the shop's row (product '') without a filter (unless `products` asks for products'
 * rows anyway), else each matching product's.
 */
const productCondition = (sql: Queryable, f: ProductFilter, products = false) =>
  products || filtered(f)
    ? sql`and product_id <> '' ${f.productId !== undefined ? sql`and product_id = ${f.productId}` : sql``}
          ${
            f.category !== undefined || f.brand !== undefined
              ? sql`and product_id in (
                  select product_id from analytics.products
                  where true
                  ${f.category !== undefined ? sql`and (category_id = ${f.category} or category_name = ${f.category})` : sql``}
                  ${f.brand !== undefined ? sql`and brand = ${f.brand}` : sql``})`
              : sql``
          }`
    : sql`and product_id = ''`

export interface SalesBucketRow {
  bucket: Date
  currency: string
  orders: number
  units: number
  revenue: number
  refunds: number
}

/** One page of sales by bucket (`unit` of date_trunc, UTC) and currency, after the keyset `after`. */
export const salesPage = (
  sql: Queryable,
  q: {
    grain: Grain
    unit: 'hour' | 'day' | 'week' | 'month'
    from: Date
    to: Date
    currency: string | null
    filter: ProductFilter
    after: { bucket: Date; currency: string } | null
    limit: number
  },
) =>
  sql<SalesBucketRow[]>`
    with r as (
      select date_trunc(${q.unit}, bucket at time zone 'UTC') at time zone 'UTC' as b, currency, orders, units,
             revenue, refunds
      from ${sql(salesTable(q.grain))}
      where bucket >= ${q.after && q.after.bucket > q.from ? q.after.bucket : q.from} and bucket < ${q.to}
        ${q.currency ? sql`and currency = ${q.currency}` : sql``}
        ${productCondition(sql, q.filter)}
    )
    select b as bucket, currency, sum(orders)::bigint as orders, sum(units)::bigint as units,
           sum(revenue)::bigint as revenue, sum(refunds)::bigint as refunds
    from r
    group by b, currency
    ${q.after ? sql`having (b, currency) > (${q.after.bucket}::timestamptz, ${q.after.currency})` : sql``}
    order by b, currency
    limit ${q.limit}`

export type ProductSalesRow = {
  productId: string
  name: string | null
  category: string | null
  brand: string | null
  currency: string
  units: number
  revenue: number
  refunds: number
}

/**
 * One page of products by `sortBy` (descending), then product and currency, after the keyset `after`: each
 * product's sums over the window per currency, named by the product dimension.
 */
export const productsPage = (
  sql: Queryable,
  q: {
    grain: Grain
    from: Date
    to: Date
    currency: string | null
    filter: ProductFilter
    sortBy: 'revenue' | 'units'
    after: { value: number; productId: string; currency: string } | null
    limit: number
  },
) =>
  sql<ProductSalesRow[]>`
    with s as (
      select product_id, currency, sum(units)::bigint as units, sum(revenue)::bigint as revenue,
             sum(refunds)::bigint as refunds
      from ${sql(salesTable(q.grain))}
      where bucket >= ${q.from} and bucket < ${q.to}
        ${q.currency ? sql`and currency = ${q.currency}` : sql``}
        ${productCondition(sql, q.filter, true)}
      group by product_id, currency
    )
    select s.product_id as "productId", p.name, coalesce(p.category_name, p.category_id) as category, p.brand,
           s.currency, s.units, s.revenue, s.refunds
    from s left join analytics.products p on p.product_id = s.product_id
    ${
      q.after
        ? sql`where (-s.${sql(q.sortBy)}, s.product_id, s.currency) > (${-q.after.value}, ${q.after.productId}, ${q.after.currency})`
        : sql``
    }
    order by s.${sql(q.sortBy)} desc, s.product_id, s.currency
    limit ${q.limit}`

export interface CohortRow {
  cohort: Date
  month: Date
  active: number
  size: number
}

/** One page of cohorts (first purchase month in the window) by month since, after the keyset `after`. */
export const cohortsPage = (
  sql: Queryable,
  q: { from: Date; to: Date; after: { cohort: Date; month: Date } | null; limit: number },
) =>
  sql<CohortRow[]>`
    select a.cohort, a.month, a.customers as active, s.customers as size
    from analytics.cohort_activity a
    join analytics.cohort_activity s on s.cohort = a.cohort and s.month = a.cohort
    where a.cohort >= date_trunc('month', ${q.from}::timestamptz at time zone 'UTC') at time zone 'UTC'
      and a.cohort < ${q.to} and a.month < ${q.to} and s.customers > 0 and a.customers > 0
      ${q.after ? sql`and (a.cohort, a.month) > (${q.after.cohort}::timestamptz, ${q.after.month}::timestamptz)` : sql``}
    order by a.cohort, a.month
    limit ${q.limit}`

export interface SkuUnitsRow {
  sku: string
  productId: string
  name: string | null
  unitsSold: number
}

/** One page of known SKUs after `after`, with their product's name and units sold in [from, to). */
export const skuUnitsPage = (
  sql: Queryable,
  q: { grain: Grain; from: Date; to: Date; after: string | null; limit: number },
) =>
  sql<SkuUnitsRow[]>`
    select k.sku, k.product_id as "productId", p.name,
           coalesce((select sum(u.units) from ${sql(q.grain === 'hourly' ? 'analytics.sku_hourly' : 'analytics.sku_daily')} u
                     where u.sku = k.sku and u.bucket >= ${q.from} and u.bucket < ${q.to}), 0)::bigint as "unitsSold"
    from analytics.skus k left join analytics.products p on p.product_id = k.product_id
    ${q.after !== null ? sql`where k.sku > ${q.after}` : sql``}
    order by k.sku
    limit ${q.limit}`
