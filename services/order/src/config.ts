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
  /** The most units of one SKU a cart line holds. */
  CART_MAX_QUANTITY: vars.int(99, 1),
  /** The most lines a cart holds. */
  CART_MAX_LINES: vars.int(50, 1),
  /** How long a cart nobody changes is kept. */
  CART_TTL_DAYS: vars.int(30, 1),
  /** How long carts wait for the product service's prices before answering 503. */
  PRODUCT_LOOKUP_TIMEOUT_MS: vars.int(3_000, 100),
})

export type OrderConfig = ReturnType<typeof loadOrderConfig>

/** Reads the order service's configuration once; every problem is reported together. */
export const loadOrderConfig = (env: Record<string, string | undefined>) =>
  withRedisPrefix('order', loadConfig(shape, env))
