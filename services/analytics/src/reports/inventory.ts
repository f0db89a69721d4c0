import { t } from '@myshop/http'
import type { AnalyticsDeps } from '../deps.ts'
import { unitsBySku } from '../sales/service.ts'
import type { Column, Report } from './model.ts'
import { reportSpec } from './routes.ts'

const inventoryFilters = {
  days: t.Optional(
    t.Integer({
      minimum: 1,
      maximum: 365,
      description: 'Days of sales up to `to` the rate is taken over (default 30)',
    }),
  ),
  lowOnly: t.Optional(t.Boolean({ description: 'Only SKUs that are low' })),
}

const columns: readonly Column[] = [
  { key: 'sku', label: 'SKU', kind: 'text' },
  { key: 'productId', label: 'Product', kind: 'text' },
  { key: 'name', label: 'Name', kind: 'text' },
  { key: 'available', label: 'Available', kind: 'integer' },
  { key: 'unitsSold', label: 'Units sold', kind: 'integer' },
  { key: 'dailyRate', label: 'Units per day', kind: 'number' },
  { key: 'daysOfCover', label: 'Days of cover', kind: 'number' },
  { key: 'low', label: 'Low', kind: 'text' },
]

interface InventoryFilters {
  days?: number | undefined
  lowOnly?: boolean | string | undefined
}

type InventoryRow = {
  sku: string
  productId: string
  name: string | null
  available: number | null
  unitsSold: number
  dailyRate: number
  daysOfCover: number | null
  low: 'true' | 'false'
}

const round2 = (n: number) => Math.round(n * 100) / 100

/**
 * Whether a SKU is low: the inventory service says so (at or below its threshold, or out), or what is left lasts
 * fewer than `lowCoverDays` at the recent rate of sale. Stock that cannot be read is never called low.
 */
export const isLow = (
  stock: { available: number; status: string } | null,
  daysOfCover: number | null,
  lowCoverDays: number,
) => stock !== null && (stock.status !== 'in_stock' || (daysOfCover !== null && daysOfCover < lowCoverDays))

/**
 * Every SKU known (from the catalog or a sale), with its current stock from the inventory service, its units sold
 * over the `days` before `to`, the daily rate and the days that stock lasts at it. When stock cannot be read (no
 * SERVICE_SECRET, the inventory service down) the report still answers: `available` and `daysOfCover` are null and
 * no SKU is called low.
 */
export const inventoryReport = (deps: AnalyticsDeps): Report<InventoryFilters, InventoryRow> => ({
  name: 'inventory',
  columns,
  async *pages(window, filters) {
    const days = Number(filters.days ?? 30)
    const lowOnly = filters.lowOnly === true || filters.lowOnly === 'true'
    const from = new Date(window.to.getTime() - days * 86_400_000)
    for await (const rows of unitsBySku(deps, from, window.to)) {
      const out: InventoryRow[] = []
      for (let i = 0; i < rows.length; i += 8) {
        const chunk = rows.slice(i, i + 8)
        const stocks = await Promise.all(chunk.map((r) => deps.stock.stock(r.sku)))
        chunk.forEach((r, j) => {
          const stock = stocks[j] ?? null
          const dailyRate = round2(r.unitsSold / days)
          const daysOfCover =
            stock === null || r.unitsSold === 0 ? null : round2(stock.available / (r.unitsSold / days))
          const low = isLow(stock, daysOfCover, deps.lowCoverDays)
          if (lowOnly && !low) return
          out.push({
            sku: r.sku,
            productId: r.productId,
            name: r.name,
            available: stock?.available ?? null,
            unitsSold: r.unitsSold,
            dailyRate,
            daysOfCover,
            low: low ? 'true' : 'false',
          })
        })
      }
      if (out.length > 0) yield out
    }
  },
})

export const inventorySpec = reportSpec({
  name: 'inventory',
  operationId: 'inventoryReport',
  summary: 'Stock per SKU against recent sales: daily rate, days of cover, and which SKUs are low',
  filters: inventoryFilters,
  row: t.Object({
    sku: t.String(),
    productId: t.String(),
    name: t.Union([t.String(), t.Null()]),
    available: t.Union([t.Integer(), t.Null()], {
      description: 'Null when the inventory service could not be read',
    }),
    unitsSold: t.Integer(),
    dailyRate: t.Number(),
    daysOfCover: t.Union([t.Number(), t.Null()], { description: 'Null when nothing sold or stock unknown' }),
    low: t.Union([t.Literal('true'), t.Literal('false')]),
  }),
  report: inventoryReport,
})
