import { t } from '@myshop/http'
import type { AnalyticsDeps } from '../deps.ts'
import { nextBucket } from '../tracking/model.ts'
import { type FunnelFigures, funnelPage } from '../tracking/service.ts'
import type { Report } from './model.ts'
import { reportSpec } from './routes.ts'

const pageSize = 1000

/** The funnel's figures of one bucket, the bucket as an ISO 8601 instant. */
export type FunnelRow = Omit<FunnelFigures, 'bucket'> & {
  bucket: string
  [key: string]: string | number | null
}

/**
 * Sessions per bucket of their first event, and how many of them reached each step: viewed a product, added to the
 * cart, started checkout, purchased; with the ratio between steps and overall (null where a step had no sessions).
 */
export const funnelReport = (deps: AnalyticsDeps): Report<Record<string, never>, FunnelRow> => ({
  name: 'funnel',
  columns: [
    { key: 'bucket', label: 'Period', kind: 'time' },
    { key: 'sessions', label: 'Sessions', kind: 'integer' },
    { key: 'viewed', label: 'Viewed a product', kind: 'integer' },
    { key: 'carted', label: 'Added to cart', kind: 'integer' },
    { key: 'checkedOut', label: 'Started checkout', kind: 'integer' },
    { key: 'purchased', label: 'Purchased', kind: 'integer' },
    { key: 'viewToCart', label: 'View to cart', kind: 'ratio' },
    { key: 'cartToCheckout', label: 'Cart to checkout', kind: 'ratio' },
    { key: 'checkoutToPurchase', label: 'Checkout to purchase', kind: 'ratio' },
    { key: 'conversion', label: 'Conversion', kind: 'ratio' },
  ],
  async *pages(window) {
    let after = window.from
    for (;;) {
      const page = await funnelPage(deps, window, after, pageSize)
      if (page.length > 0) yield page.map((row) => ({ ...row, bucket: row.bucket.toISOString() }))
      if (page.length < pageSize) return
      after = nextBucket(page[page.length - 1]!.bucket, window.groupBy)
    }
  },
})

const ratio = t.Union([t.Number({ minimum: 0 }), t.Null()])

export const funnelSpec = reportSpec({
  name: 'funnel',
  operationId: 'funnelReport',
  summary: 'Shopping sessions through view, cart, checkout and purchase, per period of their first event',
  filters: {},
  row: t.Object({
    bucket: t.String({ format: 'date-time' }),
    sessions: t.Integer({ minimum: 0 }),
    viewed: t.Integer({ minimum: 0 }),
    carted: t.Integer({ minimum: 0 }),
    checkedOut: t.Integer({ minimum: 0 }),
    purchased: t.Integer({ minimum: 0 }),
    viewToCart: ratio,
    cartToCheckout: ratio,
    checkoutToPurchase: ratio,
    conversion: ratio,
  }),
  report: funnelReport,
})
