import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { bearer, echoUpstream, signingKeys, testGateway } from './helpers.ts'

let keys: Awaited<ReturnType<typeof signingKeys>>
let upstream: ReturnType<typeof echoUpstream>

/** A service that counts what it is asked, by path; its `/ready` answers what `ready` gives (ready by default). */
const countingService = (ready = () => Response.json({ status: 'ready' })) => {
  const asked = new Map<string, number>()
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch(req) {
      const path = new URL(req.url).pathname
      asked.set(path, (asked.get(path) ?? 0) + 1)
      return path === '/ready' ? ready() : Response.json({ status: 'ok' })
    },
  })
  return {
    url: `http://127.0.0.1:${server.port}`,
    asked: (path: string) => asked.get(path) ?? 0,
    stop: () => server.stop(true),
  }
}

beforeAll(async () => {
  keys = await signingKeys()
  upstream = echoUpstream({ openapi: '3.1.0', info: { title: 'user', version: '1' }, paths: {} })
})
afterAll(() => {
  keys.stop()
  upstream.stop()
})

describe('cheap health and readiness', () => {
  test('330 parallel /health calls ask no service', async () => {
    const user = countingService()
    const product = countingService()
    try {
      const app = testGateway({ USER_SERVICE_URL: user.url, PRODUCT_SERVICE_URL: product.url }, keys.jwksUrl)
      const answers = await Promise.all(
        Array.from({ length: 330 }, () => app.fetch(new Request('http://gateway.test/health'))),
      )
      expect(new Set(answers.map((r) => r.status))).toEqual(new Set([200]))
      expect(user.asked('/health') + user.asked('/ready') + product.asked('/health')).toBe(0)
    } finally {
      user.stop()
      product.stop()
    }
  })

  /** A gateway before a user and a product service, on a clock the test moves; the services stop after `use`. */
  const withServices = async (
    use: (s: {
      app: ReturnType<typeof testGateway>
      user: ReturnType<typeof countingService>
      product: ReturnType<typeof countingService>
      advance: (ms: number) => void
    }) => Promise<void>,
    userReady?: () => Response,
  ) => {
    const user = countingService(userReady)
    const product = countingService()
    let now = 1_000_000
    try {
      const app = testGateway(
        { USER_SERVICE_URL: user.url, PRODUCT_SERVICE_URL: product.url },
        keys.jwksUrl,
        {
          now: () => now,
        },
      )
      await use({ app, user, product, advance: (ms) => (now += ms) })
    } finally {
      user.stop()
      product.stop()
    }
  }

  test('330 parallel /ready calls ask each service once per interval', () =>
    withServices(async ({ app, user, product, advance }) => {
      const burst = () =>
        Promise.all(Array.from({ length: 330 }, () => app.fetch(new Request('http://gateway.test/ready'))))
      const first = await burst()
      expect(new Set(first.map((r) => r.status))).toEqual(new Set([200]))
      expect(await first[329]!.json()).toMatchObject({
        status: 'ready',
        services: { user: { status: 'ok' }, product: { status: 'ok' } },
      })
      expect([user.asked('/ready'), product.asked('/ready')]).toEqual([1, 1])

      // Within the interval the same answer is reused; once it has passed, the services are asked again.
      advance(999)
      await burst()
      expect([user.asked('/ready'), product.asked('/ready')]).toEqual([1, 1])
      advance(1)
      await burst()
      expect([user.asked('/ready'), product.asked('/ready')]).toEqual([2, 2])
    }))

  test('a service degraded (200) makes the gateway degraded, still 200; one not ready (503) makes it 503', () => {
    let userReady = () => Response.json({ status: 'degraded', checks: { redis: 'Connection is closed.' } })
    return withServices(
      async ({ app, advance }) => {
        const look = async () => {
          advance(1_000)
          const res = await app.fetch(new Request('http://gateway.test/ready'))
          return { httpStatus: res.status, ...((await res.json()) as object) }
        }
        expect(await look()).toMatchObject({
          httpStatus: 200,
          status: 'degraded',
          services: { user: { status: 'degraded', httpStatus: 200 }, product: { status: 'ok' } },
          checks: { jwks: { status: 'ok' } },
        })
        userReady = () => Response.json({ status: 'not_ready' }, { status: 503 })
        expect(await look()).toMatchObject({
          httpStatus: 503,
          status: 'not_ready',
          services: { user: { status: 'down', httpStatus: 503 }, product: { status: 'ok' } },
        })
        userReady = () => Response.json({ status: 'ready' })
        expect(await look()).toMatchObject({
          httpStatus: 200,
          status: 'ready',
          services: { user: { status: 'ok' } },
        })
      },
      () => userReady(),
    )
  })
})

const expectSecurityHeaders = (res: Response, what: string) => {
  expect({ what, headers: securityHeadersOf(res) }).toEqual({
    what,
    headers: {
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    },
  })
}

const securityHeadersOf = (res: Response) => ({
  'x-content-type-options': res.headers.get('x-content-type-options'),
  'referrer-policy': res.headers.get('referrer-policy'),
  'x-frame-options': res.headers.get('x-frame-options'),
  'content-security-policy': res.headers.get('content-security-policy'),
})

describe('security headers', () => {
  test('every kind of answer carries them: proxied, refused, limited, missing, failed, operational', async () => {
    const app = testGateway(
      {
        USER_SERVICE_URL: upstream.url,
        RATE_LIMIT_PER_IP: '3',
        BODY_LIMIT_BYTES: '16',
        UPSTREAM_TIMEOUT_MS: '50',
        CORS_ORIGINS: 'https://shop.example',
      },
      keys.jwksUrl,
    )
    const call = (path: string, init: RequestInit = {}) =>
      app.fetch(new Request(`http://gateway.test${path}`, init))
    const customer = bearer(await keys.sign({ roles: ['customer'] }))

    const proxied = await call('/api/v1/users/me', { headers: customer })
    expect(proxied.status).toBe(200)
    expectSecurityHeaders(proxied, 'proxied 200')
    const forbidden = await call('/api/v1/users', { headers: customer })
    expect(forbidden.status).toBe(403)
    expectSecurityHeaders(forbidden, '403')
    const slow = await call('/api/v1/users/me', { headers: { ...customer, 'x-test-delay': '500' } })
    expect(slow.status).toBe(504)
    expectSecurityHeaders(slow, '504')
    const limited = await call('/api/v1/users/me')
    expect(limited.status).toBe(429)
    expectSecurityHeaders(limited, '429')

    // Fresh limits for the rest: a second gateway with the same settings.
    const other = testGateway(
      { USER_SERVICE_URL: upstream.url, BODY_LIMIT_BYTES: '16', CORS_ORIGINS: 'https://shop.example' },
      keys.jwksUrl,
    )
    const send = (path: string, init: RequestInit = {}) =>
      other.fetch(new Request(`http://gateway.test${path}`, init))
    const unauthenticated = await send('/api/v1/users/me')
    expect(unauthenticated.status).toBe(401)
    expectSecurityHeaders(unauthenticated, '401')
    const tooLarge = await send('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'someone@example.com', password: 'long enough to exceed' }),
    })
    expect(tooLarge.status).toBe(413)
    expectSecurityHeaders(tooLarge, '413')
    const unknown = await send('/nowhere')
    expect(unknown.status).toBe(404)
    expectSecurityHeaders(unknown, '404')
    const unconfigured = await send('/api/v1/products')
    expect(unconfigured.status).toBe(503)
    expectSecurityHeaders(unconfigured, '503')
    const preflight = await send('/api/v1/users/me', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' },
    })
    expect(preflight.status).toBe(204)
    expectSecurityHeaders(preflight, 'preflight')
    for (const path of ['/health', '/ready', '/metrics', '/openapi.json', '/docs/assets/swagger-ui.css']) {
      const res = await send(path)
      expect({ path, status: res.status }).toEqual({ path, status: 200 })
      expectSecurityHeaders(res, path)
    }
  })

  test('the reference page may load scripts, styles, fonts and images from the gateway only', async () => {
    const app = testGateway({ USER_SERVICE_URL: upstream.url }, keys.jwksUrl)
    const res = await app.fetch(new Request('http://gateway.test/docs'))
    expect(res.status).toBe(200)
    expect(securityHeadersOf(res)).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    })
    const policy = Object.fromEntries(
      res.headers
        .get('content-security-policy')!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources.join(' ')]),
    )
    expect(policy).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'font-src': "'self'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'frame-ancestors': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
    })
  })

  test('a service cannot loosen them: its own policy is replaced', async () => {
    const loose = Bun.serve({
      port: 0,
      hostname: '127.0.0.1',
      fetch: () =>
        Response.json(
          {},
          {
            headers: {
              'content-security-policy': 'default-src *',
              'x-frame-options': 'ALLOWALL',
              'referrer-policy': 'unsafe-url',
            },
          },
        ),
    })
    try {
      const app = testGateway({ PRODUCT_SERVICE_URL: `http://127.0.0.1:${loose.port}` }, keys.jwksUrl)
      const res = await app.fetch(new Request('http://gateway.test/api/v1/products'))
      expect(res.status).toBe(200)
      expectSecurityHeaders(res, 'service with its own headers')
    } finally {
      loose.stop(true)
    }
  })
})

describe('reference UI assets', () => {
  const packageDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

  test('serves the pinned package files themselves, with their types', async () => {
    const app = testGateway({ USER_SERVICE_URL: upstream.url }, keys.jwksUrl)
    for (const [file, type] of [
      ['swagger-ui-bundle.js', 'text/javascript'],
      ['swagger-ui.css', 'text/css'],
    ] as const) {
      const res = await app.fetch(new Request(`http://gateway.test/docs/assets/${file}`))
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toStartWith(type)
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(
        new Uint8Array(await readFile(join(packageDir, file))),
      )
    }
  })

  test('serves nothing else of the package or the disk', async () => {
    const app = testGateway({ USER_SERVICE_URL: upstream.url }, keys.jwksUrl)
    for (const path of [
      '/docs/assets/package.json',
      '/docs/assets/swagger-ui-bundle.js.map',
      '/docs/assets/..%2Fpackage.json',
      '/docs/assets/..%2F..%2F..%2Fpackage.json',
      '/docs/assets/%2Fetc%2Fpasswd',
    ]) {
      const res = await app.fetch(new Request(`http://gateway.test${path}`))
      expect({ path, status: res.status }).toEqual({ path, status: 404 })
      expect(res.headers.get('content-type')).toContain('application/problem+json')
    }
  })

  test('files that cannot be read answer 503, and are read again on the next request', async () => {
    let reads = 0
    const app = testGateway({ USER_SERVICE_URL: upstream.url }, keys.jwksUrl, {
      docsAssets: async () => {
        reads++
        if (reads === 1) throw new Error('ENOENT')
        return 'body { margin: 0 }'
      },
    })
    const send = () => app.fetch(new Request('http://gateway.test/docs/assets/swagger-ui.css'))
    const failed = await send()
    expect(failed.status).toBe(503)
    expect(await failed.json()).toMatchObject({ code: 'unavailable' })
    const served = await send()
    expect(served.status).toBe(200)
    expect(await served.text()).toBe('body { margin: 0 }')
  })

  test('without the files (a runtime that has none) /docs answers 503, not a blank page', async () => {
    const app = testGateway({ USER_SERVICE_URL: upstream.url }, keys.jwksUrl, { docsAssets: undefined })
    for (const path of ['/docs', '/docs/assets/swagger-ui-bundle.js']) {
      const res = await app.fetch(new Request(`http://gateway.test${path}`))
      expect({ path, status: res.status }).toEqual({ path, status: 503 })
      expect(await res.json()).toMatchObject({ code: 'unavailable' })
    }
  })
})
