// The gateway on Cloudflare Workers. No TCP sockets here, so the shared limiter goes over
// Upstash's HTTP API when configured, else it stays in the isolate's memory.
import { createVerifier } from '@myshop/auth'
import { memoryStore, type RateLimitStore, upstashStore } from '@myshop/rate-limit'
import { Redis } from '@upstash/redis/cloudflare'
import { createGateway, type Gateway } from '../app.ts'
import { gatewayConfig } from '../config.ts'
import { consoleLogger } from '../context.ts'
import { bundledDocsAssets } from './bundled-assets.ts'

type Bindings = Record<string, unknown>

const stringsOf = (env: Bindings) => {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(env)) if (typeof v === 'string') out[k] = v
  return out
}

// Workers hand bindings to each request, not to module scope, so the app is built on the first
// request and kept for the isolate's life (its JWKS and verified-token caches with it).
let built: { env: Bindings; app: Gateway } | undefined

const build = (env: Bindings): Gateway => {
  const vars = stringsOf(env)
  const config = gatewayConfig(vars)
  let store: RateLimitStore = memoryStore()
  if (vars.UPSTASH_REDIS_REST_URL && vars.UPSTASH_REDIS_REST_TOKEN) {
    const redis = new Redis({ url: vars.UPSTASH_REDIS_REST_URL, token: vars.UPSTASH_REDIS_REST_TOKEN })
    store = upstashStore(redis, { timeoutMs: Math.max(config.rateLimit.storeTimeoutMs, 200) })
  }
  return createGateway({
    config,
    store,
    verifier: createVerifier({
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      jwksUrl: config.jwt.jwksUrl,
      clockToleranceSeconds: config.jwt.clockSkewSeconds,
      cacheSize: config.jwt.cacheSize,
    }),
    logger: consoleLogger('edge-gateway', config.logLevel),
    // Cloudflare sets this from the TCP connection; clients cannot forge it through the edge.
    getClientIp: (c) => c.req.header('cf-connecting-ip'),
    docsAssets: bundledDocsAssets,
  })
}

export default {
  fetch(request: Request, env: Bindings, ctx: unknown): Response | Promise<Response> {
    if (!built || built.env !== env) built = { env, app: build(env) }
    return built.app.fetch(request, env, ctx as never)
  },
}
