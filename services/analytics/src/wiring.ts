import type { SessionStore } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import { tokenVerifier } from '@myshop/service-kit'
import type Redis from 'ioredis'
import type { AnalyticsConfig } from './config.ts'
import type { AnalyticsDeps } from './deps.ts'

export interface WiringOptions {
  config: AnalyticsConfig
  sql: Db
  redis?: Redis | undefined
  logger: Logger
  eventsWritten?: () => void
  sessions?: SessionStore | undefined
}

/** Assembles the analytics service's dependencies from configuration: tokens verified against the user service. */
export const createAnalyticsDeps = ({
  config,
  sql,
  redis,
  logger,
  eventsWritten = () => {},
  sessions,
}: WiringOptions): AnalyticsDeps => ({
  sql,
  now: Date.now,
  logger,
  verifier: tokenVerifier(config, { redis, sessions }),
  eventsWritten,
})
