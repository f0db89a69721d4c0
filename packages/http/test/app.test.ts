import { describe, expect, test } from 'bun:test'
import { AppError } from '@myshop/errors'
import { silentLogger } from '@myshop/logger'
import { jsonRequest } from '@myshop/testing'
import { t } from 'elysia'
import { createHttpApp } from '../src/index.ts'

const app = createHttpApp({
  service: 'demo',
  logger: silentLogger(),
  maxBodyBytes: 64,
  readiness: { ok: async () => true, broken: async () => Promise.reject(new Error('connection refused')) },
})
  .post('/things', ({ body }) => ({ name: body.name }), {
    body: t.Object({ name: t.String({ minLength: 2 }) }),
  })
  .get('/pages', ({ query }) => query, {
    query: t.Object({
      page: t.Optional(t.Integer({ minimum: 1 })),
      size: t.Optional(t.Integer({ minimum: 1, maximum: 50 })),
    }),
  })
  .get('/teapot', () => {
    throw new AppError('conflict', { detail: 'already brewing' })
  })
  .get('/bug', () => {
    throw new Error('secret internals')
  })

describe('createHttpApp', () => {
  test('echoes a well-formed x-request-id and continues the incoming trace', async () => {
    const res = await app.handle(
      jsonRequest(
        'POST',
        '/things',
        { name: 'ok' },
        {
          'x-request-id': 'req-abcdefgh-1234',
          traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        },
      ),
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('x-request-id')).toBe('req-abcdefgh-1234')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  test('replaces a malformed request id with its own', async () => {
    const res = await app.handle(jsonRequest('GET', '/health', undefined, { 'x-request-id': 'bad id\n' }))
    expect(res.headers.get('x-request-id')).toMatch(/^req_/)
  })

  test('renders AppError, validation, parse, not-found and unknown errors as problem+json', async () => {
    const cases: [Request, number, string][] = [
      [jsonRequest('GET', '/teapot'), 409, 'conflict'],
      [jsonRequest('POST', '/things', { name: 'x' }), 422, 'validation_failed'],
      [jsonRequest('POST', '/things', '{"name":'), 400, 'malformed_json'],
      [jsonRequest('GET', '/nowhere'), 404, 'route_not_found'],
      [jsonRequest('GET', '/bug'), 500, 'internal'],
    ]
    for (const [request, status, code] of cases) {
      const res = await app.handle(request)
      expect(res.status).toBe(status)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      const body = (await res.json()) as { code: string; requestId: string; detail?: string }
      expect(body.code).toBe(code)
      expect(body.requestId).toBe(res.headers.get('x-request-id')!)
      expect(JSON.stringify(body)).not.toContain('secret internals')
    }
  })

  test('a query number out of range is named in the problem, whichever parameter it is', async () => {
    for (const [query, errors] of [
      ['page=0', [{ path: '/page', message: 'must be a whole number of at least 1' }]],
      ['page=2&size=51', [{ path: '/size', message: 'must be a whole number between 1 and 50' }]],
      // Elysia reports one nameless error for the value both parameters hold; both are named, with its rule.
      [
        'page=-3&size=-3',
        [
          { path: '/page', message: 'must be a whole number of at least 1' },
          { path: '/size', message: 'must be a whole number of at least 1' },
        ],
      ],
      ['page=two', [{ path: '/page', message: 'must be a whole number of at least 1' }]],
    ] as const) {
      const res = await app.handle(jsonRequest('GET', `/pages?${query}`))
      expect({ query, status: res.status }).toEqual({ query, status: 422 })
      expect(((await res.json()) as { errors: unknown }).errors).toEqual(errors)
    }
    expect(await (await app.handle(jsonRequest('GET', '/pages?page=2&size=50'))).json()).toEqual({
      page: 2,
      size: 50,
    })
  })

  test('refuses bodies over the limit with 413', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(200) })
    const res = await app.handle(
      jsonRequest('POST', '/things', body, { 'content-length': String(body.length) }),
    )
    expect(res.status).toBe(413)
  })

  test('/health is live, /ready reports each dependency and 503 when one fails', async () => {
    expect((await app.handle(jsonRequest('GET', '/health'))).status).toBe(200)
    const ready = await app.handle(jsonRequest('GET', '/ready'))
    expect(ready.status).toBe(503)
    expect(await ready.json()).toMatchObject({
      status: 'not_ready',
      checks: { ok: 'ok', broken: 'connection refused' },
    })
  })

  test('/ready answers 200 degraded, naming the check, when only a dependency the service works without fails', async () => {
    const degraded = createHttpApp({
      service: 'demo',
      logger: silentLogger(),
      readiness: { database: async () => true },
      degradable: { redis: async () => Promise.reject(new Error('Connection is closed.')) },
    })
    const ready = await degraded.handle(jsonRequest('GET', '/ready'))
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({
      status: 'degraded',
      service: 'demo',
      checks: { database: 'ok', redis: 'Connection is closed.' },
      degraded: ['redis'],
    })
  })

  test('/metrics exposes request counters in Prometheus format', async () => {
    await app.handle(jsonRequest('GET', '/health'))
    const text = await (await app.handle(jsonRequest('GET', '/metrics'))).text()
    expect(text).toContain('http_requests_total')
    expect(text).toContain('service="demo"')
  })

  test('/metrics counts every request once, with its route pattern and final status', async () => {
    const counted = createHttpApp({ service: 'counted', logger: silentLogger() })
      .post('/things/:id', ({ body }) => ({ name: body.name }), {
        body: t.Object({ name: t.String({ minLength: 2 }) }),
      })
      .get('/pages', ({ query }) => query, {
        query: t.Object({
          page: t.Optional(t.Integer({ minimum: 1 })),
          size: t.Optional(t.Integer({ minimum: 1, maximum: 50 })),
        }),
      })
      .get('/teapot', () => {
        throw new AppError('conflict', { detail: 'already brewing' })
      })
      .get('/raw', () => new Response('made by the handler', { status: 202 }))
    await counted.handle(jsonRequest('POST', '/things/1', { name: 'ok' }))
    await counted.handle(jsonRequest('POST', '/things/2', { name: 'ok' }))
    await counted.handle(jsonRequest('POST', '/things/3', { name: 'x' }))
    await counted.handle(jsonRequest('GET', '/teapot'))
    await counted.handle(jsonRequest('GET', '/raw'))
    await counted.handle(jsonRequest('GET', '/nowhere'))
    const text = await (await counted.handle(jsonRequest('GET', '/metrics'))).text()
    const count = (labels: string) =>
      Number(new RegExp(`^http_requests_total\\{${labels},service="counted"\\} (\\d+)$`, 'm').exec(text)?.[1])
    expect(count('method="POST",route="/things/:id",status="200"')).toBe(2)
    expect(count('method="POST",route="/things/:id",status="422"')).toBe(1)
    expect(count('method="GET",route="/teapot",status="409"')).toBe(1)
    expect(count('method="GET",route="/raw",status="202"')).toBe(1)
    expect(text).toMatch(
      /^http_requests_total\{method="GET",route="[^"]*",status="404",service="counted"\} 1$/m,
    )
    expect(text).toContain(
      'http_request_duration_seconds_count{method="POST",route="/things/:id",service="counted"} 3',
    )
    expect(text).toContain(
      'http_request_duration_seconds_bucket{method="POST",route="/things/:id",le="+Inf",service="counted"} 3',
    )

    // A registry reset starts every series from zero.
    counted.decorator.metricsRegistry.resetMetrics()
    await counted.handle(jsonRequest('POST', '/things/4', { name: 'ok' }))
    const after = await counted.decorator.metricsRegistry.metrics()
    expect(after).toContain(
      'http_requests_total{method="POST",route="/things/:id",status="200",service="counted"} 1',
    )
    expect(after).not.toContain('status="422"')
    expect(after).toContain(
      'http_request_duration_seconds_count{method="POST",route="/things/:id",service="counted"} 1',
    )
  })

  test('/openapi.json documents the routes and hides the operational ones', async () => {
    const spec = (await (await app.handle(jsonRequest('GET', '/openapi.json'))).json()) as {
      openapi: string
      paths: Record<string, unknown>
    }
    expect(spec.openapi).toStartWith('3.')
    expect(Object.keys(spec.paths)).toContain('/things')
    expect(Object.keys(spec.paths)).not.toContain('/metrics')
  })
})
