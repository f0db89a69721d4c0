import { describe, expect, test } from 'bun:test'
import { ApiError, createApiClient, type Fetch } from '../src/api-client.ts'
import type { CredentialStore, Credentials } from '../src/credentials.ts'
import { CliError } from '../src/errors.ts'

const url = 'http://shop.test'
const now = () => new Date('2026-01-01T00:00:00Z')

type Sent = { method: string; path: string; headers: Headers; body: unknown }

/** A client whose requests are recorded and answered in turn by `answers`, with a stored session for `url`. */
const setUp = (answers: (() => Response)[], stored: Credentials = session('access-1', 'refresh-1')) => {
  const sent: Sent[] = []
  let held: Credentials | null = stored
  const credentials: CredentialStore = {
    path: '/nowhere/credentials.json',
    read: async () => held,
    write: async (next) => {
      held = next
    },
    remove: async () => {
      held = null
    },
    readDevice: async () => undefined,
    writeDevice: async () => {},
  }
  const fetch: Fetch = async (input) => {
    const request = input as Request
    const text = await request.text()
    const target = new URL(request.url)
    sent.push({
      method: request.method,
      path: `${target.pathname}${target.search}`,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    })
    const answer = answers.shift()
    if (!answer) throw new TypeError('connection refused')
    return answer()
  }
  const api = createApiClient({ url, fetch, credentials, now })
  return { api, sent, stored: () => held }
}

const session = (accessToken: string, refreshToken: string): Credentials => ({
  accessToken,
  refreshToken,
  expiresAt: '2026-01-01T00:15:00.000Z',
  url,
  email: 'ada@example.com',
})

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    })

const user = {
  id: 'usr_1',
  email: 'ada@example.com',
  name: 'Ada',
  roles: ['admin'],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

describe('the CLI API client over the generated client', () => {
  test('sends the documented method, path, query, bearer and body', async () => {
    const { api, sent } = setUp([
      json(200, { items: [user], nextCursor: null }),
      json(200, user),
      json(200, { created: 1, updated: 0, failed: [] }),
    ])
    expect(await api.listUsers({ q: '', role: 'admin', limit: 5 })).toEqual({
      items: [user],
      nextCursor: null,
    })
    await api.setRoles('usr/1 x', ['admin', 'support'])
    await api.importCatalog([{ line: 2, sku: 'A-1', name: 'Mug', price: '9.50', currency: 'EUR' }], {
      dryRun: true,
    })
    expect(sent.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'GET /api/v1/users?role=admin&limit=5',
      'PUT /api/v1/users/usr%2F1%20x/roles',
      'POST /api/v1/catalog/import?dryRun=true',
    ])
    expect(sent.every((s) => s.headers.get('authorization') === 'Bearer access-1')).toBe(true)
    expect(sent[0]?.headers.get('content-type')).toBeNull()
    expect(sent[1]?.headers.get('content-type')).toBe('application/json')
    expect(sent[1]?.body).toEqual({ roles: ['admin', 'support'] })
    expect(sent[2]?.body).toEqual({
      rows: [{ line: 2, sku: 'A-1', name: 'Mug', price: '9.50', currency: 'EUR' }],
    })
  })

  test('a problem becomes an ApiError with its code, field errors, request id and Retry-After', async () => {
    const { api } = setUp([
      json(
        429,
        {
          type: 'about:blank',
          title: 'Too many requests',
          status: 429,
          code: 'rate_limited',
          requestId: 'req_1',
        },
        { 'retry-after': '30' },
      ),
      () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    ])
    const limited = await api.me().catch((error: unknown) => error)
    expect(limited).toBeInstanceOf(ApiError)
    expect(limited).toMatchObject({ status: 429, code: 'rate_limited', requestId: 'req_1' })
    expect((limited as ApiError).retryAt?.toISOString()).toBe('2026-01-01T00:00:30.000Z')
    const proxied = await api.me().catch((error: unknown) => error)
    expect(proxied).toMatchObject({ status: 502, code: 'http_502', title: 'Bad Gateway', errors: [] })
  })

  test('a failure whose body is cut off midway is still reported by its status', async () => {
    const cutOff = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"code":'))
        controller.error(new Error('connection reset'))
      },
    })
    const { api } = setUp([() => new Response(cutOff, { status: 500, headers: { 'x-request-id': 'req_9' } })])
    const error = await api.me().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 500, code: 'http_500', requestId: 'req_9' })
  })

  test('a 401 refreshes the pair once, stores it and retries with the new token', async () => {
    const { api, sent, stored } = setUp([
      json(401, { title: 'Authentication required', status: 401, code: 'unauthenticated' }),
      json(200, { accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900, tokenType: 'Bearer' }),
      json(200, user),
    ])
    expect(await api.me()).toEqual(user)
    expect(sent.map((s) => s.path)).toEqual(['/api/v1/users/me', '/api/v1/auth/refresh', '/api/v1/users/me'])
    expect(sent[1]?.body).toEqual({ refreshToken: 'refresh-1' })
    expect(sent[1]?.headers.get('authorization')).toBeNull()
    expect(sent[2]?.headers.get('authorization')).toBe('Bearer access-2')
    expect(stored()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' })
    expect(stored()?.expiresAt).toBe('2026-01-01T00:15:00.000Z')
  })

  test('a rejected refresh means the session expired; an unreachable shop is a CLI error', async () => {
    const expired = setUp([
      json(401, { title: 'Authentication required', status: 401, code: 'unauthenticated' }),
      json(401, { title: 'Invalid token', status: 401, code: 'invalid_token' }),
    ])
    expect(await expired.api.me().catch((error: unknown) => error)).toMatchObject({ code: 'session_expired' })
    const down = setUp([])
    const error = await down.api.login('ada@example.com', 'secret').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CliError)
    expect(error).toMatchObject({ code: 'unreachable' })
  })

  test('a token is never sent to a shop other than the one that issued it', async () => {
    const { api, sent } = setUp([json(200, user)], {
      ...session('access-1', 'refresh-1'),
      url: 'http://other.test',
    })
    expect(await api.me().catch((error: unknown) => error)).toMatchObject({ code: 'not_signed_in' })
    expect(sent).toEqual([])
  })

  test("the gateway's readiness: a 503 report is a degraded result, a problem an error, and no token is sent", async () => {
    const jwks = { status: 'ok', latencyMs: 1, httpStatus: 200 }
    const notReady = {
      status: 'not_ready',
      services: { user: { status: 'down' as const, latencyMs: 2001 } },
      checks: { jwks },
    }
    const { api, sent } = setUp([
      json(200, {
        status: 'ready',
        services: { user: { status: 'ok', latencyMs: 3, httpStatus: 200 } },
        checks: { jwks },
      }),
      json(503, notReady),
      json(500, {
        type: 'about:blank',
        status: 500,
        title: 'Internal error',
        code: 'internal',
        requestId: 'req_9',
      }),
    ])
    expect(await api.health()).toEqual({
      status: 'ok',
      services: { user: { status: 'ok', latencyMs: 3, httpStatus: 200 } },
    })
    expect(await api.health()).toEqual({ status: 'degraded', services: notReady.services })
    const failed = await api.health().catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(ApiError)
    expect(failed).toMatchObject({ status: 500, code: 'internal', requestId: 'req_9' })
    expect(sent.map((s) => [s.method, s.path, s.headers.get('authorization')])).toEqual([
      ['GET', '/ready', null],
      ['GET', '/ready', null],
      ['GET', '/ready', null],
    ])
  })
})

// Checked by `bun run typecheck`: each line must stop compiling, so a change to the API document that the
// CLI's calls no longer match breaks the build instead of a command at run time.
export const typeLevelCoupling = (api: ReturnType<typeof createApiClient>) => {
  // @ts-expect-error a role the document does not list
  void api.setRoles('usr_1', ['owner'])
  // @ts-expect-error an import row without the currency the document requires
  void api.importCatalog([{ line: 1, sku: 'A-1', name: 'Mug', price: '9.50' }])
  // @ts-expect-error a filter the document does not take
  void api.listUsers({ sort: 'email' })
  // @ts-expect-error a field the document does not answer
  void api.me().then((me) => me.password)
  // @ts-expect-error a field the gateway's readiness report does not have
  void api.health().then((health) => health.services.user?.error)
}
