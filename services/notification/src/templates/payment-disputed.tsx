import { formatMoney, readShape } from './data.ts'
import { SimpleEmail } from './layout.tsx'
import { defineTemplate, type TemplateContext } from './template.ts'

const shape = {
  reference: 'string',
  provider: 'string',
  disputeId: 'string',
  amount: 'int',
  currency: 'string',
  reason: 'string',
} as const

type DisputeData = ReturnType<typeof readShape<typeof shape>>

const body = ({ s, data, locale }: TemplateContext<DisputeData>) =>
  s.paymentDisputed.body(
    formatMoney(data.amount, data.currency, locale),
    data.reference,
    data.provider,
    data.reason,
  )

/** Sent to administrators when a shopper's bank disputes a payment (`payment.disputed`). */
export const paymentDisputed = defineTemplate<DisputeData>({
  category: 'staff',
  read: (data) => readShape(data, '', shape),
  subject: ({ s, data }) => s.paymentDisputed.subject(data.reference),
  email: (ctx) => (
    <SimpleEmail
      ctx={ctx}
      heading={ctx.s.paymentDisputed.subject(ctx.data.reference)}
      paragraphs={[body(ctx), ctx.s.paymentDisputed.dispute(ctx.data.disputeId)]}
    />
  ),
  sms: body,
  push: (ctx) => ({ title: ctx.s.paymentDisputed.subject(ctx.data.reference), body: body(ctx) }),
  sample: {
    reference: 'ord_01JZ8Q6V4M3K2N1P0R9S8T7U6V',
    provider: 'stripe',
    disputeId: 'dp_1Q2w3E4r5T6y7U8i',
    amount: 16262,
    currency: 'EUR',
    reason: 'fraudulent',
  },
})
