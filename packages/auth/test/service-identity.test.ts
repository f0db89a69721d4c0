import { describe, expect, test } from 'bun:test'
import { exportJWK, generateKeyPair, type JSONWebKeySet, SignJWT } from 'jose'
import {
  createVerifier,
  serviceIdentities,
  servicePermissions,
  serviceSecret,
  serviceSubject,
  tokenAudience,
  verifyServiceSecret,
} from '../src/index.ts'

const { privateKey, publicKey } = await generateKeyPair('ES256')
const jwks: JSONWebKeySet = {
  keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }],
}

const sign = (claims: Record<string, unknown>, sub: string) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
    .setIssuer('myshop')
    .setAudience(tokenAudience)
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey)

const sessionsAsked: string[] = []
const verifier = createVerifier({
  issuer: 'myshop',
  audience: tokenAudience,
  jwks: () => jwks,
  isSessionActive: async (sid) => {
    sessionsAsked.push(sid)
    return false
  },
})

describe('service identities', () => {
  test('a service’s token is a service principal with its service’s permissions and no session to ask about', async () => {
    const result = await verifier.verify(await sign({ svc: 'order' }, serviceSubject('order')))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.principal).toMatchObject({
      kind: 'service',
      userId: 'svc_order',
      service: 'order',
      roles: [],
    })
    expect([...result.principal.permissions]).toEqual([...servicePermissions('order')])
    expect(result.principal.permissions.has('inventory:reserve')).toBe(true)
    expect(sessionsAsked).toEqual([])
  })

  test('a person’s token is a user principal, and its session is asked about', async () => {
    const result = await verifier.verify(await sign({ sid: 'ses_1', roles: ['admin'] }, 'usr_1'))
    expect(result).toEqual({ ok: false, reason: 'revoked' })
    expect(sessionsAsked).toEqual(['ses_1'])
  })

  test('a service name MyShop does not know, a subject that names another, or a session on it: claims refused', async () => {
    const forged = [
      await sign({ svc: 'billing' }, 'svc_billing'),
      await sign({ svc: 'order' }, 'svc_payment'),
      await sign({ svc: 'order' }, 'usr_1'),
      await sign({ svc: 'order', sid: 'ses_1' }, 'svc_order'),
      await sign({ svc: 42 }, 'svc_order'),
    ]
    for (const token of forged) expect(await verifier.verify(token)).toEqual({ ok: false, reason: 'claims' })
  })

  test('a service holds only what its part needs; no service holds a person’s permissions', () => {
    for (const service of serviceIdentities) {
      const granted = servicePermissions(service)
      for (const personal of ['profile:read', 'users:write', 'roles:write', 'keys:rotate'] as const)
        expect(granted.has(personal)).toBe(false)
    }
  })
})

describe('service secrets', () => {
  const shop = 'a shop secret of at least thirty-two characters'

  test('are derived per service, the same every time, and differ between services and shops', async () => {
    const order = await serviceSecret(shop, 'order')
    expect(order).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await serviceSecret(shop, 'order')).toBe(order)
    expect(await serviceSecret(shop, 'payment')).not.toBe(order)
    expect(await serviceSecret(`${shop}!`, 'order')).not.toBe(order)
  })

  test('verify only the service’s own secret', async () => {
    const order = await serviceSecret(shop, 'order')
    expect(await verifyServiceSecret(shop, 'order', order)).toBe(true)
    expect(await verifyServiceSecret(shop, 'payment', order)).toBe(false)
    expect(await verifyServiceSecret(shop, 'order', `${order.slice(0, -1)}A`)).toBe(order.endsWith('A'))
    expect(await verifyServiceSecret(shop, 'order', '')).toBe(false)
    expect(await verifyServiceSecret(shop, 'order', `${order}x`)).toBe(false)
  })
})
