import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Category, Channel } from '../messages/model.ts'
import { categories, channels, isLocked } from './model.ts'

/** What an unsubscribe link turns off: one category on one channel for one person. */
export interface UnsubscribeScope {
  userId: string
  category: Category
  channel: Channel
}

const encode = (text: string) => Buffer.from(text).toString('base64url')
const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest()

/**
 * A token for an unsubscribe link: the scope and expiry (seconds since the epoch), base64url, and an HMAC-SHA256
 * of them under the service's secret. The link needs no sign-in, so the signature is all that makes it the
 * recipient's.
 */
export const signUnsubscribeToken = (secret: string, scope: UnsubscribeScope, expiresAt: Date): string => {
  const payload = encode(
    JSON.stringify([scope.userId, scope.category, scope.channel, Math.floor(expiresAt.getTime() / 1000)]),
  )
  return `${payload}.${mac(secret, payload).toString('base64url')}`
}

const parse = (payload: string): [UnsubscribeScope, number] | null => {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    if (!Array.isArray(value) || value.length !== 4) return null
    const [userId, category, channel, exp] = value
    if (typeof userId !== 'string' || !userId || !Number.isInteger(exp)) return null
    if (!categories.includes(category) || !channels.includes(channel)) return null
    return [{ userId, category, channel }, exp]
  } catch {
    return null
  }
}

/**
 * The scope of a token signed with `secret` that has not expired at `now`, or null for anything else (forged,
 * altered, expired, or for transactional email, which no link turns off).
 */
export const verifyUnsubscribeToken = (
  secret: string,
  token: string,
  now: number,
): UnsubscribeScope | null => {
  const [payload, signature, ...rest] = token.split('.')
  if (!payload || !signature || rest.length > 0) return null
  const expected = mac(secret, payload)
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  const parsed = parse(payload)
  if (!parsed) return null
  const [scope, exp] = parsed
  if (exp * 1000 <= now || isLocked(scope.category, scope.channel)) return null
  return scope
}

/** The link to put in a message: the unsubscribe route under the public base URL, carrying the token. */
export const unsubscribeUrl = (baseUrl: string, token: string): string =>
  `${baseUrl.replace(/\/+$/, '')}/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`

/** The headers that let a mail client unsubscribe in one click (RFC 8058): a POST to the same HTTPS link. */
export const unsubscribeHeaders = (url: string): Record<string, string> => ({
  'List-Unsubscribe': `<${url}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
})
