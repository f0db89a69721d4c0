import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { attestedSession, type Handoff, handoffOf } from '@myshop/auth'
import type { LocalHandler } from '../src/app.ts'
import { bearer, signingKeys, testGateway, testIp } from './helpers.ts'

let keys: Awaited<ReturnType<typeof signingKeys>>
beforeAll(async () => {
  keys = await signingKeys()
})
afterAll(() => keys.stop())

interface Seen {
  url: string
  method: string
  headers: Record<string, string>
  body: string
  attested: string | undefined
  handoff: Handoff | undefined
}

/** A service handler in this process that records what reached it. */
const recorder = (answer?: (req: Request) => Response | Promise<Response>) => {
  const seen: Seen[] = []
  const handler: LocalHandler = async (req) => {
    seen.push({
      url: req.url,
      method: req.method,
      headers: Object.fromEntries(req.headers),
      body: await req.text(),
      attested: attestedSession(req),
      handoff: handoffOf(req),
    })
    return answer ? answer(req) : Response.json({ ok: true }, { headers: { 'x-service': 'user' } })
  }
  return { seen, handler }
}

/** The same gateway as production, with the user service in process and a session store the test controls. */
const gatewayWith = (
  handler: LocalHandler,
  session: (sid: string) => Promise<boolean> = async () => true,
  env: Record<string, string> = {},
) =>
  testGateway({ USER_SERVICE_URL: 'http://127.0.0.1:1', ...env }, keys.jwksUrl, {
    local: { user: handler },
    isSessionActive: session,
  })

describe('services in the gateway process', () => {
  test('get the request as it came, what forwarding headers would say handed over with it, and no network', async () => {
    const { seen, handler } = recorder()
    const app = gatewayWith(handler)
    const res = await app.fetch(
      new Request('http://gateway.test/api/v1/users/me?x=1', {
        headers: {
          ...bearer(await keys.sign()),
          'x-request-id': 'client-req-0001',
          // A caller's own claims about its address stay unheeded: the gateway does not trust proxies here.
          'x-forwarded-for': '203.0.113.9',
        },
      }),
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('x-service')).toBe('user')
    expect(res.headers.get('x-request-id')).toBe('client-req-0001')
    expect(res.headers.get('ratelimit-limit')).not.toBeNull()
    expect(seen).toHaveLength(1)
    const [s] = seen
    expect(new URL(s!.url).pathname + new URL(s!.url).search).toBe('/api/v1/users/me?x=1')
    expect(s!.handoff).toEqual({
      clientIp: testIp,
      requestId: 'client-req-0001',
      traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/),
      sessionId: s!.attested,
    })
    expect(s!.attested).toBeString()
    expect(s!.headers.authorization).toStartWith('Bearer ')
    // The service's kit reads the handed-over facts before any header (packages/http/test/handoff.test.ts).
    expect(s!.headers['x-forwarded-for']).toBe('203.0.113.9')

    // A request id the gateway refuses is replaced, and the replacement is what the service is handed.
    const { seen: seen2, handler: handler2 } = recorder()
    const res2 = await gatewayWith(handler2).fetch(
      new Request('http://gateway.test/api/v1/users/me', {
        headers: { ...bearer(await keys.sign()), 'x-request-id': 'bad id!' },
      }),
    )
    expect(seen2[0]!.handoff!.requestId).toBe(res2.headers.get('x-request-id')!)
    expect(seen2[0]!.handoff!.requestId).not.toBe('bad id!')
  })

  test('a short Host still gives the service an origin its router can skip (11 characters or more)', async () => {
    const { seen, handler } = recorder()
    const app = gatewayWith(handler)
    const res = await app.fetch(
      new Request('http://a/api/v1/users/me?x=1', { headers: bearer(await keys.sign()) }),
    )
    expect(res.status).toBe(200)
    const url = seen[0]!.url
    expect(url.slice(url.indexOf('/', 11))).toBe('/api/v1/users/me?x=1')
  })

  test('bodies pass through, and the body limit answers 413 before the service is called', async () => {
    const { seen, handler } = recorder()
    const app = gatewayWith(handler, async () => true, { BODY_LIMIT_BYTES: '64' })
    const ok = await app.fetch(
      new Request('http://gateway.test/api/v1/auth/register', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'a@example.com' }),
      }),
    )
    expect(ok.status).toBe(200)
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"email":"a@example.com"}' })
    const big = await app.fetch(
      new Request('http://gateway.test/api/v1/auth/register', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'x'.repeat(100) }),
      }),
    )
    expect(big.status).toBe(413)
    expect(await big.json()).toMatchObject({ code: 'payload_too_large' })
    expect(seen).toHaveLength(1)
  })

  test('a service slower than the upstream timeout is 504; one that throws is 502', async () => {
    const slow = gatewayWith(
      recorder(() => Bun.sleep(500).then(() => new Response('late'))).handler,
      async () => true,
      {
        UPSTREAM_TIMEOUT_MS: '50',
      },
    )
    const res = await slow.fetch(
      new Request('http://gateway.test/api/v1/users/me', { headers: bearer(await keys.sign()) }),
    )
    expect(res.status).toBe(504)
    expect(await res.json()).toMatchObject({ code: 'gateway_timeout' })

    const broken = gatewayWith(
      recorder(() => {
        throw new Error('boom')
      }).handler,
    )
    const res2 = await broken.fetch(
      new Request('http://gateway.test/api/v1/users/me', { headers: bearer(await keys.sign()) }),
    )
    expect(res2.status).toBe(502)
    expect(await res2.json()).toMatchObject({ code: 'bad_gateway' })
  })

  test('the gateway vouches for a session only when the store itself said it is active', async () => {
    const token = await keys.sign({ sid: 'ses_live' })
    const get = (app: ReturnType<typeof gatewayWith>, headers: HeadersInit = bearer(token)) =>
      app.fetch(new Request('http://gateway.test/api/v1/users/me', { headers }))

    const live = recorder()
    expect((await get(gatewayWith(live.handler, async () => true))).status).toBe(200)
    expect(live.seen[0]!.attested).toBe('ses_live')

    // Store down: the request goes on (the service checks the session itself), unvouched.
    const down = recorder()
    const failing = gatewayWith(down.handler, async () => {
      throw new Error('redis down')
    })
    expect((await get(failing)).status).toBe(200)
    expect(down.seen[0]!.attested).toBeUndefined()

    const ended = recorder()
    const res = await get(gatewayWith(ended.handler, async () => false))
    expect(res.status).toBe(401)
    expect(ended.seen).toHaveLength(0)

    // Public route, no token: nothing to vouch for.
    const anonymous = recorder()
    const pub = await gatewayWith(anonymous.handler).fetch(
      new Request('http://gateway.test/api/v1/auth/login', { method: 'POST', body: '{}' }),
    )
    expect(pub.status).toBe(200)
    expect(anonymous.seen[0]!.attested).toBeUndefined()
  })
})
