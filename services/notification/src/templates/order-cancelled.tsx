import { Text } from '@react-email/components'
import { orderTemplate } from './order-template.tsx'
import { sampleOrder } from './samples.ts'

/** Sent when an order is cancelled, with the reason when one was given. */
export const orderCancelled = orderTemplate({
  subject: ({ s, data }) => s.orderCancelled.subject(data.orderId),
  intro: ({ s }) => s.orderCancelled.intro,
  extra: ({ s, data }) =>
    data.note && (
      <Text>
        {s.orderCancelled.reason}: {data.note}
      </Text>
    ),
  sms: ({ s, data }) => s.orderCancelled.sms(data.orderId),
  sample: { ...sampleOrder, note: 'Cancelled at the customer’s request' },
})
