import { afterAll, beforeAll, expect, test } from 'bun:test'
import { gatewayConfig } from '../src/config.ts'
import { type RunningGateway, startGateway } from '../src/entry/bun.ts'
import { bearer, type Echo, echoUpstream, signingKeys } from './helpers.ts'

let keys: Awaited<ReturnType<typeof signingKeys>>
let upstream: ReturnType<typeof echoUpstream>
let gateway: RunningGateway

beforeAll(async () => {
  keys = await signingKeys()
  upstream = echoUpstream()
  gateway = await startGateway(
    gatewayConfig({
      GATEWAY_PORT: '0',
      USER_SERVICE_URL: upstream.url,
      JWKS_URL: keys.jwksUrl,
      LOG_LEVEL: 'silent',
    }),
    { hostname: '127.0.0.1' },
  )
})
afterAll(async () => {
  await gateway.stop()
  keys.stop()
  upstream.stop()
})

test('the Bun entry serves over HTTP and forwards the socket address', async () => {
  const res = await fetch(`${gateway.url}/api/v1/users/me`, { headers: bearer(await keys.sign()) })
  expect(res.status).toBe(200)
  const echo = (await res.json()) as Echo
  expect(echo.path).toBe('/api/v1/users/me')
  expect(echo.headers['x-forwarded-for']).toBe('127.0.0.1')
})

test('the Bun entry rejects a bad token over HTTP', async () => {
  const res = await fetch(`${gateway.url}/api/v1/users/me`, { headers: bearer('a.b.c') })
  expect(res.status).toBe(401)
  expect(await res.json()).toMatchObject({ code: 'invalid_token' })
})
