import { t } from '@myshop/http'
import { base64urlPattern, maxEndpointLength } from './model.ts'

const key = (maxLength: number, description: string) =>
  t.String({ minLength: 1, maxLength, pattern: base64urlPattern, description })

export const vapidPublicKeySchema = t.Object({
  publicKey: t.String({ description: "The VAPID public key, base64url: the browser's applicationServerKey" }),
})

const endpoint = t.String({
  minLength: 9,
  maxLength: maxEndpointLength,
  pattern: '^https://',
  description: "The push service's URL for this browser",
  examples: ['https://fcm.googleapis.com/fcm/send/abc123'],
})

/** A browser's PushSubscription as `subscription.toJSON()` writes it. */
export const subscriptionInputSchema = t.Object({
  endpoint,
  expirationTime: t.Optional(t.Union([t.Number({ minimum: 0 }), t.Null()])),
  keys: t.Object(
    {
      p256dh: key(128, 'The browser’s P-256 public key, uncompressed'),
      auth: key(64, 'The 16-byte authentication secret'),
    },
    { additionalProperties: false },
  ),
})

export const subscriptionSchema = t.Object({
  id: t.String(),
  endpoint: t.String(),
  createdAt: t.String({ format: 'date-time' }),
})

export const endpointInputSchema = t.Object({ endpoint }, { additionalProperties: false })
