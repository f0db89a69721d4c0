import { join } from 'node:path'
import { migrate } from '@myshop/db'
import { orderFulfilled } from '@myshop/events'
import { silentLogger } from '@myshop/logger'
import { appCaller, testDatabase, testTokens } from '@myshop/testing'
import { createApp } from '../src/app.ts'
import type { ChannelSender, SendResult } from '../src/channels/model.ts'
import type { StaffMember } from '../src/clients/directory.ts'
import { emailOnlyRecipients } from '../src/consumers/recipients.ts'
import type { NotificationDeps } from '../src/deps.ts'
import type { Channel, OutgoingMessage } from '../src/messages/model.ts'
import type { Renderer } from '../src/messages/renderer.ts'
import { postgresQueue } from '../src/queue/postgres.ts'

export const migrationsDir = join(import.meta.dir, '../../../db/migrations/notification')

/** Renders every template as its name and data, so tests can read what a message was about. */
export const standInRenderer: Renderer = {
  renderEmail: async ({ template, locale, data }) => ({
    subject: `${template}:${locale}`,
    html: `<p>${template}</p>`,
    text: JSON.stringify(data),
  }),
  renderSms: ({ template }) => `sms:${template}`,
  renderPush: ({ template }) => ({ title: template, body: template }),
}

/**
 * A provider that records each request and, like a provider honouring idempotency keys, sends a message once per
 * key: a repeated key answers the first send's message id. `answer` overrides what it answers.
 */
export const recordingSender = (
  channel: Channel,
  answer?: (message: OutgoingMessage, key: string) => Promise<SendResult | undefined>,
) => {
  const calls: { key: string; message: OutgoingMessage }[] = []
  const sent = new Map<string, OutgoingMessage>()
  const sender: ChannelSender = {
    channel,
    provider: `${channel}-standin`,
    async send(message, key) {
      calls.push({ key, message })
      const overridden = await answer?.(message, key)
      if (overridden && overridden.outcome !== 'sent') return overridden
      if (!sent.has(key)) sent.set(key, message)
      return { outcome: 'sent', providerMessageId: `msg-${key}` }
    },
  }
  return { sender, calls, sent }
}

/** The notification service's features on the test database, with the PostgreSQL queue (not started). */
export const notificationHarness = async (overrides: Partial<NotificationDeps> = {}) => {
  const { sql } = await testDatabase()
  await migrate(sql, 'notifications', migrationsDir)
  const tokens = await testTokens()
  const logger = silentLogger()
  const staff: Record<string, StaffMember[]> = {}
  const orders: Record<string, Record<string, unknown>> = {}
  const email = recordingSender('email')
  let offsetMs = 0
  const now = () => Date.now() + offsetMs
  const deps: NotificationDeps = {
    sql,
    now,
    logger,
    verifier: tokens.verifier(async () => true),
    eventsWritten: () => {},
    queue: postgresQueue({
      sql,
      logger,
      policy: { maxAttempts: 3, baseMs: 5, maxMs: 20 },
      leaseMs: 60_000,
      pollMs: 20,
      now,
    }),
    senders: [email.sender],
    renderer: standInRenderer,
    recipients: emailOnlyRecipients,
    directory: {
      usersWithRole: async (role) => staff[role] ?? [],
      order: async (id) => orders[id] ?? null,
    },
    settings: {
      emailFrom: 'MyShop <shop@example.com>',
      publicUrl: 'https://shop.example',
      owner: `test-${crypto.randomUUID().slice(0, 8)}`,
      leaseMs: 60_000,
      concurrency: { email: 4, sms: 2, push: 2 },
      rateLimits: {},
      callbacks: {},
    },
    features: {
      sql,
      verifier: tokens.verifier(async () => true),
      now,
      logger,
      config: { NOTIFICATION_UNSUBSCRIBE_SECRET: 'a-test-unsubscribe-secret' },
    },
    ...overrides,
  }
  const app = createApp(deps)
  const [admin, customer] = await Promise.all([
    tokens.sign({ roles: ['admin'], sub: 'usr_admin' }),
    tokens.sign({ roles: ['customer'], sub: 'usr_customer' }),
  ])
  const deliveriesFor = (eventId: string) =>
    sql<
      { id: string; channel: string; recipient: string; status: string; attempts: number; template: string }[]
    >`
      select id, channel, recipient, status, attempts, template from notifications.deliveries
      where event_id = ${eventId} order by channel, recipient`
  return {
    deps,
    sql,
    app,
    call: appCaller(app),
    as: (token: string) => ({ authorization: `Bearer ${token}` }),
    admin,
    customer,
    staff,
    orders,
    email,
    deliveriesFor,
    advance: (ms: number) => {
      offsetMs += ms
    },
  }
}

/** An `order.fulfilled` event: one lamp for 10.00 EUR, shipped with DHL under TRACK1. */
export const shippedOrder = (userId: string, email: string, orderId = `ord_${crypto.randomUUID()}`) =>
  orderFulfilled.create(
    {
      orderId,
      userId,
      email,
      status: 'fulfilled',
      currency: 'EUR',
      totals: { subtotal: 1000, shipping: 0, tax: 0, total: 1000, refunded: 0 },
      lines: [
        { sku: 'LAMP-1', productId: 'prd_1', name: 'Lamp', unitPrice: 1000, quantity: 1, lineTotal: 1000 },
      ],
      actor: 'usr_admin',
      occurredAt: new Date().toISOString(),
      fulfillment: {
        id: 'ful_1',
        trackingNumber: 'TRACK1',
        carrier: 'DHL',
        shippedAt: new Date().toISOString(),
      },
    },
    { source: 'order' },
  )
