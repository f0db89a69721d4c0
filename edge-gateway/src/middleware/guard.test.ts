import { describe, expect, test } from 'bun:test'
import type { Principal, Verifier, VerifyResult } from '@myshop/auth'
import { Hono } from 'hono'
import { testShared } from '../../test/helpers.ts'
import type { GatewayEnv } from '../context.ts'
import { createLimiter } from '../limiter.ts'
import type { Route } from '../routes.ts'
import { guard } from './guard.ts'
import { requestContext } from './request-context.ts'

const customer: Principal = {
  kind: 'user',
  userId: 'usr_1',
  sessionId: 'ses_1',
  roles: ['customer'],
  permissions: new Set(),
  exp: Math.floor(Date.now() / 1000) + 900,
}
const orderService: Principal = {
  kind: 'service',
  userId: 'svc_order',
  sessionId: '',
  roles: [],
  permissions: new Set(['inventory:reserve']),
  exp: Math.floor(Date.now() / 1000) + 300,
  service: 'order',
}
const good = 'good.token.here'
const serviceToken = 'service.token.here'
/** Accepts the token `good` as the customer above and `serviceToken` as the order service, rejects every other one. */
const verifier: Verifier = {
  verify: async (token): Promise<VerifyResult> =>
    token === good
      ? { ok: true, principal: customer }
      : token === serviceToken
        ? { ok: true, principal: orderService }
        : { ok: false, reason: 'invalid' },
  forget: () => {},
}

const appFor = (route: Omit<Route, 'method' | 'service' | 'limit'>, env: Record<string, string> = {}) => {
  const shared = testShared(env)
  const app = new Hono<GatewayEnv>()
  app.use(
    '*',
    requestContext(shared, () => '192.0.2.1'),
  )
  app.get(
    route.path,
    guard(
      { method: 'GET', service: 'user', limit: 'default', ...route },
      {
        shared,
        limiter: createLimiter(shared, null),
        verifier,
        isSessionActive: undefined,
        sessionKey: undefined,
      },
    ),
    (c) => c.json({ user: c.get('state').principal?.userId ?? null, label: c.get('state').routeLabel }),
  )
  return app
}
const authed = { headers: { authorization: `Bearer ${good}` } }

describe('guard', () => {
  test('lets a verified caller through with its principal, and puts the limits on the answer', async () => {
    const res = await appFor({ path: '/me', label: '/me', policy: 'authenticated' }).request('/me', authed)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ user: 'usr_1', label: '/me' })
    expect(res.headers.get('ratelimit-limit')).toBeTruthy()
  })

  test('answers 401 with a challenge, without reaching the route, for a missing or rejected token', async () => {
    const app = appFor({ path: '/me', label: '/me', policy: 'authenticated' })
    const missing = await app.request('/me')
    expect(missing.status).toBe(401)
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="myshop"')
    expect(await missing.json()).toMatchObject({ code: 'unauthenticated' })
    const rejected = await app.request('/me', { headers: { authorization: 'Bearer forged.token.here' } })
    expect(rejected.status).toBe(401)
    expect(rejected.headers.get('www-authenticate')).toContain('error="invalid_token"')
    expect(await rejected.json()).toMatchObject({ code: 'invalid_token' })
  })

  test('refuses a service’s token with 401: services call each other directly, never through the edge', async () => {
    const app = appFor({ path: '/reserve', label: '/reserve', policy: { permission: 'inventory:reserve' } })
    const res = await app.request('/reserve', { headers: { authorization: `Bearer ${serviceToken}` } })
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ code: 'invalid_token' })
  })

  test('answers 403 to a caller without the permission', async () => {
    const app = appFor({ path: '/users', label: '/users', policy: { permission: 'users:read' } })
    const res = await app.request('/users', authed)
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ code: 'forbidden' })
  })

  test('answers 429 with Retry-After once the per-IP limit is used up, even to anonymous callers', async () => {
    const app = appFor({ path: '/open', label: '/open', policy: 'public' }, { RATE_LIMIT_PER_IP: '2' })
    expect((await app.request('/open')).status).toBe(200)
    expect((await app.request('/open')).status).toBe(200)
    const limited = await app.request('/open')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await limited.json()).toMatchObject({ code: 'rate_limited' })
  })
})
