import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { serviceSecret } from '@myshop/auth'
import { serviceTokens } from '@myshop/service-kit'
import { type UserHarness, userHarness } from './harness.ts'

const shopSecret = 'the shop secret every service secret comes from'
let h: UserHarness
let off: UserHarness
beforeAll(async () => {
  h = await userHarness({ env: { SERVICE_AUTH_SECRET: shopSecret } })
  off = await userHarness()
})
afterAll(async () => {
  await h.close()
  await off.close()
})

const issue = (harness: UserHarness, body: unknown) =>
  harness.call('POST', '/api/v1/auth/service-token', body)

describe('POST /api/v1/auth/service-token', () => {
  test('gives a service with its own secret a short-lived token that verifies as that service, not as a person', async () => {
    const res = await issue(h, { service: 'order', secret: await serviceSecret(shopSecret, 'order') })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 300 })
    const verified = await h.deps.verifier.verify(res.body.accessToken)
    expect(verified.ok).toBe(true)
    if (!verified.ok) return
    expect(verified.principal).toMatchObject({ kind: 'service', service: 'order', userId: 'svc_order' })
    expect(verified.principal.permissions.has('inventory:reserve')).toBe(true)
  })

  test('a wrong secret, or another service’s, is 401 and signs nothing', async () => {
    for (const secret of [
      'guess',
      await serviceSecret(shopSecret, 'payment'),
      await serviceSecret('another shop', 'order'),
    ]) {
      const res = await issue(h, { service: 'order', secret })
      expect(res.status).toBe(401)
      expect(res.body).toMatchObject({ code: 'invalid_credentials' })
      expect(JSON.stringify(res.body)).not.toContain('accessToken')
    }
  })

  test('an unknown service, a missing secret or other fields out of shape are 422', async () => {
    for (const body of [
      { service: 'billing', secret: 'x' },
      { service: 'order' },
      { service: 'order', secret: '' },
      { service: 'order', secret: 'x'.repeat(129) },
      { service: ['order'], secret: 'x' },
    ]) {
      const res = await issue(h, body)
      expect(res.status).toBe(422)
      expect(res.body).toMatchObject({ code: 'validation_failed' })
    }
  })

  test('without SERVICE_AUTH_SECRET service identities are off: 503, whatever is sent', async () => {
    const res = await issue(off, { service: 'order', secret: await serviceSecret(shopSecret, 'order') })
    expect(res.status).toBe(503)
    expect(res.body.detail).toContain('SERVICE_AUTH_SECRET')
  })

  test('a service’s token does not act for a person: /users/me and permission routes it lacks refuse it', async () => {
    const { accessToken } = (
      await issue(h, { service: 'order', secret: await serviceSecret(shopSecret, 'order') })
    ).body
    const me = await h.call('GET', '/api/v1/users/me', undefined, h.bearer(accessToken))
    expect(me.status).toBe(403)
    const users = await h.call('GET', '/api/v1/users', undefined, h.bearer(accessToken))
    expect(users.status).toBe(403)
    const logout = await h.call('POST', '/api/v1/auth/logout', {}, h.bearer(accessToken))
    expect(logout.status).toBe(403)
  })

  test('serviceTokens keeps a token until shortly before it expires, and callers at once share one request', async () => {
    let requests = 0
    let clock = Date.now()
    const tokens = serviceTokens({
      userServiceUrl: 'http://user.internal',
      service: 'order',
      secret: await serviceSecret(shopSecret, 'order'),
      now: () => clock,
      fetch: (async (input: Request | string | URL, init?: RequestInit) => {
        requests++
        return h.app.handle(new Request(input, init))
      }) as typeof fetch,
    })
    const [a, b, c] = await Promise.all([tokens.token(), tokens.token(), tokens.authorization()])
    expect(requests).toBe(1)
    expect(b).toBe(a)
    expect(c).toBe(`Bearer ${a}`)
    clock += 200_000
    expect(await tokens.token()).toBe(a)
    expect(requests).toBe(1)
    // With a fifth of its 300 s left it is renewed.
    clock += 50_000
    await tokens.token()
    expect(requests).toBe(2)
    tokens.forget()
    await tokens.token()
    expect(requests).toBe(3)
  })

  test('serviceTokens says the user service is unavailable when it refuses or cannot be reached', async () => {
    const refused = serviceTokens({
      userServiceUrl: 'http://user.internal',
      service: 'order',
      secret: 'wrong',
      fetch: ((input: Request | string | URL, init?: RequestInit) =>
        h.app.handle(new Request(input, init))) as typeof fetch,
    })
    await expect(refused.token()).rejects.toMatchObject({ code: 'unavailable' })
    const unreachable = serviceTokens({ userServiceUrl: 'http://127.0.0.1:1', service: 'order', secret: 'x' })
    await expect(unreachable.token()).rejects.toMatchObject({ code: 'unavailable' })
  })
})
