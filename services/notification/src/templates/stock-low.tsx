import { readShape, safeUrl } from './data.ts'
import { SimpleEmail } from './layout.tsx'
import { defineTemplate, type TemplateContext } from './template.ts'

const shape = { sku: 'string', available: 'int', threshold: 'int' } as const

interface StockLowData {
  sku: string
  available: number
  threshold: number
  url: string | undefined
}

const body = ({ s, data }: TemplateContext<StockLowData>) =>
  s.stockLow.body(data.sku, data.available, data.threshold)

/** Sent to inventory managers when a SKU's available stock falls to its threshold (`stock.low`). */
export const stockLow = defineTemplate<StockLowData>({
  category: 'staff',
  read: (data) => ({ ...readShape(data, '', shape), url: safeUrl(data.url) }),
  subject: ({ s, data }) => s.stockLow.subject(data.sku),
  email: (ctx) => (
    <SimpleEmail
      ctx={ctx}
      heading={ctx.s.stockLow.subject(ctx.data.sku)}
      paragraphs={[body(ctx)]}
      action={{ href: ctx.data.url, label: ctx.data.sku }}
    />
  ),
  sms: body,
  push: (ctx) => ({
    title: ctx.s.stockLow.subject(ctx.data.sku),
    body: body(ctx),
    ...(ctx.data.url && { url: ctx.data.url }),
  }),
  sample: {
    sku: 'SHIRT-LINEN-M',
    available: 3,
    threshold: 5,
    url: 'https://admin.example.com/inventory/SHIRT-LINEN-M',
  },
})
