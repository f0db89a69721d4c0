import { loadConfig, vars } from '@myshop/config'
import { serviceVars, tokenVars, withRedisPrefix } from '@myshop/service-kit/config'

const shape = serviceVars('order', 8083, {
  ...tokenVars(),
  /** Where the product service answers: carts take their prices and names from it. */
  PRODUCT_SERVICE_URL: vars.url().default('http://127.0.0.1:8082'),
  /** Where the inventory service answers: checkout reserves stock there. */
  INVENTORY_SERVICE_URL: vars.url().default('http://127.0.0.1:8085'),
  /** Where the payment service answers: checkout has payments authorized and captured there. */
  PAYMENT_SERVICE_URL: vars.url().default('http://127.0.0.1:8084'),
})

export type OrderConfig = ReturnType<typeof loadOrderConfig>

/** Reads the order service's configuration once; every problem is reported together. */
export const loadOrderConfig = (env: Record<string, string | undefined>) =>
  withRedisPrefix('order', loadConfig(shape, env))
