import type { PeerSource, ProxyTrust } from '@myshop/http'
import type { EventIndex } from './event-index.ts'
import type { ClientLimiter } from './limits.ts'
import type { BatchWriter } from './writer.ts'

/** How tracking behaves, from configuration. */
export interface TrackingSettings {
  /** Events in one `/track` request at most. */
  batchMax: number
  /** Events older than this many hours are refused by `/track` (not by the import). */
  maxAgeHours: number
  /** Raw events and rollups older than this many days are removed. */
  retentionDays: number
  /** Events one client (anonymous id and address) may send per window. */
  rateLimit: { limit: number; windowMs: number }
}

/** Everything the tracking feature needs beyond the database. */
export interface Tracking {
  settings: TrackingSettings
  writer: BatchWriter
  limiter: ClientLimiter
  /** The Elasticsearch copy, when ELASTICSEARCH_URL is set. */
  eventIndex: EventIndex | null
  /** Who is calling: the sockets' peers, and which of them are proxies whose forwarded address is believed. */
  addressing: { peers: PeerSource | null; trustedProxies: ProxyTrust }
}
