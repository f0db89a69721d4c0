#!/usr/bin/env bun
import { fileURLToPath } from 'node:url'
import {
  orderCancelled,
  orderFulfilled,
  orderPaid,
  orderRefunded,
  paymentDisputed,
  stockLow,
  userRegistered,
} from '@myshop/events'
import { consumer, defineService, periodicJob, type RunningService } from '@myshop/service-kit'
import { createApp } from './app.ts'
import { loadNotificationConfig } from './config.ts'
import {
  messagesConsumer,
  onOrderEvent,
  onPaymentDisputed,
  onStockLow,
  onUserRegistered,
} from './consumers/service.ts'
import { requeueStranded, startDelivering } from './deliveries/service.ts'
import { type NotificationDeps, schema } from './deps.ts'
import { ensureVapidKeys } from './push/service.ts'
import { createNotificationDeps } from './wiring.ts'

export const migrationsDir = fileURLToPath(new URL('../../../db/migrations/notification', import.meta.url))

/**
 * The notification service: turns the shop's events into email, text and push messages, one delivery per fact,
 * channel and recipient, sent through a queue with retries, and tracked for operators.
 */
export const notificationService = defineService({
  name: 'notification',
  loadConfig: loadNotificationConfig,
  database: { schema, migrationsDir },
  deps: ({ config, sql, redis, logger, shared, eventsWritten }) =>
    createNotificationDeps({ config, sql, redis, logger, eventsWritten, sessions: shared.sessions }),
  prepare: async (deps, { config, logger, onStop }) => {
    // The shop's VAPID key pair is made on its first boot and kept: every browser subscribes with its public half.
    await ensureVapidKeys(deps.features)
    await startDelivering(deps)
    onStop(() => deps.queue.stop())
    // Deliveries whose job was never added (a crash right after their commit) are handed over again.
    const recovery = periodicJob({
      pass: () => requeueStranded(deps),
      intervalMs: config.NOTIFICATION_RECOVERY_INTERVAL_MS,
      logger,
      failed: 'stranded deliveries not requeued',
      handled: (count) => [{ count }, 'stranded deliveries requeued'],
    })
    recovery.start()
    onStop(() => recovery.stop())
  },
  consumers: (deps) => [
    consumer(`${messagesConsumer}-accounts`, [userRegistered], (event) => onUserRegistered(deps, event)),
    consumer(
      `${messagesConsumer}-orders`,
      [orderPaid, orderFulfilled, orderCancelled, orderRefunded],
      (event) => onOrderEvent(deps, event),
    ),
    consumer(`${messagesConsumer}-stock`, [stockLow], (event) => onStockLow(deps, event)),
    consumer(`${messagesConsumer}-disputes`, [paymentDisputed], (event) => onPaymentDisputed(deps, event)),
  ],
  app: (deps, { degradable }) => createApp(deps, degradable),
  describe: (deps) => ({ channels: deps.senders.map((sender) => `${sender.channel}:${sender.provider}`) }),
})

export type RunningNotificationService = RunningService<NotificationDeps>
export const startNotificationService = notificationService.start

if (import.meta.main) await notificationService.main()
