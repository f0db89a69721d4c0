import type { Verifier } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import type { PaymentProvider, ProviderName } from './payments/provider.ts'
import type { TestProvider } from './test-provider/service.ts'

/** The PostgreSQL schema the payment service owns. */
export const schema = 'payments'

/** The `source` of the events the payment service writes. */
export const source = 'payment'

/** Everything the payment service's features need, passed in so tests supply their own. */
export interface PaymentDeps {
  sql: Db
  now: () => number
  logger: Logger
  verifier: Verifier
  /** Wakes the outbox relay after a commit that wrote events. */
  eventsWritten: () => void
  /** The providers payments are made with, by name. */
  providers: Record<ProviderName, PaymentProvider>
  /** The built-in test provider, whose 3-D Secure page the service serves. */
  testProvider: TestProvider
}
