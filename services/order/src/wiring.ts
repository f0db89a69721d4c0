import type { SessionStore } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import { tokenVerifier } from '@myshop/service-kit'
import type Redis from 'ioredis'
import type { OrderConfig } from './config.ts'
import type { OrderDeps } from './deps.ts'

export interface WiringOptions {
  config: OrderConfig
  sql: Db
  redis?: Redis | undefined
  logger: Logger
  eventsWritten?: () => void
  sessions?: SessionStore | undefined
}

/**
 * Assembles the order service's dependencies from configuration: tokens verified against the user service's keys,
 * with ended sessions looked up in Redis when REDIS_URL is set (else in process).
 */
export const createOrderDeps = ({
  config,
  sql,
  redis,
  logger,
  eventsWritten = () => {},
  sessions,
}: WiringOptions): OrderDeps => ({
  sql,
  now: Date.now,
  logger,
  verifier: tokenVerifier(config, { redis, sessions }),
  eventsWritten,
})
