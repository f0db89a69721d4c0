import { t } from '@myshop/http'
import type { AnalyticsDeps } from '../deps.ts'
import { type ProductSalesRow, salesByProduct } from '../sales/service.ts'
import type { Column, Report } from './model.ts'
import { reportSpec } from './routes.ts'
import { salesFilters } from './sales.ts'

const productsFilters = {
  category: salesFilters.category,
  brand: salesFilters.brand,
  limit: t.Optional(t.Integer({ minimum: 1, maximum: 1000, description: 'How many rows (default 50)' })),
  sortBy: t.Optional(
    t.Union([t.Literal('revenue'), t.Literal('units')], { description: 'Best first by (default revenue)' }),
  ),
}

const columns: readonly Column[] = [
  { key: 'productId', label: 'Product', kind: 'text' },
  { key: 'name', label: 'Name', kind: 'text' },
  { key: 'category', label: 'Category', kind: 'text' },
  { key: 'brand', label: 'Brand', kind: 'text' },
  { key: 'currency', label: 'Currency', kind: 'text' },
  { key: 'units', label: 'Units', kind: 'integer' },
  { key: 'revenue', label: 'Revenue', kind: 'money' },
  { key: 'refunds', label: 'Refunds', kind: 'money' },
  { key: 'net', label: 'Net', kind: 'money' },
]

interface ProductsFilters {
  category?: string | undefined
  brand?: string | undefined
  limit?: number | undefined
  sortBy?: 'revenue' | 'units' | undefined
}

type ProductRow = ProductSalesRow & { net: number }

/** Top products over the window, per currency, named as the catalog names them today. */
export const productsReport = (deps: AnalyticsDeps): Report<ProductsFilters, ProductRow> => ({
  name: 'products',
  columns,
  async *pages(window, filters) {
    const filter = { category: filters.category, brand: filters.brand }
    for await (const rows of salesByProduct(
      deps,
      window,
      filter,
      filters.sortBy ?? 'revenue',
      Number(filters.limit ?? 50),
    ))
      yield rows.map((r) => ({ ...r, net: r.revenue - r.refunds }))
  },
})

const money = t.Integer({ description: 'Minor units of the row currency' })
const text = t.Union([t.String(), t.Null()])

export const productsSpec = reportSpec({
  name: 'products',
  operationId: 'productsReport',
  summary: 'Top products by revenue or units over the window, per currency, by category and brand',
  filters: productsFilters,
  row: t.Object({
    productId: t.String(),
    name: text,
    category: text,
    brand: text,
    currency: t.String(),
    units: t.Integer(),
    revenue: money,
    refunds: money,
    net: money,
  }),
  report: productsReport,
})
