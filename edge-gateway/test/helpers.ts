import { createVerifier, type Role, tokenAudience } from '@myshop/auth'
import type { RateLimitStore } from '@myshop/rate-limit'
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose'
import { createGateway, type GatewayDeps } from '../src/app.ts'
import { gatewayConfig } from '../src/config.ts'
import { type GatewayLogger, noopLogger, type Shared } from '../src/context.ts'
import { packageDocsAssets } from '../src/entry/package-assets.ts'
import { createRegistry, gatewayMetrics } from '../src/metrics.ts'

export const issuer = 'myshop'

/** A real ES256 key pair with its JWKS served over HTTP, like the user service publishes it. */
export const signingKeys = async (kid = 'test-key-1') => {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true })
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }
  let fetches = 0
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: () => {
      fetches++
      return Response.json({ keys: [jwk] })
    },
  })
  const sign = (
    claims: JWTPayload & { sid?: string; roles?: Role[] } = {},
    header: { kid?: string } = {},
  ) => {
    const now = Math.floor(Date.now() / 1000)
    return new SignJWT({ sid: 'ses_test', roles: ['customer'], ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: header.kid ?? kid, typ: 'JWT' })
      .setIssuer(claims.iss ?? issuer)
      .setAudience(claims.aud ?? tokenAudience)
      .setSubject(claims.sub ?? 'usr_test')
      .setIssuedAt(claims.iat ?? now)
      .setExpirationTime(claims.exp ?? now + 900)
      .sign(privateKey)
  }
  return {
    jwksUrl: `http://127.0.0.1:${server.port}/.well-known/jwks.json`,
    publicJwk: jwk,
    privateKey,
    sign,
    fetches: () => fetches,
    stop: () => server.stop(true),
  }
}

export interface Echo {
  method: string
  path: string
  search: string
  headers: Record<string, string>
  body: string
}

/** An upstream that answers with what it received; `x-test-delay` makes it slow, `/health`, `/ready` and `/openapi.json` exist. */
export const echoUpstream = (openapi?: object) => {
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    async fetch(req) {
      const url = new URL(req.url)
      if (url.pathname === '/health') return Response.json({ status: 'ok' })
      if (url.pathname === '/ready') return Response.json({ status: 'ready' })
      if (url.pathname === '/openapi.json')
        return openapi ? Response.json(openapi) : new Response('not here', { status: 404 })
      const delay = Number(req.headers.get('x-test-delay') ?? 0)
      if (delay) await Bun.sleep(delay)
      const echo: Echo = {
        method: req.method,
        path: url.pathname,
        search: url.search,
        headers: Object.fromEntries(req.headers),
        body: await req.text(),
      }
      return Response.json(echo, { headers: { 'x-upstream': 'echo', connection: 'keep-alive' } })
    },
  })
  return { url: `http://127.0.0.1:${server.port}`, stop: () => server.stop(true) }
}

export const testIp = '203.0.113.7'

/** A gateway wired like production but with test config, a test JWKS, and a fixed client IP. */
export const testGateway = (
  env: Record<string, string>,
  jwksUrl: string,
  extra: Partial<GatewayDeps> & { store?: RateLimitStore | null } = {},
) => {
  const config = gatewayConfig({ JWKS_URL: jwksUrl, ...env })
  const verifier = createVerifier({
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    jwksUrl: config.jwt.jwksUrl,
    clockToleranceSeconds: config.jwt.clockSkewSeconds,
    cacheSize: 1000,
  })
  return createGateway({
    config,
    store: null,
    verifier,
    getClientIp: () => testIp,
    docsAssets: packageDocsAssets,
    ...extra,
  })
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** What the gateway's middleware share, from test config: for trying one middleware on an app of its own. */
export const testShared = (env: Record<string, string> = {}, logger: GatewayLogger = noopLogger): Shared => ({
  config: gatewayConfig({ JWKS_URL: 'http://127.0.0.1:1/jwks', ...env }),
  logger,
  metrics: gatewayMetrics(createRegistry()),
  fetch: () => Promise.reject(new Error('no network in this test')),
  local: {},
  now: Date.now,
})
