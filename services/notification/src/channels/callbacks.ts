import { EventWebhook, EventWebhookHeader } from '@sendgrid/eventwebhook'
import twilio from 'twilio'

/** Request headers as a `Headers` object or a plain record (any case). */
export type CallbackHeaders = Headers | Record<string, string | string[] | undefined>

const headerOf = (headers: CallbackHeaders, name: string): string | undefined => {
  if (headers instanceof Headers) return headers.get(name) ?? undefined
  const wanted = name.toLowerCase()
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1]
  return Array.isArray(found) ? found[0] : found
}

/** What SendGrid reported about one email. */
export interface SendgridEvent {
  /** The `X-Message-Id` SendGrid answered the send with (the part of `sg_message_id` before its first dot). */
  providerMessageId: string | null
  event:
    | 'processed'
    | 'dropped'
    | 'delivered'
    | 'deferred'
    | 'bounce'
    | 'open'
    | 'click'
    | 'spamreport'
    | string
  /** For a bounce: `bounce` is permanent, `blocked` temporary. */
  type?: 'bounce' | 'blocked'
  email: string
  /** When it happened, in epoch seconds. */
  timestamp: number
  /** `sg_event_id`: the same event delivered twice has the same id. */
  eventId: string
  /** The delivery id sent along as `custom_args.delivery_id`, when there was one. */
  deliveryId?: string
}

export type SendgridParse = { ok: true; events: SendgridEvent[] } | { ok: false; reason: string }

const readSendgridEvent = (raw: Record<string, unknown>): SendgridEvent | null => {
  const { event, email, timestamp, sg_event_id: eventId, sg_message_id: messageId } = raw
  if (typeof event !== 'string' || typeof email !== 'string' || typeof eventId !== 'string') return null
  if (typeof timestamp !== 'number') return null
  return {
    providerMessageId: typeof messageId === 'string' ? messageId.split('.')[0]! : null,
    event,
    ...(raw.type === 'bounce' || raw.type === 'blocked' ? { type: raw.type } : {}),
    email,
    timestamp,
    eventId,
    ...(typeof raw.delivery_id === 'string' ? { deliveryId: raw.delivery_id } : {}),
  }
}

/** SendGrid shows the verification key as base64 DER; the library reads PEM. */
const asPem = (publicKey: string) =>
  publicKey.includes('BEGIN PUBLIC KEY')
    ? publicKey
    : `-----BEGIN PUBLIC KEY-----\n${publicKey.trim()}\n-----END PUBLIC KEY-----`

/**
 * Reads a POST of SendGrid's signed Event Webhook: the ECDSA signature over the timestamp header and the raw body
 * is checked with `@sendgrid/eventwebhook` against the shop's verification key before anything is read. A body
 * that is not the raw bytes SendGrid sent (re-serialised JSON) does not verify.
 */
export const parseSendgridEvents = (
  rawBody: string,
  headers: CallbackHeaders,
  publicKey: string,
): SendgridParse => {
  const signature = headerOf(headers, EventWebhookHeader.SIGNATURE())
  const timestamp = headerOf(headers, EventWebhookHeader.TIMESTAMP())
  if (!signature || !timestamp) return { ok: false, reason: 'signature or timestamp header missing' }
  const webhook = new EventWebhook()
  let valid: boolean
  try {
    valid = webhook.verifySignature(
      webhook.convertPublicKeyToECDSA(asPem(publicKey)),
      rawBody,
      signature,
      timestamp,
    )
  } catch {
    valid = false
  }
  if (!valid) return { ok: false, reason: 'signature does not verify' }
  let body: unknown
  try {
    body = JSON.parse(rawBody)
  } catch {
    return { ok: false, reason: 'body is not JSON' }
  }
  if (!Array.isArray(body)) return { ok: false, reason: 'body is not a list of events' }
  const events = body.map((raw) => (raw && typeof raw === 'object' ? readSendgridEvent(raw) : null))
  if (events.some((e) => e === null))
    return { ok: false, reason: 'an event lacks event, email, timestamp or id' }
  return { ok: true, events: events as SendgridEvent[] }
}

/** The statuses MyShop tracks, from Twilio's finer ones. */
const twilioStatuses: Record<string, TwilioStatus['status']> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
}

/** What Twilio reported about one SMS. */
export interface TwilioStatus {
  /** `MessageSid`. */
  providerMessageId: string
  status: 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed'
  /** Twilio's error code for an undelivered or failed message (30003 unreachable, 30006 landline…). */
  errorCode?: string
  /** The delivery id MyShop put in the callback address, when there is one. */
  deliveryId?: string
}

export type TwilioParse = { ok: true; event: TwilioStatus } | { ok: false; reason: string }

/**
 * Reads a status callback of Twilio's: `X-Twilio-Signature` is checked with `twilio.validateRequest` over the full
 * address Twilio called (as configured, query included) and the form parameters, with the account's auth token.
 */
export const parseTwilioStatus = (
  url: string,
  params: Record<string, string>,
  signatureHeader: string | null | undefined,
  authToken: string,
): TwilioParse => {
  if (!signatureHeader) return { ok: false, reason: 'X-Twilio-Signature missing' }
  if (!twilio.validateRequest(authToken, signatureHeader, url, params))
    return { ok: false, reason: 'signature does not verify' }
  const sid = params.MessageSid
  const status = twilioStatuses[params.MessageStatus ?? '']
  if (!sid || !status) return { ok: false, reason: 'not a message status callback' }
  const deliveryId = new URL(url).searchParams.get('delivery')
  return {
    ok: true,
    event: {
      providerMessageId: sid,
      status,
      ...(params.ErrorCode ? { errorCode: params.ErrorCode } : {}),
      ...(deliveryId ? { deliveryId } : {}),
    },
  }
}
