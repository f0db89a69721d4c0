import { AppError } from '@myshop/errors'
import { parseSendgridEvents, parseTwilioStatus } from '../channels/callbacks.ts'
import { recordProviderReport } from '../deliveries/service.ts'
import type { NotificationDeps } from '../deps.ts'

/** What a delivery callback was answered with: how many reports it held and how many changed a delivery. */
export interface CallbackReceipt {
  received: number
  applied: number
}

const notConfigured = (provider: string, variable: string) =>
  new AppError('not_found', { detail: `${provider} callbacks are off: ${variable} is not set` })

/**
 * SendGrid's signed Event Webhook: the signature (ECDSA over the timestamp and the raw body) is checked with the
 * shop's verification key, else 400 and nothing is recorded. Delivered marks the delivery delivered; a bounce
 * (a permanent one) or a drop marks it bounced and stops email to the address; a temporary block is left to
 * SendGrid's own retries. Each event counts once by its `sg_event_id`.
 */
export const receiveSendgrid = async (
  deps: NotificationDeps,
  rawBody: string,
  headers: Headers,
): Promise<CallbackReceipt> => {
  const key = deps.settings.callbacks.sendgridPublicKey
  if (!key) throw notConfigured('SendGrid', 'SENDGRID_WEBHOOK_PUBLIC_KEY')
  const parsed = parseSendgridEvents(rawBody, headers, key)
  if (!parsed.ok) throw new AppError('invalid_signature', { detail: parsed.reason })
  let applied = 0
  for (const event of parsed.events) {
    const status =
      event.event === 'delivered'
        ? 'delivered'
        : (event.event === 'bounce' && event.type !== 'blocked') || event.event === 'dropped'
          ? 'bounced'
          : null
    if (!status) continue
    const result = await recordProviderReport(deps, {
      provider: 'sendgrid',
      eventId: event.eventId,
      channel: 'email',
      deliveryId: event.deliveryId ?? null,
      providerMessageId: event.providerMessageId,
      status,
      detail: status === 'bounced' ? `${event.event}${event.type ? ` (${event.type})` : ''}` : null,
    })
    if (result.deliveryId && !result.duplicate) applied++
  }
  return { received: parsed.events.length, applied }
}

/**
 * Twilio's status callback: `X-Twilio-Signature` is checked over the address Twilio was given
 * (TWILIO_STATUS_CALLBACK_URL, with the query it was sent with) and the form parameters, else 400 and nothing is
 * recorded. Delivered and undelivered/failed move the delivery on; each status of a message counts once.
 */
export const receiveTwilio = async (
  deps: NotificationDeps,
  rawBody: string,
  query: string,
  headers: Headers,
): Promise<CallbackReceipt> => {
  const { twilioAuthToken, twilioCallbackUrl } = deps.settings.callbacks
  if (!twilioAuthToken || !twilioCallbackUrl)
    throw notConfigured('Twilio', 'TWILIO_AUTH_TOKEN and TWILIO_STATUS_CALLBACK_URL')
  const url = new URL(twilioCallbackUrl)
  url.search = query
  const params = Object.fromEntries(new URLSearchParams(rawBody))
  const parsed = parseTwilioStatus(url.toString(), params, headers.get('x-twilio-signature'), twilioAuthToken)
  if (!parsed.ok) throw new AppError('invalid_signature', { detail: parsed.reason })
  const { event } = parsed
  const status =
    event.status === 'delivered'
      ? 'delivered'
      : event.status === 'undelivered' || event.status === 'failed'
        ? 'failed'
        : null
  if (!status) return { received: 1, applied: 0 }
  const result = await recordProviderReport(deps, {
    provider: 'twilio',
    eventId: `${event.providerMessageId}:${event.status}`,
    channel: 'sms',
    deliveryId: event.deliveryId ?? null,
    providerMessageId: event.providerMessageId,
    status,
    detail: event.errorCode ? `twilio error ${event.errorCode}` : null,
  })
  return { received: 1, applied: result.deliveryId && !result.duplicate ? 1 : 0 }
}
