import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { base64url, exportSPKI, generateKeyPair, importJWK, SignJWT } from 'jose'
import { type UserHarness, userHarness } from './harness.ts'

let h: UserHarness
let victim: { id: string; token: string; sessionId: string }

beforeAll(async () => {
  h = await userHarness()
  const { user, tokens } = await h.userWithRoles(['customer'])
  const payload = JSON.parse(atob(tokens.accessToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')))
  victim = { id: user.id, token: tokens.accessToken, sessionId: payload.sid }
}, 60_000)
afterAll(() => h.close())

const enc = (v: unknown) => base64url.encode(JSON.stringify(v))
const nowSec = () => Math.floor(Date.now() / 1000)

/** A token signed with the service's real key, with claims as given. */
const signed = async (claims: Record<string, unknown>, header: Record<string, unknown> = {}) => {
  const { kid, key } = await h.deps.keys.signingKey()
  return new SignJWT({ sid: victim.sessionId, roles: ['admin'], ...claims })
    .setProtectedHeader({ alg: 'ES256', kid, ...header })
    .sign(key)
}
const base = () => ({ iss: 'myshop', aud: 'myshop-api', sub: victim.id, iat: nowSec(), exp: nowSec() + 600 })

const expect401 = async (token: string) => {
  const res = await h.call('GET', '/api/v1/users', undefined, { authorization: `Bearer ${token}` })
  expect(res.status).toBe(401)
  expect(res.body.code).toMatch(/^(invalid_token|unauthenticated)$/)
}

describe('access-token attacks against the service directly', () => {
  test('no token', async () => {
    expect((await h.call('GET', '/api/v1/users/me')).status).toBe(401)
  })

  test('alg: none', async () => {
    await expect401(
      `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ ...base(), sid: victim.sessionId, roles: ['admin'] })}.`,
    )
  })

  test('HS256 signed with the public key as the HMAC secret', async () => {
    const jwk = (await h.call('GET', '/.well-known/jwks.json')).body.keys[0]
    const publicKey = await importJWK(jwk, 'ES256')
    const pem = await exportSPKI(publicKey as CryptoKey)
    const token = await new SignJWT({ ...base(), sid: victim.sessionId, roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: jwk.kid })
      .sign(new TextEncoder().encode(pem))
    await expect401(token)
  })

  test('a token signed by a key MyShop never issued, with an unknown kid', async () => {
    const { privateKey } = await generateKeyPair('ES256')
    const token = await new SignJWT({ ...base(), sid: victim.sessionId, roles: ['admin'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'attacker-key' })
      .sign(privateKey)
    await expect401(token)
  })

  test('a path-like kid', async () => {
    await expect401(await signed(base(), { kid: '../../etc/passwd' }))
  })

  test('a tampered payload (roles raised after signing)', async () => {
    const [header, , signature] = victim.token.split('.')
    const payload = JSON.parse(atob(victim.token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')))
    await expect401(`${header}.${enc({ ...payload, roles: ['admin'] })}.${signature}`)
  })

  test('expired beyond the allowed skew, while a token just inside the skew is accepted', async () => {
    await expect401(await signed({ ...base(), iat: nowSec() - 3600, exp: nowSec() - 120 }))
    const inside = await signed({ ...base(), roles: ['customer'], iat: nowSec() - 900, exp: nowSec() - 5 })
    expect(
      (await h.call('GET', '/api/v1/users/me', undefined, { authorization: `Bearer ${inside}` })).status,
    ).toBe(200)
  })

  test('nbf in the future', async () => {
    await expect401(await signed({ ...base(), nbf: nowSec() + 3600 }))
  })

  test('wrong audience and wrong issuer', async () => {
    await expect401(await signed({ ...base(), aud: 'another-api' }))
    await expect401(await signed({ ...base(), iss: 'https://evil.example' }))
  })

  test('a correctly signed token for a revoked session', async () => {
    const { tokens } = await h.userWithRoles(['admin'])
    expect(
      (await h.call('GET', '/api/v1/users', undefined, { authorization: `Bearer ${tokens.accessToken}` }))
        .status,
    ).toBe(200)
    await h.call('POST', '/api/v1/auth/logout', undefined, { authorization: `Bearer ${tokens.accessToken}` })
    await expect401(tokens.accessToken)
  })

  test('a token missing required claims (no exp, no sub)', async () => {
    const { kid, key } = await h.deps.keys.signingKey()
    const noExp = await new SignJWT({
      sid: victim.sessionId,
      roles: ['admin'],
      iss: 'myshop',
      aud: 'myshop-api',
      sub: victim.id,
      iat: nowSec(),
    })
      .setProtectedHeader({ alg: 'ES256', kid })
      .sign(key)
    await expect401(noExp)
    const { sub: _, ...rest } = base()
    await expect401(await signed(rest))
  })
})
