import type { SessionStore } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import { tokenVerifier } from '@myshop/service-kit'
import type Redis from 'ioredis'
import type { PaymentConfig } from './config.ts'
import type { PaymentDeps } from './deps.ts'
import type { PaymentProvider, ProviderName } from './payments/provider.ts'
import { createPayPalProvider } from './providers/paypal.ts'
import { createStripeProvider } from './providers/stripe.ts'
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
 * keys, with ended sessions looked up in Redis when REDIS_URL is set (else in process), and the providers. Every
 * provider with credentials is built, offered or not, so payments made through one the shop stopped offering still
 * settle; PAYMENT_PROVIDERS says which new payments may use.
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
  const providers: Partial<Record<ProviderName, PaymentProvider>> = { test: testProvider }
  if (config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET)
    providers.stripe = createStripeProvider({
      secretKey: config.STRIPE_SECRET_KEY,
      webhookSecret: config.STRIPE_WEBHOOK_SECRET,
      apiUrl: config.STRIPE_API_URL,
      webhookToleranceSeconds: config.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
      timeoutMs: config.PAYMENT_PROVIDER_TIMEOUT_MS,
    })
  if (config.PAYPAL_CLIENT_ID && config.PAYPAL_CLIENT_SECRET && config.PAYPAL_WEBHOOK_ID)
    providers.paypal = createPayPalProvider({
      clientId: config.PAYPAL_CLIENT_ID,
      clientSecret: config.PAYPAL_CLIENT_SECRET,
      webhookId: config.PAYPAL_WEBHOOK_ID,
      environment: config.PAYPAL_ENVIRONMENT,
      apiUrl: config.PAYPAL_API_URL,
      timeoutMs: config.PAYMENT_PROVIDER_TIMEOUT_MS,
    })
  return {
    sql,
    now: Date.now,
    logger,
    verifier: tokenVerifier(config, { redis, sessions }),
    eventsWritten,
    providers,
    offered: config.PAYMENT_PROVIDERS,
    publicKeys: {
      ...(config.STRIPE_PUBLISHABLE_KEY && { stripe: { publishableKey: config.STRIPE_PUBLISHABLE_KEY } }),
      ...(config.PAYPAL_CLIENT_ID && { paypal: { clientId: config.PAYPAL_CLIENT_ID } }),
    },
    publicUrl: config.PAYMENT_PUBLIC_URL.replace(/\/+$/, ''),
    returnUrl: config.PAYMENT_RETURN_URL,
    testProvider,
  }
}
