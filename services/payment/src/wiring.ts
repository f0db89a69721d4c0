import type { SessionStore } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import { tokenVerifier } from '@myshop/service-kit'
import type Redis from 'ioredis'
import type { PaymentConfig } from './config.ts'
import type { PaymentDeps } from './deps.ts'
import { createTestProvider } from './test-provider/service.ts'

export interface WiringOptions {
  config: PaymentConfig
  sql: Db
  redis?: Redis | undefined
  logger: Logger
  eventsWritten?: () => void
  sessions?: SessionStore | undefined
}

/**
 * Assembles the payment service's dependencies from configuration: tokens verified against the user service's
 * keys, with ended sessions looked up in Redis when REDIS_URL is set (else in process), and the test provider.
 */
export const createPaymentDeps = ({
  config,
  sql,
  redis,
  logger,
  eventsWritten = () => {},
  sessions,
}: WiringOptions): PaymentDeps => {
  const testProvider = createTestProvider({
    sql,
    now: Date.now,
    secret: config.TEST_PROVIDER_WEBHOOK_SECRET,
    toleranceSeconds: config.TEST_PROVIDER_WEBHOOK_TOLERANCE_SECONDS,
  })
  return {
    sql,
    now: Date.now,
    logger,
    verifier: tokenVerifier(config, { redis, sessions }),
    eventsWritten,
    providers: { test: testProvider },
    testProvider,
  }
}
