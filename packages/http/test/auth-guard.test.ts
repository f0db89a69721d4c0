import { beforeAll, describe, expect, test } from 'bun:test'
import { handOff } from '@myshop/auth'
import { createLogger } from '@myshop/logger'
import { testTokens } from '@myshop/testing'
import { authGuard, createHttpApp } from '../src/index.ts'

/** What the gateway in this process hands over with a request whose session it found active. */
const vouch = (request: Request, sessionId: string) =>
  handOff(request, { clientIp: '203.0.113.1', requestId: 'req_gateway_0001', traceparent: '', sessionId })

let token: string
let app: { handle(request: Request): Promise<Response> }
const active = new Set<string>()
const asked: string[] = []

beforeAll(async () => {
  const tokens = await testTokens()
  token = await tokens.sign({ sid: 'ses_guard', sub: 'usr_guard' })
  const verifier = tokens.verifier(async (sid) => {
    asked.push(sid)
    return active.has(sid)
  })
  app = createHttpApp({ service: 'test', logger: createLogger({ service: 'test', level: 'silent' }) })
    .use(authGuard(verifier))
    .get('/me', ({ principal }) => ({ userId: principal.userId }), { auth: true })
})

const me = () => new Request('http://service.test/me', { headers: { authorization: `Bearer ${token}` } })

describe('authGuard and the in-process gateway', () => {
  test('a request the gateway in this process vouched for is not looked up again', async () => {
    active.add('ses_guard')
    asked.length = 0
    const req = me()
    vouch(req, 'ses_guard')
    const res = await app.handle(req)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ userId: 'usr_guard' })
    expect(asked).toEqual([])
  })

  test('a request from a socket is looked up, and a revoked session is 401', async () => {
    active.delete('ses_guard')
    asked.length = 0
    const res = await app.handle(me())
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ code: 'invalid_token', detail: 'The session has ended' })
    expect(asked).toEqual(['ses_guard'])
  })

  test('a vouched-for request still needs a valid token', async () => {
    const req = new Request('http://service.test/me', { headers: { authorization: 'Bearer a.b.c' } })
    vouch(req, 'ses_guard')
    expect((await app.handle(req)).status).toBe(401)
  })
})
