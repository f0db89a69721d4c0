import type { Verifier } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import type { ChannelSender } from './channels/model.ts'
import type { Directory } from './clients/directory.ts'
import type { Recipients } from './consumers/recipients.ts'
import type { Channel } from './messages/model.ts'
import type { Renderer } from './messages/renderer.ts'
import type { NotificationQueue, RateLimit } from './queue/model.ts'

/** The PostgreSQL schema the notification service owns. */
export const schema = 'notifications'

/** The `source` of the events the notification service writes. */
export const source = 'notification'

/** Everything the notification service's features need, passed in so tests supply their own. */
export interface NotificationDeps {
  sql: Db
  now: () => number
  logger: Logger
  verifier: Verifier
  /** Wakes the outbox relay after a commit that wrote events. */
  eventsWritten: () => void
  /** Where deliveries wait to be sent: BullMQ with Redis, PostgreSQL without. */
  queue: NotificationQueue
  /** One provider per channel; a channel without one keeps its deliveries retrying. */
  senders: ChannelSender[]
  renderer: Renderer
  /** Where a user is reached, per category: their email, and their phone and push subscriptions if they opted in. */
  recipients: Recipients
  /** The other services' answers messages need: staff by role, an order's address. */
  directory: Directory
  settings: NotificationSettings
  /** What the preferences and push features take: the database, tokens, clock and the unsubscribe secret. */
  features: {
    sql: Db
    verifier: Verifier
    now: () => number
    logger: Logger
    config: { NOTIFICATION_UNSUBSCRIBE_SECRET: string }
  }
}

export interface NotificationSettings {
  /** The From of every email. */
  emailFrom: string
  /** Where shoppers reach the gateway, without a trailing slash: unsubscribe links point under it. */
  publicUrl: string
  /** Who this instance is when it leases a delivery. */
  owner: string
  /** How long a send stays leased to one instance. */
  leaseMs: number
  concurrency: Record<Channel, number>
  /** Per provider name. */
  rateLimits: Record<string, RateLimit>
  /** What providers' delivery callbacks are verified with; a provider without its key has its callbacks off. */
  callbacks: {
    sendgridPublicKey?: string | undefined
    twilioAuthToken?: string | undefined
    twilioCallbackUrl?: string | undefined
  }
}
