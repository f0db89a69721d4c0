import { ConfigError, loadConfig, vars, z } from '@myshop/config'
import { serviceVars, tokenVars, withRedisPrefix } from '@myshop/service-kit/config'
import { providerNames } from './payments/provider.ts'

const optionalText = (what: string) => z.string().min(1).optional().describe(what)

const shape = serviceVars('payment', 8084, {
  ...tokenVars(),
  /**
   * The providers checkout offers, in the order a storefront lists them. Each needs its credentials below (the test
   * provider needs none). A shop taking real money leaves `test` out.
   */
  PAYMENT_PROVIDERS: vars
    .list(['test'])
    .pipe(z.array(z.enum(providerNames)).min(1))
    .describe(`a comma-separated list of ${providerNames.join(', ')}`),
  /** Where shoppers' browsers reach the gateway: providers send the shopper back to a page under it. */
  PAYMENT_PUBLIC_URL: z.url().default('http://127.0.0.1:8080'),
  /**
   * The storefront's page a shopper lands on after the provider sends them back, with `payment`, `reference` and
   * `status` added to its query. Unset, the payment service shows a page of its own.
   */
  PAYMENT_RETURN_URL: vars.optionalUrl(),
  /** How long a call to Stripe or PayPal may take before it counts as a timeout (then retried with the same key). */
  PAYMENT_PROVIDER_TIMEOUT_MS: vars.int(10_000, 100),
  /**
   * The secret the test provider signs its callbacks with. The default suits a shop on one machine; a deployment
   * reachable by others sets its own, or anyone could forge an approval.
   */
  TEST_PROVIDER_WEBHOOK_SECRET: z.string().min(16).default('myshop-test-provider-webhook-secret'),
  /** How old a signed callback may be before it is refused, in seconds. */
  TEST_PROVIDER_WEBHOOK_TOLERANCE_SECONDS: vars.int(300, 1),
  STRIPE_SECRET_KEY: optionalText('a Stripe secret key (sk_live_… or sk_test_…) or restricted key (rk_…)'),
  STRIPE_WEBHOOK_SECRET: optionalText("the signing secret of the shop's Stripe webhook endpoint (whsec_…)"),
  STRIPE_PUBLISHABLE_KEY: optionalText(
    'a Stripe publishable key (pk_…), handed to storefronts for Stripe.js',
  ),
  /** Another address for Stripe's API: a proxy, or a local server speaking its protocol. */
  STRIPE_API_URL: vars.optionalUrl(),
  /** How old a Stripe-Signature timestamp may be, in seconds. */
  STRIPE_WEBHOOK_TOLERANCE_SECONDS: vars.int(300, 1),
  PAYPAL_CLIENT_ID: optionalText("the REST app's client id"),
  PAYPAL_CLIENT_SECRET: optionalText("the REST app's client secret"),
  PAYPAL_WEBHOOK_ID: optionalText(
    "the id PayPal gave the shop's webhook, which its signature verification needs",
  ),
  PAYPAL_ENVIRONMENT: z.enum(['sandbox', 'live']).default('sandbox'),
  /** Another address for PayPal's API: a proxy, or a local server speaking its protocol. */
  PAYPAL_API_URL: vars.optionalUrl(),
})

/** The variables each provider cannot work without. */
const required = {
  test: [],
  stripe: ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'],
  paypal: ['PAYPAL_CLIENT_ID', 'PAYPAL_CLIENT_SECRET', 'PAYPAL_WEBHOOK_ID'],
} as const

export type PaymentConfig = ReturnType<typeof loadPaymentConfig>

/**
 * Reads the payment service's configuration once; every problem is reported together, including a provider
 * offered without its credentials.
 */
export const loadPaymentConfig = (env: Record<string, string | undefined>) => {
  const config = withRedisPrefix('payment', loadConfig(shape, env))
  const problems = config.PAYMENT_PROVIDERS.flatMap((provider) =>
    required[provider]
      .filter((variable) => !config[variable])
      .map((variable) => ({
        variable,
        message: `${variable} is not set, but PAYMENT_PROVIDERS offers ${provider}, which needs it`,
      })),
  )
  if (problems.length > 0) throw new ConfigError(problems)
  return config
}
