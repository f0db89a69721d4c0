import { createHash } from 'node:crypto'
import type { Agent } from 'node:https'
import webpush from 'web-push'
import type { ChannelSender, ResponseHeaders, SendResult } from './model.ts'
import { classifyRefusal, expectChannel, isNetworkError, networkRetry } from './model.ts'

/** The shop's VAPID identity, which browsers' push services check every message against. */
export interface VapidKeys {
  /** The public key browsers subscribe with (base64url, uncompressed P-256 point). */
  publicKey: string
  /** Its private key (base64url). */
  privateKey: string
  /** A `mailto:` or `https:` address the push service may contact about the shop's messages. */
  subject: string
}

export interface WebPushOptions {
  vapid: VapidKeys
  /** How long a push service keeps a message for a browser that is offline, in seconds (default one day). */
  ttlSeconds?: number
  /** How long one call may take before it counts as a network failure and is retried (default 10 s). */
  timeoutMs?: number
  /** The HTTPS agent to reach push services with (for one that trusts another certificate authority). */
  agent?: Agent
  now?: () => number
}

/** web-push's error for an answer outside 2xx. */
interface WebPushError {
  statusCode: number
  headers: ResponseHeaders
  body: string
}

const isWebPushError = (error: unknown): error is WebPushError =>
  error instanceof Error && typeof (error as Partial<WebPushError>).statusCode === 'number'

/**
 * The Topic header of a delivery: a push service keeps only the newest undelivered message of one topic, so a
 * message sent twice for one delivery reaches an offline browser once. At most 32 URL-safe base64 characters.
 */
export const pushTopic = (deliveryId: string) =>
  createHash('sha256').update(deliveryId).digest('base64url').slice(0, 32)

/**
 * Web push with the official `web-push` library: the payload encrypted for the subscription (aes128gcm,
 * RFC 8291) and signed with the shop's VAPID keys (RFC 8292). A subscription the push service no longer knows
 * (404 or 410) is `gone`, so the caller forgets it. Push services take no idempotency key; the Topic header
 * collapses repeats a browser has not fetched yet.
 */
export const webPush = (options: WebPushOptions): ChannelSender => {
  const now = options.now ?? Date.now

  const send = async (
    message: Parameters<ChannelSender['send']>[0],
    deliveryId: string,
  ): Promise<SendResult> => {
    const push = expectChannel(message, 'push')
    try {
      const answer = await webpush.sendNotification(push.subscription, push.payload, {
        vapidDetails: options.vapid,
        TTL: options.ttlSeconds ?? 86_400,
        timeout: options.timeoutMs ?? 10_000,
        topic: pushTopic(deliveryId),
        ...(options.agent ? { agent: options.agent } : {}),
      })
      const location = answer.headers.location
      return { outcome: 'sent', providerMessageId: typeof location === 'string' ? location : null }
    } catch (error) {
      if (isWebPushError(error)) {
        const detail = `${error.statusCode} ${error.body}`.trim()
        if (error.statusCode === 404 || error.statusCode === 410)
          return { outcome: 'failed', errorClass: 'gone', detail }
        // The subscription was made for another VAPID key: it will never take this shop's messages.
        if (error.statusCode === 403) return { outcome: 'failed', errorClass: 'rejected', detail }
        return classifyRefusal({ status: error.statusCode, headers: error.headers, detail }, now())
      }
      if (isNetworkError(error)) return networkRetry(error)
      // web-push refuses a subscription or payload it cannot encrypt for before sending anything.
      if (error instanceof Error) return { outcome: 'failed', errorClass: 'rejected', detail: error.message }
      throw error
    }
  }

  return { channel: 'push', provider: 'web-push', send }
}
