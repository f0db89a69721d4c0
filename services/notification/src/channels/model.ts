import { AppError } from '@myshop/errors'
import type { Channel, OutgoingMessage } from '../messages/model.ts'

/**
 * What came of handing one message to a provider. `retry` is a failure that may pass (the queue tries again after
 * `retryAfterMs` when the provider named a time, else with its backoff); `failed` is permanent: the address or
 * subscription will never take the message.
 */
export type SendResult =
  | { outcome: 'sent'; providerMessageId: string | null }
  | {
      outcome: 'retry'
      errorClass: 'rate_limited' | 'provider_error' | 'network'
      detail: string
      retryAfterMs?: number
    }
  | { outcome: 'failed'; errorClass: 'rejected' | 'gone'; detail: string }

/** Hands messages of one channel to one provider. */
export interface ChannelSender {
  channel: Channel
  provider: string
  /**
   * Sends `message`; `idempotencyKey` (the delivery id) travels with it as far as the provider allows. Provider
   * and network failures are answered as values; only a bug throws.
   */
  send(message: OutgoingMessage, idempotencyKey: string): Promise<SendResult>
}

/** The header names a provider answers with, lower-cased, to their values. */
export type ResponseHeaders = Record<string, string | string[] | undefined>

const header = (headers: ResponseHeaders, name: string) => {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * How long a provider asked to wait: `Retry-After` in seconds or as an HTTP date, else SendGrid's
 * `X-RateLimit-Reset` (the epoch second its window reopens). Undefined when it named no time.
 */
export const retryAfterMs = (headers: ResponseHeaders, now: number): number | undefined => {
  const retryAfter = header(headers, 'retry-after')?.trim()
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000
    const at = Date.parse(retryAfter)
    if (!Number.isNaN(at)) return Math.max(at - now, 0)
  }
  const reset = header(headers, 'x-ratelimit-reset')?.trim()
  if (reset && /^\d+$/.test(reset)) return Math.max(Number(reset) * 1000 - now, 0)
  return undefined
}

/** A provider's HTTP refusal, read into what the queue does next. */
export interface HttpRefusal {
  status: number
  headers: ResponseHeaders
  detail: string
}

/**
 * The common reading of a provider's HTTP status: 429 waits and retries, 5xx and 408 retry, 401/403 retry too (the
 * shop's credentials are wrong, which an operator fixes without the message being lost), any other 4xx refuses
 * the message for good.
 */
export const classifyRefusal = ({ status, headers, detail }: HttpRefusal, now: number): SendResult => {
  if (status === 429) {
    const wait = retryAfterMs(headers, now)
    return {
      outcome: 'retry',
      errorClass: 'rate_limited',
      detail,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    }
  }
  if (status >= 500) return { outcome: 'retry', errorClass: 'provider_error', detail }
  if (status === 408) return { outcome: 'retry', errorClass: 'network', detail }
  if (status === 401 || status === 403)
    return { outcome: 'retry', errorClass: 'provider_error', detail: `credentials refused: ${detail}` }
  return { outcome: 'failed', errorClass: 'rejected', detail }
}

/** The error codes Node and axios give a request that never got an answer. */
const networkCodes = new Set([
  'ECONNABORTED',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ETIMEDOUT',
  'ERR_CANCELED',
  'ERR_NETWORK',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_SOCKET',
  'ConnectionRefused',
  'ConnectionClosed',
])

/** Whether `error` is a request that got no answer (refused, reset, timed out), as opposed to a bug. */
export const isNetworkError = (error: unknown): error is Error => {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && networkCodes.has(code)) return true
  if ((error as { isAxiosError?: unknown }).isAxiosError === true) return true
  return error.name === 'AbortError' || error.name === 'TimeoutError' || /socket timeout/i.test(error.message)
}

/** A request that got no answer, as a retry; anything else is a bug and is thrown again. */
export const networkRetry = (error: unknown): SendResult => {
  if (!isNetworkError(error)) throw error
  const code = (error as { code?: unknown }).code
  return {
    outcome: 'retry',
    errorClass: 'network',
    detail: typeof code === 'string' ? `${code}: ${error.message}` : error.message,
  }
}

/** The message a sender was given, checked to be of its channel (a mismatch is a bug in the caller). */
export const expectChannel = <C extends Channel>(
  message: OutgoingMessage,
  channel: C,
): Extract<OutgoingMessage, { channel: C }> => {
  if (message.channel !== channel)
    throw new AppError('internal', { detail: `a ${channel} sender was handed a ${message.channel} message` })
  return message as Extract<OutgoingMessage, { channel: C }>
}
