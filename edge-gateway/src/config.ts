import { createVerifier, type ServiceIdentity, serviceIdentities, tokenAudience } from '@myshop/auth'
import { loadConfig, redisPrefixOf, redisPrefixVar, vars, z } from '@myshop/config'

/** The services the gateway routes to (MyShop's one list of them); a service without a URL answers 503 on its routes. */
export const serviceNames = serviceIdentities
export type ServiceName = ServiceIdentity

const schema = {
  GATEWAY_PORT: vars.port(8080),
  /** Bun only: processes sharing the port via SO_REUSEPORT, one event loop each. */
  GATEWAY_WORKERS: vars.int(1, 1),
  USER_SERVICE_URL: vars.url().default('http://127.0.0.1:8081'),
  PRODUCT_SERVICE_URL: vars.optionalUrl(),
  ORDER_SERVICE_URL: vars.optionalUrl(),
  PAYMENT_SERVICE_URL: vars.optionalUrl(),
  INVENTORY_SERVICE_URL: vars.optionalUrl(),
  NOTIFICATION_SERVICE_URL: vars.optionalUrl(),
  ANALYTICS_SERVICE_URL: vars.optionalUrl(),
  JWT_ISSUER: z.string().min(1).default('myshop'),
  JWT_AUDIENCE: z.string().min(1).default(tokenAudience),
  JWKS_URL: vars.optionalUrl(),
  JWT_CLOCK_SKEW_SECONDS: vars.int(30),
  JWT_CACHE_SIZE: vars.int(10_000),
  REDIS_URL: vars.optionalUrl(),
  /** The namespace of this shop's Redis keys (its rate limits); derived like the services' when unset. */
  REDIS_PREFIX: redisPrefixVar(),
  /** Read only to derive the namespace the shop's services derive from it: the gateway opens no database. */
  DATABASE_URL: vars.optionalUrl(),
  MYSHOP_DATA_DIR: z.string().default('./.myshop'),
  RATE_LIMIT_WINDOW_MS: vars.int(60_000, 1),
  RATE_LIMIT_PER_IP: vars.int(300, 1),
  RATE_LIMIT_PER_USER: vars.int(600, 1),
  RATE_LIMIT_AUTH_PER_IP: vars.int(10, 1),
  /** Used for auth routes while Redis is unreachable: each gateway instance counts alone, so keep it low. */
  RATE_LIMIT_AUTH_FALLBACK_PER_IP: vars.int(3, 1),
  /** Checkouts per IP per window: enough for a household or an office behind one address, too few to test cards. */
  RATE_LIMIT_CHECKOUT_PER_IP: vars.int(30, 1),
  /** Used for checkout while Redis is unreachable: each gateway instance counts alone, so keep it low. */
  RATE_LIMIT_CHECKOUT_FALLBACK_PER_IP: vars.int(5, 1),
  RATE_LIMIT_TIMEOUT_MS: vars.int(50, 1),
  CORS_ORIGINS: vars.list([]),
  BODY_LIMIT_BYTES: vars.int(1024 * 1024, 1),
  /** Routes that take files (product images): the product service's largest image and the multipart framing. */
  UPLOAD_BODY_LIMIT_BYTES: vars.int(10 * 1024 * 1024 + 64 * 1024, 1),
  UPSTREAM_TIMEOUT_MS: vars.int(10_000, 1),
  TRUST_PROXY: vars.bool(false),
  LOG_LEVEL: vars.logLevel(),
  LOG_FORMAT: vars.logFormat(),
}

/** A rate limit: `limit` requests per `windowMs`. */
export interface Limit {
  limit: number
  windowMs: number
}

export interface GatewayConfig {
  port: number
  workers: number
  services: Partial<Record<ServiceName, string>>
  jwt: { issuer: string; audience: string; jwksUrl: string; clockSkewSeconds: number; cacheSize: number }
  redisUrl: string | undefined
  /** What the gateway's Redis keys start with, so two shops on one Redis count their clients apart. */
  redisPrefix: string
  rateLimit: {
    perIp: Limit
    perUser: Limit
    authPerIp: Limit
    authFallbackPerIp: Limit
    checkoutPerIp: Limit
    checkoutFallbackPerIp: Limit
    storeTimeoutMs: number
  }
  corsOrigins: string[]
  bodyLimitBytes: number
  uploadBodyLimitBytes: number
  upstreamTimeoutMs: number
  trustProxy: boolean
  logLevel: string
  logFormat: 'auto' | 'json' | 'pretty'
}

const trimSlash = (url: string) => url.replace(/\/+$/, '')

/** Reads and validates the gateway's configuration from an environment record, reporting every problem at once. */
export const gatewayConfig = (env: Record<string, string | undefined>): GatewayConfig => {
  const e = loadConfig(schema, env)
  const window = e.RATE_LIMIT_WINDOW_MS
  const services: Partial<Record<ServiceName, string>> = {}
  const urls: Record<ServiceName, string | undefined> = {
    user: e.USER_SERVICE_URL,
    product: e.PRODUCT_SERVICE_URL,
    order: e.ORDER_SERVICE_URL,
    payment: e.PAYMENT_SERVICE_URL,
    inventory: e.INVENTORY_SERVICE_URL,
    notification: e.NOTIFICATION_SERVICE_URL,
    analytics: e.ANALYTICS_SERVICE_URL,
  }
  for (const name of serviceNames) {
    const url = urls[name]
    if (url) services[name] = trimSlash(url)
  }
  return {
    port: e.GATEWAY_PORT,
    workers: e.GATEWAY_WORKERS,
    services,
    jwt: {
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      jwksUrl: e.JWKS_URL ?? `${trimSlash(e.USER_SERVICE_URL)}/.well-known/jwks.json`,
      clockSkewSeconds: e.JWT_CLOCK_SKEW_SECONDS,
      cacheSize: e.JWT_CACHE_SIZE,
    },
    redisUrl: e.REDIS_URL,
    redisPrefix: redisPrefixOf(e.REDIS_PREFIX, e.DATABASE_URL, e.MYSHOP_DATA_DIR),
    rateLimit: {
      perIp: { limit: e.RATE_LIMIT_PER_IP, windowMs: window },
      perUser: { limit: e.RATE_LIMIT_PER_USER, windowMs: window },
      authPerIp: { limit: e.RATE_LIMIT_AUTH_PER_IP, windowMs: window },
      authFallbackPerIp: { limit: e.RATE_LIMIT_AUTH_FALLBACK_PER_IP, windowMs: window },
      checkoutPerIp: { limit: e.RATE_LIMIT_CHECKOUT_PER_IP, windowMs: window },
      checkoutFallbackPerIp: { limit: e.RATE_LIMIT_CHECKOUT_FALLBACK_PER_IP, windowMs: window },
      storeTimeoutMs: e.RATE_LIMIT_TIMEOUT_MS,
    },
    corsOrigins: e.CORS_ORIGINS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    uploadBodyLimitBytes: e.UPLOAD_BODY_LIMIT_BYTES,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
  }
}

/** The token verifier the configuration asks for: the issuer's JWKS, the allowed skew, a verified-token cache. */
export const gatewayVerifier = (config: GatewayConfig) =>
  createVerifier({
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    jwksUrl: config.jwt.jwksUrl,
    clockToleranceSeconds: config.jwt.clockSkewSeconds,
    cacheSize: config.jwt.cacheSize,
  })
