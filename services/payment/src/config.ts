import { loadConfig, vars, z } from '@myshop/config'
import { serviceVars, tokenVars, withRedisPrefix } from '@myshop/service-kit/config'

const shape = serviceVars('payment', 8084, {
  ...tokenVars(),
  /**
   * The secret the test provider signs its callbacks with. The default suits a shop on one machine; a deployment
   * reachable by others sets its own, or anyone could forge an approval.
   */
  TEST_PROVIDER_WEBHOOK_SECRET: z.string().min(16).default('myshop-test-provider-webhook-secret'),
  /** How old a signed callback may be before it is refused, in seconds. */
  TEST_PROVIDER_WEBHOOK_TOLERANCE_SECONDS: vars.int(300, 1),
})

export type PaymentConfig = ReturnType<typeof loadPaymentConfig>

/** Reads the payment service's configuration once; every problem is reported together. */
export const loadPaymentConfig = (env: Record<string, string | undefined>) =>
  withRedisPrefix('payment', loadConfig(shape, env))
