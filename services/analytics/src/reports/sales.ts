import { t } from '@myshop/http'
import type { AnalyticsDeps } from '../deps.ts'
import { salesByBucket } from '../sales/service.ts'
import type { Column, Report } from './model.ts'
import { reportSpec } from './routes.ts'

const filterText = (description: string) =>
  t.Optional(t.String({ minLength: 1, maxLength: 100, description }))

export const salesFilters = {
  productId: t.Optional(t.String({ minLength: 1, maxLength: 64, description: 'Only this product' })),
  category: filterText("Only products in this category (its id or name; a product's first category)"),
  brand: filterText('Only products of this brand'),
}

export const salesColumns: readonly Column[] = [
  { key: 'bucket', label: 'Period', kind: 'time' },
  { key: 'currency', label: 'Currency', kind: 'text' },
  { key: 'orders', label: 'Orders', kind: 'integer' },
  { key: 'units', label: 'Units', kind: 'integer' },
  { key: 'revenue', label: 'Revenue', kind: 'money' },
  { key: 'refunds', label: 'Refunds', kind: 'money' },
  { key: 'net', label: 'Net', kind: 'money' },
  { key: 'averageOrderValue', label: 'Average order value', kind: 'money' },
]

type SalesRow = {
  bucket: string
  currency: string
  orders: number
  units: number
  revenue: number
  refunds: number
  net: number
  averageOrderValue: number | null
}

/** Revenue over orders, rounded half up; null without orders. */
export const averageOf = (revenue: number, orders: number) =>
  orders > 0 ? Math.floor((2 * revenue + orders) / (2 * orders)) : null

/**
 * Sales per bucket and currency: orders, units and revenue by when orders were paid, refunds by when money was given
 * back. With a category or brand filter, `orders` counts each order once per matching product it holds.
 */
export const salesReport = (
  deps: AnalyticsDeps,
): Report<Partial<Record<keyof typeof salesFilters, string>>, SalesRow> => ({
  name: 'sales',
  columns: salesColumns,
  async *pages(window, filters) {
    for await (const rows of salesByBucket(deps, window, filters))
      yield rows.map((r) => ({
        bucket: r.bucket.toISOString(),
        currency: r.currency,
        orders: r.orders,
        units: r.units,
        revenue: r.revenue,
        refunds: r.refunds,
        net: r.revenue - r.refunds,
        averageOrderValue: averageOf(r.revenue, r.orders),
      }))
  },
})

const money = t.Integer({ description: 'Minor units of the row currency' })

export const salesSpec = reportSpec({
  name: 'sales',
  operationId: 'salesReport',
  summary: 'Revenue, orders, units, average order value, refunds and net per period and currency',
  filters: salesFilters,
  row: t.Object({
    bucket: t.String({ format: 'date-time' }),
    currency: t.String(),
    orders: t.Integer(),
    units: t.Integer(),
    revenue: money,
    refunds: money,
    net: money,
    averageOrderValue: t.Union([money, t.Null()]),
  }),
  report: salesReport,
})
