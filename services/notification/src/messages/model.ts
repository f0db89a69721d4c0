export type Channel = 'email' | 'sms' | 'push'
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
