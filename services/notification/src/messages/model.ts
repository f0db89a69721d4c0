/** The ways a message reaches a person. */
export type Channel = 'email' | 'sms' | 'push'

/** What a message is about; account, order and staff messages are transactional, marketing is opt-in. */
export type Category = 'account' | 'order' | 'staff' | 'marketing' // account+order+staff are transactional

/** A message rendered and ready for a channel. */
export interface EmailMessage {
  channel: 'email'
  to: string
  from: string
  subject: string
  html: string
  text: string
  headers: Record<string, string>
}
export interface SmsMessage {
  channel: 'sms'
  to: string /* E.164 */
  body: string
}
export interface PushMessage {
  channel: 'push'
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } }
  payload: string /* JSON */
}
export type OutgoingMessage = EmailMessage | SmsMessage | PushMessage

/** Every channel, in the order configuration and listings name them. */
export const channels: readonly Channel[] = ['email', 'sms', 'push']

/** Categories a recipient cannot turn email off for: what they must be told about their account and orders. */
export const transactionalCategories: readonly Category[] = ['account', 'order', 'staff']

/** The recipient a message is addressed to, as a delivery records it: an address, a number or a push endpoint. */
export const recipientOf = (message: OutgoingMessage): string =>
  message.channel === 'push' ? message.subscription.endpoint : message.to
