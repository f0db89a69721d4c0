import { hostname } from 'node:os'
import type { SessionStore } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import { serviceGet, serviceTokens, tokenVerifier } from '@myshop/service-kit'
import type Redis from 'ioredis'
import { channelSenders } from './channels/index.ts'
import type { ChannelSender } from './channels/model.ts'
import { webPush } from './channels/web-push.ts'
import { httpDirectory } from './clients/directory.ts'

import type { NotificationConfig } from './config.ts'
import type { NotificationDeps } from './deps.ts'
import { preferredRecipients } from './preferences/service.ts'
import { ensureVapidKeys, forgetEndpoint, subscriptionsOf } from './push/service.ts'
import { bullmqQueue } from './queue/bullmq.ts'
import type { NotificationQueue, RetryPolicy } from './queue/model.ts'
import { postgresQueue } from './queue/postgres.ts'
import { renderEmail, renderPush, renderSms } from './templates/index.ts'

export interface WiringOptions {
  config: NotificationConfig
  sql: Db
  redis?: Redis | undefined
  logger: Logger
  eventsWritten?: () => void
  sessions?: SessionStore | undefined
}

/**
 * Web push signed with the shop's VAPID key pair, made on first use and kept in the database (every instance signs
 * with the same one). A subscription the push service says is gone is forgotten.
 */
const webPushWithStoredKeys = (
  deps: Parameters<typeof ensureVapidKeys>[0],
  subject: string,
  timeoutMs: number,
): ChannelSender => {
  let sender: Promise<ChannelSender> | undefined
  return {
    channel: 'push',
    provider: 'webpush',
    async send(message, key) {
      sender ??= ensureVapidKeys(deps).then((keys) => webPush({ vapid: { ...keys, subject }, timeoutMs }))
      const result = await (await sender).send(message, key)
      if (result.outcome === 'failed' && result.errorClass === 'gone' && message.channel === 'push')
        await forgetEndpoint(deps, message.subscription.endpoint)
      return result
    },
  }
}

/** BullMQ on the shop's Redis when it has one, else the PostgreSQL queue. */
export const notificationQueue = (config: NotificationConfig, sql: Db, logger: Logger): NotificationQueue => {
  const policy: RetryPolicy = {
    maxAttempts: config.NOTIFICATION_MAX_ATTEMPTS,
    baseMs: config.NOTIFICATION_RETRY_BASE_MS,
    maxMs: 10 * 60_000,
  }
  const leaseMs = config.NOTIFICATION_LEASE_MS
  return config.REDIS_URL
    ? bullmqQueue({ redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX, logger, policy, leaseMs })
    : postgresQueue({ sql, logger, policy, leaseMs, pollMs: config.NOTIFICATION_POLL_MS })
}

/**
 * Assembles the notification service's dependencies from configuration: tokens verified against the user
 * service's keys, the queue, the channels' providers, and the user and order services called with the
 * notification service's own identity (none without SERVICE_SECRET: staff and order messages then wait).
 */
export const createNotificationDeps = ({
  config,
  sql,
  redis,
  logger,
  eventsWritten = () => {},
  sessions,
}: WiringOptions): NotificationDeps => {
  const tokens = config.SERVICE_SECRET
    ? serviceTokens({
        userServiceUrl: config.USER_SERVICE_URL,
        service: 'notification',
        secret: config.SERVICE_SECRET,
      })
    : null
  const get = (baseUrl: string) => serviceGet({ baseUrl, tokens, timeoutMs: config.SERVICE_CALL_TIMEOUT_MS })
  const verifier = tokenVerifier(config, { redis, sessions })
  const featureDeps = { sql, verifier, now: Date.now, logger, config }
  const senders = channelSenders(config, config.MYSHOP_DATA_DIR)
  const pushVia = config.NOTIFICATION_PUSH_VIA ?? (config.DATABASE_URL ? 'webpush' : 'file')
  return {
    sql,
    now: Date.now,
    logger,
    verifier,
    eventsWritten,
    queue: notificationQueue(config, sql, logger),
    senders: [
      senders.email,
      senders.sms,
      pushVia === 'webpush'
        ? webPushWithStoredKeys(
            featureDeps,
            config.NOTIFICATION_VAPID_SUBJECT,
            config.NOTIFICATION_PROVIDER_TIMEOUT_MS,
          )
        : senders.push,
    ],
    renderer: { renderEmail, renderSms, renderPush },
    recipients: preferredRecipients(featureDeps, async (userId) =>
      (await subscriptionsOf(featureDeps, userId)).map((s) => ({
        endpoint: s.endpoint,
        keys: { p256dh: s.p256dh, auth: s.auth },
      })),
    ),
    features: featureDeps,
    directory: httpDirectory(get(config.USER_SERVICE_URL), get(config.ORDER_SERVICE_URL)),
    settings: {
      emailFrom: config.NOTIFICATION_EMAIL_FROM,
      publicUrl: config.NOTIFICATION_PUBLIC_URL.replace(/\/+$/, ''),
      owner: `notification@${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`,
      leaseMs: config.NOTIFICATION_LEASE_MS,
      concurrency: {
        email: config.NOTIFICATION_EMAIL_CONCURRENCY,
        sms: config.NOTIFICATION_SMS_CONCURRENCY,
        push: config.NOTIFICATION_PUSH_CONCURRENCY,
      },
      rateLimits: config.NOTIFICATION_RATE_LIMITS,
      callbacks: {
        sendgridPublicKey: config.SENDGRID_WEBHOOK_PUBLIC_KEY,
        twilioAuthToken: config.TWILIO_AUTH_TOKEN,
        twilioCallbackUrl: config.TWILIO_STATUS_CALLBACK_URL,
      },
    },
  }
}
