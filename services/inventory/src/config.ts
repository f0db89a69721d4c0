import { loadConfig, vars } from '@myshop/config'
import { serviceVars, tokenVars, withRedisPrefix } from '@myshop/service-kit/config'

const shape = serviceVars('inventory', 8085, {
  ...tokenVars(),
  /** How long a reservation holds its stock when the request names no `ttlSeconds`. */
  RESERVATION_TTL_SECONDS: vars.int(900, 1),
  /** How often expired reservations are looked for and released. */
  RESERVATION_SWEEP_INTERVAL_MS: vars.int(5_000, 10),
})

export type InventoryConfig = ReturnType<typeof loadInventoryConfig>

/** Reads the inventory service's configuration once; every problem is reported together. */
export const loadInventoryConfig = (env: Record<string, string | undefined>) =>
  withRedisPrefix('inventory', loadConfig(shape, env))
