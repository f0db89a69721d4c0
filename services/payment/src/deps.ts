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
  /** The providers with credentials, by name: each settles the payments made with it. */
  providers: Partial<Record<ProviderName, PaymentProvider>>
  /** The providers new payments may use (PAYMENT_PROVIDERS), in the shop's order. */
  offered: readonly ProviderName[]
  /** What a storefront's browser needs to use each provider (Stripe's publishable key, PayPal's client id). */
  publicKeys: Partial<Record<ProviderName, { publishableKey?: string; clientId?: string }>>
  /** Where shoppers' browsers reach the gateway, without a trailing slash: providers send them back under it. */
  publicUrl: string
  /** The storefront page shoppers land on after a provider sends them back, if the shop has one. */
  returnUrl?: string | undefined
  /** The built-in test provider, whose 3-D Secure page the service serves. */
  testProvider: TestProvider
}
