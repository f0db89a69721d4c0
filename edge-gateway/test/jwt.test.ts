import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createVerifier } from '@myshop/auth'
import { base64url, SignJWT } from 'jose'
import { createGateway } from '../src/app.ts'
import { gatewayConfig } from '../src/config.ts'
import { bearer, type Echo, echoUpstream, signingKeys, testGateway } from './helpers.ts'

let keys: Awaited<ReturnType<typeof signingKeys>>
let otherKeys: Awaited<ReturnType<typeof signingKeys>>
let upstream: ReturnType<typeof echoUpstream>
let app: ReturnType<typeof testGateway>

beforeAll(async () => {
  keys = await signingKeys('key-live')
  otherKeys = await signingKeys('key-rogue')
  upstream = echoUpstream()
  app = testGateway({ USER_SERVICE_URL: upstream.url }, keys.jwksUrl)
})
afterAll(() => {
  keys.stop()
  otherKeys.stop()
  upstream.stop()
})

const me = (token: string) =>
  app.fetch(new Request('http://gateway.test/api/v1/users/me', { headers: bearer(token) }))
const now = () => Math.floor(Date.now() / 1000)
const enc = (v: object) => base64url.encode(JSON.stringify(v))

const expectRejected = async (res: Response, code = 'invalid_token') => {
  expect(res.status).toBe(401)
  expect(res.headers.get('www-authenticate')).toStartWith('Bearer')
  expect(await res.json()).toMatchObject({ status: 401, code })
}

describe('JWT verification at the edge', () => {
  test('accepts a valid ES256 token and forwards it', async () => {
    const token = await keys.sign()
    const res = await me(token)
    expect(res.status).toBe(200)
    expect(((await res.json()) as Echo).headers.authorization).toBe(`Bearer ${token}`)
  })

  test('rejects a request without a token', async () => {
    await expectRejected(
      await app.fetch(new Request('http://gateway.test/api/v1/users/me')),
      'unauthenticated',
    )
  })

  test('rejects a non-Bearer Authorization header', async () => {
    const res = await app.fetch(
      new Request('http://gateway.test/api/v1/users/me', {
        headers: { authorization: 'Basic dXNlcjpwYXNz' },
      }),
    )
    await expectRejected(res)
  })

  test('rejects alg none', async () => {
    const token = `${enc({ alg: 'none', kid: 'key-live' })}.${enc({ sub: 'usr_x', sid: 's', roles: ['admin'], exp: now() + 60, iat: now(), iss: 'myshop', aud: 'myshop-api' })}.`
    await expectRejected(await me(token))
  })

  test('rejects HS256 signed with the public key bytes (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(keys.publicJwk))
    const token = await new SignJWT({ sid: 's', roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: 'key-live' })
      .setIssuer('myshop')
      .setAudience('myshop-api')
      .setSubject('usr_x')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(secret)
    await expectRejected(await me(token))
  })

  test('rejects a token signed by a key the issuer does not publish (unknown kid)', async () => {
    await expectRejected(await me(await otherKeys.sign()))
  })

  test('rejects a path-like kid without fetching anything', async () => {
    const before = keys.fetches()
    await expectRejected(await me(await keys.sign({}, { kid: '../../etc/passwd' })))
    expect(keys.fetches()).toBe(before)
  })

  test('rejects a tampered payload', async () => {
    const [h, , s] = (await keys.sign({ roles: ['customer'] })).split('.')
    const forged = enc({
      sub: 'usr_test',
      sid: 'ses_test',
      roles: ['admin'],
      iss: 'myshop',
      aud: 'myshop-api',
      iat: now(),
      exp: now() + 900,
    })
    await expectRejected(await me(`${h}.${forged}.${s}`))
  })

  test('rejects a token expired beyond the skew, accepts one expired within it', async () => {
    await expectRejected(await me(await keys.sign({ exp: now() - 60, iat: now() - 1000 })))
    const res = await me(await keys.sign({ exp: now() - 10, iat: now() - 1000 }))
    expect(res.status).toBe(200)
    expect(((await res.json()) as Echo).path).toBe('/api/v1/users/me')
  })

  test('rejects a token whose nbf is in the future', async () => {
    await expectRejected(await me(await keys.sign({ nbf: now() + 300 })))
  })

  test('rejects the wrong audience', async () => {
    await expectRejected(await me(await keys.sign({ aud: 'myshop-admin' })))
  })

  test('rejects the wrong issuer', async () => {
    await expectRejected(await me(await keys.sign({ iss: 'someone-else' })))
  })

  test('rejects a token whose session was revoked', async () => {
    const revoked = new Set(['ses_revoked'])
    const config = gatewayConfig({ USER_SERVICE_URL: upstream.url, JWKS_URL: keys.jwksUrl })
    const gateway = createGateway({
      config,
      store: null,
      verifier: createVerifier({
        issuer: 'myshop',
        audience: 'myshop-api',
        jwksUrl: keys.jwksUrl,
        cacheSize: 100,
      }),
      isSessionActive: async (sid) => !revoked.has(sid),
    })
    const live = await gateway.fetch(
      new Request('http://gateway.test/api/v1/users/me', {
        headers: bearer(await keys.sign({ sid: 'ses_live' })),
      }),
    )
    expect(live.status).toBe(200)
    expect(((await live.json()) as Echo).path).toBe('/api/v1/users/me')
    const token = await keys.sign({ sid: 'ses_revoked' })
    await expectRejected(
      await gateway.fetch(new Request('http://gateway.test/api/v1/users/me', { headers: bearer(token) })),
    )
  })
})
