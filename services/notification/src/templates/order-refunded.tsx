import { formatMoney } from './data.ts'
import { orderTemplate } from './order-template.tsx'
import { sampleOrder } from './samples.ts'

/** Sent when money is given back on an order, in part or in full: says how much so far. */
export const orderRefunded = orderTemplate({
  subject: ({ s, data }) => s.orderRefunded.subject(data.orderId),
  intro: ({ s, data, locale }) =>
    s.orderRefunded.intro(formatMoney(data.totals.refunded, data.currency, locale)),
  sms: ({ s, data, locale }) =>
    s.orderRefunded.sms(data.orderId, formatMoney(data.totals.refunded, data.currency, locale)),
  sample: { ...sampleOrder, totals: { ...sampleOrder.totals, refunded: 4900 } },
})
