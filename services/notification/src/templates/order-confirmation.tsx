import { formatMoney } from './data.ts'
import { orderTemplate } from './order-template.tsx'
import { sampleOrder } from './samples.ts'

/** Sent when an order is paid: what was bought, for how much, and where it goes. */
export const orderConfirmation = orderTemplate({
  subject: ({ s, data }) => s.orderConfirmation.subject(data.orderId),
  intro: ({ s }) => s.orderConfirmation.intro,
  sms: ({ s, data, locale }) =>
    s.orderConfirmation.sms(data.orderId, formatMoney(data.totals.total, data.currency, locale)),
  sample: sampleOrder,
})
