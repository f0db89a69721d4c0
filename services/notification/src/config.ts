import { loadConfig, vars, z } from '@myshop/config'
import { serviceVars, tokenVars, withRedisPrefix } from '@myshop/service-kit/config'
import { channelVars } from './channels/index.ts'

/** `sendgrid=100,twilio=10/1000`: per provider, at most that many sends per window (ms, one second by default). */
const rateLimitsVar = () =>
  z
    .string()
    .default('sendgrid=100,twilio=10,webpush=100')
    .transform((text, ctx) => {
      const limits: Record<string, { max: number; durationMs: number }> = {}
      for (const part of text
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const match = /^([a-z0-9_-]+)=(\d+)(?:\/(\d+))?$/i.exec(part)
        if (!match || Number(match[2]) < 1) {
          ctx.addIssue({ code: 'custom', message: `"${part}" is not provider=max[/windowMs]` })
          return z.NEVER
        }
        limits[match[1]!.toLowerCase()] = { max: Number(match[2]), durationMs: Number(match[3] ?? 1000) }
      }
      return limits
    })

const shape = serviceVars('notification', 8086, {
  ...tokenVars(),
  ...channelVars(),
  /**
   * What unsubscribe links are signed with. The default suits a shop on one machine; a shop others can reach sets
   * its own, or anyone could unsubscribe anyone.
   */
  NOTIFICATION_UNSUBSCRIBE_SECRET: z.string().min(16).default('myshop-notification-unsubscribe-secret'),
  /** Where shoppers' browsers reach the gateway: unsubscribe links point under it. */
  NOTIFICATION_PUBLIC_URL: z.url().default('http://127.0.0.1:8080'),
  /** Who push services may contact about the shop's messages (VAPID subject): a mailto: or https: address. */
  NOTIFICATION_VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:)/)
    .default('mailto:shop@myshop.local'),
  /**
   * How push messages leave: `webpush` to the browsers' push services, `file` as JSON lines beside the emails. The
   * default is `file` in embedded mode (no DATABASE_URL), `webpush` otherwise.
   */
  NOTIFICATION_PUSH_VIA: z.enum(['webpush', 'file']).optional(),
  /** Where the order service answers: order messages read the order's shipping address there. */
  ORDER_SERVICE_URL: vars.url().default('http://127.0.0.1:8083'),
  /** How long one call to the user or order service may take. */
  SERVICE_CALL_TIMEOUT_MS: vars.int(5_000, 100),
  /** The sender of every email: an address, or `Name <address>`. */
  NOTIFICATION_EMAIL_FROM: z.string().min(3).max(320).default('MyShop <shop@myshop.local>'),
  /** How many emails one instance sends at a time. */
  NOTIFICATION_EMAIL_CONCURRENCY: vars.int(10, 1),
  /** How many text messages one instance sends at a time. */
  NOTIFICATION_SMS_CONCURRENCY: vars.int(5, 1),
  /** How many push messages one instance sends at a time. */
  NOTIFICATION_PUSH_CONCURRENCY: vars.int(10, 1),
  /** Attempts of one delivery before it is failed and dead-lettered (an operator may retry it). */
  NOTIFICATION_MAX_ATTEMPTS: vars.int(6, 1),
  /** The wait before a failed send's second attempt; each later one waits twice as long, up to ten minutes. */
  NOTIFICATION_RETRY_BASE_MS: vars.int(2_000, 1),
  /** Sends per provider per window, over all instances with Redis (per instance without). */
  NOTIFICATION_RATE_LIMITS: rateLimitsVar(),
  /** How long a send stays leased to the instance making it; another takes it over after that. */
  NOTIFICATION_LEASE_MS: vars.int(60_000, 100),
  /** Without Redis: how often the PostgreSQL queue looks for due jobs another instance added. */
  NOTIFICATION_POLL_MS: vars.int(500, 10),
  /** How often deliveries left queued by a crash (their job never added) are handed to the queue again. */
  NOTIFICATION_RECOVERY_INTERVAL_MS: vars.int(30_000, 10),
})

export type NotificationConfig = ReturnType<typeof loadNotificationConfig>

/** Reads the notification service's configuration once; every problem is reported together. */
export const loadNotificationConfig = (env: Record<string, string | undefined>) =>
  withRedisPrefix('notification', loadConfig(shape, env))
