import { loadConfig, vars, z } from '@myshop/config'
import { serviceVars, tokenVars, withRedisPrefix } from '@myshop/service-kit/config'

const shape = serviceVars('order', 8083, {
  ...tokenVars(),
  /** Where the product service answers: carts take their prices and names from it. */
  PRODUCT_SERVICE_URL: vars.url().default('http://127.0.0.1:8082'),
  /** Where the inventory service answers: checkout reserves stock there. */
  INVENTORY_SERVICE_URL: vars.url().default('http://127.0.0.1:8085'),
  /** Where the payment service answers: checkout has payments authorized and captured there. */
  PAYMENT_SERVICE_URL: vars.url().default('http://127.0.0.1:8084'),
  /** How long a checkout waits for the customer to approve a payment (3-D Secure) before it is undone. */
  CHECKOUT_ACTION_TIMEOUT_SECONDS: vars.int(900, 1),
  /** How long one call to the inventory or payment service may take. */
  SERVICE_CALL_TIMEOUT_MS: vars.int(8_000, 100),
  /** How often the recovery loop looks for sagas left mid-way, due for a retry, or awaiting the customer. */
  SAGA_RECOVERY_INTERVAL_MS: vars.int(1_000, 10),
  /** How long a saga stays leased to the instance running it; another takes it over after that. */
  SAGA_LEASE_MS: vars.int(30_000, 100),
  /** Attempts of a step before the saga compensates (or, for a compensation, waits for an operator). */
  SAGA_MAX_ATTEMPTS: vars.int(6, 1),
  /** The wait before a step's second attempt; later ones wait four times longer each, up to a minute. */
  SAGA_RETRY_BASE_MS: vars.int(250, 1),
  /** For crash tests only: a saga point (e.g. `forward:authorize_payment:effect`) where the service stops forever. */
  SAGA_PAUSE_AT: z.string().min(1).optional(),
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
