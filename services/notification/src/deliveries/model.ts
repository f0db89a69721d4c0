import type { Category, Channel, OutgoingMessage } from '../messages/model.ts'
import type { TemplateName } from '../messages/renderer.ts'

export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'bounced' | 'failed' | 'suppressed'

export const deliveryStatuses: readonly DeliveryStatus[] = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'bounced',
  'failed',
  'suppressed',
]

/** One message about one fact (an event) to one recipient on one channel. */
export interface Delivery {
  id: string
  eventId: string
  eventType: string
  template: TemplateName
  channel: Channel
  recipient: string
  category: Category
  status: DeliveryStatus
  attempts: number
  lastError: string | null
  provider: string | null
  providerMessageId: string | null
  payload: OutgoingMessage
  nextAttemptAt: Date | null
  createdAt: Date
  updatedAt: Date
}

/** A delivery a consumer asks for: its rendered message, and what it is about. */
export interface NewDelivery {
  template: TemplateName
  category: Category
  message: OutgoingMessage
  /** Not to be sent before this time (epoch ms): a text message waits out the recipient's quiet hours. */
  notBefore?: number | undefined
}

/** Deliveries an operator may send again: those that gave up. */
export const retryable = (status: DeliveryStatus) => status === 'failed'
