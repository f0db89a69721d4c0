import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { bearer, type Echo, echoUpstream, signingKeys, testGateway, testIp } from './helpers.ts'

let keys: Awaited<ReturnType<typeof signingKeys>>
let upstream: ReturnType<typeof echoUpstream>
let app: ReturnType<typeof testGateway>

const openapi = {
  openapi: '3.1.0',
  info: { title: 'user', version: '1' },
  tags: [{ name: 'auth' }],
  paths: {
    '/api/v1/users/me': {
      get: {
        operationId: 'getMe',
        tags: ['users'],
        responses: {
          200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } },
        },
      },
    },
  },
  components: { schemas: { User: { type: 'object' } } },
}
// A prefix's own route, as a service documents it: with a trailing slash the gateway's routes do not have.
Object.assign(openapi.paths, {
  '/api/v1/users/': { get: { operationId: 'listUsers', tags: ['users'], responses: { 200: {} } } },
  // Documented by the service but not routed by the gateway: unreachable for clients.
  '/internal/sync': { post: { operationId: 'sync', responses: { 204: { description: 'done' } } } },
})
Object.assign(openapi.components.schemas, { Problem: { type: 'object' } })

beforeAll(async () => {
  keys = await signingKeys()
  upstream = echoUpstream(openapi)
  app = testGateway({ USER_SERVICE_URL: upstream.url, CORS_ORIGINS: 'https://shop.example' }, keys.jwksUrl)
})
afterAll(() => {
  keys.stop()
  upstream.stop()
})

const call = (path: string, init: RequestInit = {}) =>
  app.fetch(new Request(`http://gateway.test${path}`, init))

describe('proxying', () => {
  test('forwards method, path, query, body and auth, and propagates request id and trace', async () => {
    const token = await keys.sign()
    const res = await call('/api/v1/users/me?fields=name', {
      method: 'PATCH',
      headers: {
        ...bearer(token),
        'content-type': 'application/json',
        'x-request-id': 'client-request-0001',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        connection: 'x-secret-hop',
        'x-secret-hop': 'drop me',
      },
      body: JSON.stringify({ name: 'Ada' }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-request-id')).toBe('client-request-0001')
    expect(res.headers.get('x-upstream')).toBe('echo')
    const echo = (await res.json()) as Echo
    expect(echo).toMatchObject({ method: 'PATCH', path: '/api/v1/users/me', search: '?fields=name' })
    expect(JSON.parse(echo.body)).toEqual({ name: 'Ada' })
    expect(echo.headers.authorization).toBe(`Bearer ${token}`)
    expect(echo.headers['x-request-id']).toBe('client-request-0001')
    expect(echo.headers['x-secret-hop']).toBeUndefined()
    expect(echo.headers['x-forwarded-for']).toBe(testIp)
    expect(echo.headers['x-real-ip']).toBe(testIp)
    expect(echo.headers['x-forwarded-proto']).toBe('http')
    expect(echo.headers['x-forwarded-host']).toBe('gateway.test')
    const [version, traceId, span, flags] = echo.headers.traceparent!.split('-')
    expect([version, traceId, flags]).toEqual(['00', '4bf92f3577b34da6a3ce929d0e0e4736', '01'])
    expect(span).toMatch(/^[0-9a-f]{16}$/)
    expect(span).not.toBe('00f067aa0ba902b7')
  })

  test('generates a request id and a new trace when absent or malformed', async () => {
    const res = await call('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'x-request-id': 'bad id with spaces', traceparent: 'ff-zz' },
      body: '{}',
    })
    expect(res.status).toBe(200)
    const id = res.headers.get('x-request-id')!
    expect(id).toMatch(/^req_[0-9A-Z]{26}$/)
    const echo = (await res.json()) as Echo
    expect(echo.headers['x-request-id']).toBe(id)
    expect(echo.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/)
  })

  test('the image upload route takes bodies up to UPLOAD_BODY_LIMIT_BYTES; every other route stops at BODY_LIMIT_BYTES', async () => {
    const limits = testGateway(
      {
        USER_SERVICE_URL: upstream.url,
        PRODUCT_SERVICE_URL: upstream.url,
        BODY_LIMIT_BYTES: '100',
        UPLOAD_BODY_LIMIT_BYTES: '1000',
      },
      keys.jwksUrl,
    )
    const manager = bearer(await keys.sign({ roles: ['catalog_manager'] }))
    const post = (path: string, size: number, headers: Record<string, string> = manager) =>
      limits.fetch(
        new Request(`http://gateway.test${path}`, { method: 'POST', headers, body: 'x'.repeat(size) }),
      )
    const image = await post('/api/v1/products/prd_1/images', 1000)
    expect(image.status).toBe(200)
    expect(((await image.json()) as Echo).body).toHaveLength(1000)
    expect((await post('/api/v1/products/prd_1/images', 1001)).status).toBe(413)
    expect((await post('/api/v1/products', 101)).status).toBe(413)
    expect((await post('/api/v1/products/prd_1/images/presign', 101)).status).toBe(413)
    // The larger allowance is no way around the route's policy.
    expect((await post('/api/v1/products/prd_1/images', 500, {})).status).toBe(401)
  })

  test('answers 404 route_not_found for an unknown route', async () => {
    const res = await call('/api/v1/nowhere')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({ status: 404, code: 'route_not_found', instance: '/api/v1/nowhere' })
    expect(body.requestId).toBe(res.headers.get('x-request-id'))
  })

  test('answers 413 payload_too_large past the body limit', async () => {
    const small = testGateway({ USER_SERVICE_URL: upstream.url, BODY_LIMIT_BYTES: '100' }, keys.jwksUrl)
    const res = await small.fetch(
      new Request('http://gateway.test/api/v1/auth/register', { method: 'POST', body: 'x'.repeat(101) }),
    )
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ code: 'payload_too_large', status: 413 })
    // A chunked body with no content-length is counted as it streams.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(50)))
        controller.close()
      },
    })
    const chunked = await small.fetch(
      new Request('http://gateway.test/api/v1/auth/register', {
        method: 'POST',
        body: stream,
        duplex: 'half',
      } as RequestInit),
    )
    expect(chunked.status).toBe(413)
    expect(await chunked.json()).toMatchObject({ code: 'payload_too_large' })
    const ok = await small.fetch(
      new Request('http://gateway.test/api/v1/auth/register', { method: 'POST', body: 'x'.repeat(100) }),
    )
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as Echo).body).toBe('x'.repeat(100))
  })

  test('answers 502 bad_gateway when the service refuses connections', async () => {
    const dead = testGateway({ USER_SERVICE_URL: 'http://127.0.0.1:1' }, keys.jwksUrl)
    const res = await dead.fetch(new Request('http://gateway.test/api/v1/auth/login', { method: 'POST' }))
    expect(res.status).toBe(502)
    expect(await res.json()).toMatchObject({ code: 'bad_gateway', status: 502 })
  })

  test('answers 504 gateway_timeout when the service is too slow', async () => {
    const slow = testGateway({ USER_SERVICE_URL: upstream.url, UPSTREAM_TIMEOUT_MS: '100' }, keys.jwksUrl)
    const res = await slow.fetch(
      new Request('http://gateway.test/api/v1/auth/login', {
        method: 'POST',
        headers: { 'x-test-delay': '1000' },
      }),
    )
    expect(res.status).toBe(504)
    expect(await res.json()).toMatchObject({ code: 'gateway_timeout', status: 504 })
  })

  test('answers 503 unavailable for a route whose service has no URL', async () => {
    const { routes } = await import('../src/routes.ts')
    const withProduct = testGateway({ USER_SERVICE_URL: upstream.url }, keys.jwksUrl, {
      routes: [
        ...routes,
        {
          method: 'GET',
          path: '/api/v1/products',
          label: '/api/v1/products',
          service: 'product',
          policy: 'public',
          limit: 'default',
        },
      ],
    })
    const res = await withProduct.fetch(new Request('http://gateway.test/api/v1/products'))
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({
      code: 'unavailable',
      detail: 'The product service is not configured.',
    })
  })

  test('believes X-Forwarded-For only behind a trusted proxy, and then its last hop', async () => {
    // A caller's own X-Real-IP is never passed on: the gateway states the client it worked out.
    const headers = { 'x-forwarded-for': '198.51.100.1, 192.0.2.9', 'x-real-ip': '203.0.113.66' }
    const untrusted = (await (await call('/api/v1/auth/login', { method: 'POST', headers })).json()) as Echo
    expect(untrusted.headers['x-forwarded-for']).toBe(testIp)
    expect(untrusted.headers['x-real-ip']).toBe(testIp)
    const trusting = testGateway({ USER_SERVICE_URL: upstream.url, TRUST_PROXY: 'true' }, keys.jwksUrl)
    const res = await trusting.fetch(
      new Request('http://gateway.test/api/v1/auth/login', { method: 'POST', headers }),
    )
    expect(res.status).toBe(200)
    const trusted = (await res.json()) as Echo
    // The chain grows by the hop the gateway was called from (the trusted proxy); the client is the proxy's last
    // hop, which a service behind the gateway could not tell from the chain alone.
    expect(trusted.headers['x-forwarded-for']).toBe(`198.51.100.1, 192.0.2.9, ${testIp}`)
    expect(trusted.headers['x-real-ip']).toBe('192.0.2.9')
  })
})

describe('CORS', () => {
  test('answers a preflight from an allowed origin', async () => {
    const res = await call('/api/v1/users/me', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization, content-type',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example')
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH')
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization')
    expect(await res.text()).toBe('')
  })

  test('does not allow other origins', async () => {
    const res = await call('/api/v1/auth/login', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(((await res.json()) as Echo).path).toBe('/api/v1/auth/login')
  })
})

describe('route policies', () => {
  test('public routes pass without a token, and with an invalid one', async () => {
    const res = await call('/api/v1/auth/login', { method: 'POST', headers: bearer('a.b.c') })
    expect(res.status).toBe(200)
    expect(((await res.json()) as Echo).path).toBe('/api/v1/auth/login')
    const jwks = await call('/.well-known/jwks.json')
    expect(jwks.status).toBe(200)
    expect(((await jwks.json()) as Echo).path).toBe('/.well-known/jwks.json')
  })

  test('authenticated routes answer 401 unauthenticated without a token', async () => {
    const res = await call('/api/v1/users/me')
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toStartWith('Bearer')
    expect(await res.json()).toMatchObject({ code: 'unauthenticated', status: 401 })
  })

  test('permission routes answer 403 for a role without it and 200 for one with it', async () => {
    const customer = await keys.sign({ roles: ['customer'] })
    const denied = await call('/api/v1/users', { headers: bearer(customer) })
    expect(denied.status).toBe(403)
    expect(await denied.json()).toMatchObject({
      code: 'forbidden',
      detail: 'This route needs the users:read permission.',
    })

    const support = await keys.sign({ roles: ['support'] })
    const read = await call('/api/v1/users?limit=5', { headers: bearer(support) })
    expect(read.status).toBe(200)
    expect(await read.json()).toMatchObject({ method: 'GET', path: '/api/v1/users', search: '?limit=5' })
    const write = await call('/api/v1/users/usr_1/roles', {
      method: 'PUT',
      headers: bearer(support),
      body: '{}',
    })
    expect(write.status).toBe(403)
    expect(await write.json()).toMatchObject({ code: 'forbidden' })

    const admin = await keys.sign({ roles: ['admin'] })
    const roles = await call('/api/v1/users/usr_1/roles', {
      method: 'PUT',
      headers: bearer(admin),
      body: '{"roles":[]}',
    })
    expect(roles.status).toBe(200)
    expect(await roles.json()).toMatchObject({
      method: 'PUT',
      path: '/api/v1/users/usr_1/roles',
      body: '{"roles":[]}',
    })
  })

  test('logout is authenticated', async () => {
    const res = await call('/api/v1/auth/logout', { method: 'POST' })
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ code: 'unauthenticated' })
    const ok = await call('/api/v1/auth/logout', { method: 'POST', headers: bearer(await keys.sign()) })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ path: '/api/v1/auth/logout' })
  })
})

describe('operations endpoints', () => {
  test('/health is the gateway alive, asking no service', async () => {
    const down = testGateway({ USER_SERVICE_URL: 'http://127.0.0.1:1' }, keys.jwksUrl)
    const res = await down.fetch(new Request('http://gateway.test/health'))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  test('/ready aggregates the services and the signing keys', async () => {
    const res = await call('/ready')
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      status: string
      services: Record<string, { status: string; latencyMs: number }>
    }
    expect(body).toMatchObject({
      status: 'ready',
      services: { user: { status: 'ok' } },
      checks: { jwks: { status: 'ok' } },
    })
    expect(body.services.user!.latencyMs).toBeGreaterThanOrEqual(0)

    const down = testGateway({ USER_SERVICE_URL: 'http://127.0.0.1:1' }, keys.jwksUrl)
    const notReady = await down.fetch(new Request('http://gateway.test/ready'))
    expect(notReady.status).toBe(503)
    expect(await notReady.json()).toMatchObject({
      status: 'not_ready',
      services: { user: { status: 'down' } },
    })
  })

  test('/metrics exposes request counts by route pattern', async () => {
    await call('/api/v1/users/usr_9/roles', { method: 'PUT' })
    const res = await call('/metrics')
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).toContain('# TYPE gateway_requests_total counter')
    expect(text).toContain(
      'gateway_requests_total{route="/api/v1/users/:id/roles",method="PUT",status="401"} 1',
    )
    expect(text).toContain(
      'gateway_request_duration_seconds_bucket{route="/api/v1/users/:id/roles",le="+Inf"}',
    )
  })

  test('/openapi.json merges the services with their own ids, prefixed tags and components', async () => {
    const res = await call('/openapi.json')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      openapi: '3.1.0',
      tags: [{ name: 'gateway' }, { name: 'user:auth' }],
      paths: {
        '/api/v1/users/me': {
          get: {
            operationId: 'getMe',
            tags: ['user:users'],
            responses: {
              200: {
                content: { 'application/json': { schema: { $ref: '#/components/schemas/user_User' } } },
              },
            },
          },
        },
      },
      components: { schemas: { user_User: { type: 'object' } } },
    })
  })

  test('/openapi.json lists paths as the gateway routes them, without a trailing slash', async () => {
    const { paths } = (await (await call('/openapi.json')).json()) as { paths: Record<string, unknown> }
    // Beside the services' operations, the gateway's own (public, never rate limited: only its failure is a problem).
    expect(Object.keys(paths).sort()).toEqual([
      '/api/v1/users',
      '/api/v1/users/me',
      '/health',
      '/metrics',
      '/openapi.json',
      '/ready',
    ])
    expect(paths['/ready']).toMatchObject({ get: { operationId: 'getReadiness', security: [] } })
    expect(paths['/api/v1/users']).toMatchObject({ get: { operationId: 'listUsers' } })
  })

  test("/openapi.json declares each operation's security from the gateway's policy, not the service's", async () => {
    const { paths } = (await (await call('/openapi.json')).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>
    }
    // The service documents neither as guarded; the gateway's route table guards both.
    expect(paths['/api/v1/users']!.get).toMatchObject({
      security: [{ bearer: [] }],
      'x-myshop-permission': 'users:read',
      description: 'Needs a bearer token with the `users:read` permission.',
    })
    expect(paths['/api/v1/users/me']!.get!.security).toEqual([{ bearer: [] }])
    expect(paths['/api/v1/users/me']!.get!['x-myshop-permission']).toBeUndefined()
    expect(Object.keys(paths['/api/v1/users']!.get!.responses as object).sort()).toEqual(
      ['200', '401', '403', '429', '502', '503', '504'].sort(),
    )
  })

  test('/openapi.json leaves out an operation the gateway does not route, and keeps one Problem schema', async () => {
    const doc = (await (await call('/openapi.json')).json()) as {
      paths: Record<string, unknown>
      components: { schemas: Record<string, unknown> }
    }
    expect(doc.paths['/internal/sync']).toBeUndefined()
    expect(Object.keys(doc.components.schemas).sort()).toEqual([
      'GatewayHealth',
      'GatewayProbe',
      'GatewayReadiness',
      'Problem',
      'user_User',
    ])
    const unauthorized = (
      doc.paths['/api/v1/users/me'] as Record<string, Record<string, Record<string, unknown>>>
    ).get!.responses!['401'] as { content: Record<string, { schema: unknown }> }
    expect(unauthorized.content['application/problem+json']!.schema).toEqual({
      $ref: '#/components/schemas/Problem',
    })
  })

  test('/openapi.json tolerates a service that is down', async () => {
    const down = testGateway({ USER_SERVICE_URL: 'http://127.0.0.1:1' }, keys.jwksUrl)
    const res = await down.fetch(new Request('http://gateway.test/openapi.json'))
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ paths: {}, 'x-myshop-unavailable-services': ['user'] })
  })

  test('/docs serves an HTML reference pointing at the merged document', async () => {
    const res = await call('/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    const html = await res.text()
    expect(html).toContain('src="docs/assets/swagger-ui-bundle.js"')
    expect(html).not.toMatch(/https?:\/\//)
    const start = await (await call('/docs/assets/reference.js')).text()
    expect(start).toContain("url: 'openapi.json'")
  })
})

describe('route table', () => {
  test('every request matches exactly one route, so none shadows another', async () => {
    const { routes } = await import('../src/routes.ts')
    for (const route of routes) {
      // A concrete path for the pattern: each parameter becomes a value no fixed sibling uses.
      const path = route.label.replace(/:[A-Za-z]+/g, 'x_1').replace('*', 'x_1/y.webp')
      const handlers = app.router.match(route.method, path)[0]
      expect({ route: `${route.method} ${route.label}`, matches: handlers.length }).toEqual({
        route: `${route.method} ${route.label}`,
        matches: 1,
      })
    }
  })

  test('fixed paths win over parameters beside them, and parameters still take other values', async () => {
    const me = await call('/api/v1/users/me', { headers: bearer(await keys.sign()) })
    expect(me.status).toBe(200)
    // /users/:id needs users:read, which a customer lacks: the 403 proves that route answered.
    const other = await call('/api/v1/users/usr_other', { headers: bearer(await keys.sign()) })
    expect(other.status).toBe(403)
    expect(await other.json()).toMatchObject({ code: 'forbidden' })
    const suggest = await call('/api/v1/products/suggest?q=ph')
    expect(suggest.status).toBe(503)
    const metrics = await (await call('/metrics')).text()
    expect(metrics).toContain('gateway_requests_total{route="/api/v1/users/:id",method="GET",status="403"}')
  })
})
