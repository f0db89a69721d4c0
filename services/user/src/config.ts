import { ConfigError, type ConfigProblem, loadConfig, vars, z } from '@myshop/config'
import { serviceVars, withRedisPrefix } from '@myshop/service-kit/config'
import { bootstrapPasswordProblem } from './users/service.ts'

const shape = serviceVars('user', 8081, {
  JWT_ISSUER: z.string().default('myshop'),
  JWT_AUDIENCE: z.string().default('myshop-api'),
  ACCESS_TOKEN_TTL_SECONDS: vars.int(900, 60),
  REFRESH_TOKEN_TTL_SECONDS: vars.int(30 * 24 * 3600, 300),
  /** Two refreshes of one token within this window are a race, not a theft. */
  REFRESH_REUSE_GRACE_SECONDS: vars.int(10, 0),
  /** How long a rotated-out key keeps verifying; must exceed the access-token lifetime. */
  KEY_RETIRE_AFTER_SECONDS: vars.int(3600, 60),
  PASSWORD_HASH_CONCURRENCY: vars.int(4, 1),
  LOGIN_MAX_FAILURES_PER_CLIENT: vars.int(5, 1),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: vars.int(50, 1),
  LOGIN_LOCK_SECONDS: vars.int(900, 1),
  /**
   * Peers (the gateway across the network) whose `x-real-ip` is believed; every other caller is its socket address.
   * None by default; `myshop start` defaults it to loopback.
   */
  TRUSTED_PROXIES: vars.addressRanges([]),
  /** Encrypts the private signing keys stored in the database (AES-256-GCM); keep it out of the database's reach. */
  KEY_ENCRYPTION_SECRET: z.string().min(16).optional(),
  /**
   * The shop's secret from which each service's own is derived (see `myshop services secret`): services exchange
   * theirs for short-lived tokens at POST /api/v1/auth/service-token. Unset: service identities are off.
   */
  SERVICE_AUTH_SECRET: z.string().min(32).optional().describe('at least 32 characters'),
  /** How long a service's access token lasts. */
  SERVICE_TOKEN_TTL_SECONDS: vars.int(300, 30),
  MYSHOP_ADMIN_EMAIL: z.email().optional(),
  /** Judged by registration's strength rules, below (the length among them). */
  MYSHOP_ADMIN_PASSWORD: z.string().optional(),
})

export type UserConfig = ReturnType<typeof loadUserConfig>

/**
 * The boot administrator's pair: both or neither, and a password registration would accept. Read from the raw
 * environment so these problems are reported with the schema's own, not after them.
 */
const adminProblems = (env: Record<string, string | undefined>): ConfigProblem[] => {
  // Empty counts as unset, as in loadConfig.
  const email = env.MYSHOP_ADMIN_EMAIL || undefined
  const password = env.MYSHOP_ADMIN_PASSWORD || undefined
  if (Boolean(email) !== Boolean(password)) {
    const variable = email ? 'MYSHOP_ADMIN_PASSWORD' : 'MYSHOP_ADMIN_EMAIL'
    return [
      {
        variable,
        message: `${variable} is not set; set both MYSHOP_ADMIN_EMAIL and MYSHOP_ADMIN_PASSWORD to create or update the first administrator, or neither.`,
      },
    ]
  }
  const reason = email && password ? bootstrapPasswordProblem(email, password) : null
  return reason
    ? [
        {
          variable: 'MYSHOP_ADMIN_PASSWORD',
          message: `MYSHOP_ADMIN_PASSWORD is refused: ${reason}. Choose a stronger passphrase.`,
        },
      ]
    : []
}

/** Reads the user service's configuration once; every problem is reported together. */
export const loadUserConfig = (env: Record<string, string | undefined>) => {
  const admin = adminProblems(env)
  let config: ReturnType<typeof loadConfig<typeof shape>>
  try {
    config = loadConfig(shape, env)
  } catch (error) {
    if (error instanceof ConfigError && admin.length > 0) throw new ConfigError([...error.problems, ...admin])
    throw error
  }
  if (admin.length > 0) throw new ConfigError(admin)
  if (config.KEY_RETIRE_AFTER_SECONDS <= config.ACCESS_TOKEN_TTL_SECONDS) {
    config.KEY_RETIRE_AFTER_SECONDS = config.ACCESS_TOKEN_TTL_SECONDS * 2
  }
  return withRedisPrefix('user', config)
}
