import { redisPrefixOf, redisPrefixVar, vars, z } from '@myshop/config'

/** `product` → `PRODUCT`: the prefix of a service's own variables. */
export type VarPrefix<N extends string> = Uppercase<N>

const hostVar = () => z.string().default('127.0.0.1')
const commandTimeoutVar = () => vars.int(500, 10)
const serviceSecretVar = () => z.string().min(1).max(128).optional()

/** The variables every service reads, some of them named after the service (`PRODUCT_PORT`, `PRODUCT_DATABASE_URL`). */
export type ServiceVars<N extends string> = {
  [K in `${VarPrefix<N>}_PORT`]: ReturnType<typeof vars.port>
} & { [K in `${VarPrefix<N>}_HOST`]: ReturnType<typeof hostVar> } & {
  [K in `${VarPrefix<N>}_DATABASE_URL`]: ReturnType<typeof vars.optionalUrl>
} & {
  DATABASE_URL: ReturnType<typeof vars.optionalUrl>
  REDIS_URL: ReturnType<typeof vars.optionalUrl>
  REDIS_PREFIX: ReturnType<typeof redisPrefixVar>
  REDIS_COMMAND_TIMEOUT_MS: ReturnType<typeof commandTimeoutVar>
  MYSHOP_DATA_DIR: ReturnType<typeof hostVar>
  SERVICE_SECRET: ReturnType<typeof serviceSecretVar>
  LOG_LEVEL: ReturnType<typeof vars.logLevel>
  LOG_FORMAT: ReturnType<typeof vars.logFormat>
}

/**
 * A service's configuration schema: the variables every service shares, around the service's own (`own`), in the
 * order a report of problems lists them:
 *
 * - `<NAME>_PORT`, `<NAME>_HOST`: where it listens (port 0 picks a free one);
 * - `DATABASE_URL`, or `<NAME>_DATABASE_URL` for a database of its own; neither means embedded PostgreSQL in
 *   `MYSHOP_DATA_DIR`;
 * - `REDIS_URL`, `REDIS_PREFIX` (the shop's key namespace, derived from the database when unset) and
 *   `REDIS_COMMAND_TIMEOUT_MS` (how long a Redis command may take before the caller falls back: a cache miss, the
 *   database, a 503);
 * - `SERVICE_SECRET`: the service's own secret, which it exchanges at the user service for short-lived tokens to
 *   call other services with (derived from the shop's SERVICE_AUTH_SECRET; `myshop start` hands it over itself);
 * - the service's own variables;
 * - `LOG_LEVEL`, `LOG_FORMAT`.
 */
export const serviceVars = <N extends string, O extends z.ZodRawShape = Record<never, never>>(
  name: N,
  defaultPort: number,
  own: O = {} as O,
): ServiceVars<N> & O => {
  const prefix = name.toUpperCase()
  return {
    [`${prefix}_PORT`]: vars.port(defaultPort),
    [`${prefix}_HOST`]: hostVar(),
    DATABASE_URL: vars.optionalUrl(),
    [`${prefix}_DATABASE_URL`]: vars.optionalUrl(),
    REDIS_URL: vars.optionalUrl(),
    REDIS_PREFIX: redisPrefixVar(),
    REDIS_COMMAND_TIMEOUT_MS: commandTimeoutVar(),
    MYSHOP_DATA_DIR: z.string().default('./.myshop'),
    SERVICE_SECRET: serviceSecretVar(),
    ...own,
    LOG_LEVEL: vars.logLevel(),
    LOG_FORMAT: vars.logFormat(),
  } as ServiceVars<N> & O
}

/** What the kit reads from any service's configuration, whatever the service's name. */
export interface CommonConfig {
  DATABASE_URL?: string | undefined
  REDIS_URL?: string | undefined
  REDIS_PREFIX: string
  REDIS_COMMAND_TIMEOUT_MS: number
  MYSHOP_DATA_DIR: string
  SERVICE_SECRET?: string | undefined
  LOG_LEVEL: string
  LOG_FORMAT: 'auto' | 'json' | 'pretty'
}

/** Where a service listens and which database it uses, read from its configuration by its name. */
export const serviceEndpoint = (name: string, config: CommonConfig) => {
  const own = config as unknown as Record<string, unknown>
  const prefix = name.toUpperCase()
  return {
    hostname: own[`${prefix}_HOST`] as string,
    port: own[`${prefix}_PORT`] as number,
    databaseUrl: (own[`${prefix}_DATABASE_URL`] as string | undefined) ?? config.DATABASE_URL,
  }
}

/**
 * Completes a configuration read with `serviceVars`: REDIS_PREFIX, when unset, is derived from DATABASE_URL first
 * (the database the shop's services share, so all of them derive the same namespace), else the service's own
 * database, else the embedded data directory.
 */
export const withRedisPrefix = <
  C extends Omit<CommonConfig, 'REDIS_PREFIX'> & { REDIS_PREFIX?: string | undefined },
>(
  name: string,
  config: C,
): Omit<C, 'REDIS_PREFIX'> & { REDIS_PREFIX: string } => {
  const own = (config as unknown as Record<string, string | undefined>)[`${name.toUpperCase()}_DATABASE_URL`]
  const database = config.DATABASE_URL ?? own
  return { ...config, REDIS_PREFIX: redisPrefixOf(config.REDIS_PREFIX, database, config.MYSHOP_DATA_DIR) }
}

/**
 * The variables of a service that verifies access tokens itself: where the user service publishes its keys (or
 * JWKS_URL), and the issuer and audience the tokens must name. Spread into the service's own variables.
 */
export const tokenVars = () => ({
  /** Where the user service publishes its token keys. */
  USER_SERVICE_URL: vars.url().default('http://127.0.0.1:8081'),
  JWKS_URL: vars.optionalUrl(),
  JWT_ISSUER: z.string().default('myshop'),
  JWT_AUDIENCE: z.string().default('myshop-api'),
})

/** A configuration read with `tokenVars`. */
export interface TokenConfig {
  USER_SERVICE_URL: string
  JWKS_URL?: string | undefined
  JWT_ISSUER: string
  JWT_AUDIENCE: string
}
