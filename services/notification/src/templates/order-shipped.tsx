import { Text } from '@react-email/components'
import type { OrderData } from './data.ts'
import { Action } from './layout.tsx'
import { orderTemplate } from './order-template.tsx'
import { sampleOrder } from './samples.ts'
import type { Strings } from './strings.ts'

const trackingLine = (s: Strings, order: OrderData) =>
  order.fulfillment ? s.tracking(order.fulfillment.carrier, order.fulfillment.trackingNumber) : ''

/** Sent when an order is shipped, with the carrier and tracking number (and link, when there is one). */
export const orderShipped = orderTemplate({
  subject: ({ s, data }) => s.orderShipped.subject(data.orderId),
  intro: ({ s }) => s.orderShipped.intro,
  extra: ({ s, data }) =>
    data.fulfillment && (
      <>
        <Text style={{ fontWeight: 'bold' }}>{trackingLine(s, data)}</Text>
        <Action href={data.fulfillment.trackingUrl} label={s.trackParcel} />
      </>
    ),
  sms: ({ s, data }) => s.orderShipped.sms(data.orderId, trackingLine(s, data)),
  sample: {
    ...sampleOrder,
    fulfillment: {
      trackingNumber: '00340434161094042557',
      carrier: 'DHL',
      trackingUrl: 'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html',
    },
  },
})
