// Distributed MyShop (gateway, user and product services as `myshop start` runs them) on real PostgreSQL and a
// private Redis of its own, which the tests stop, freeze and bring back while requests flow. The shared Redis
// the other suites use is never touched.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  appCaller,
  eventually,
  privateRedis,
  redisServerPath,
  testDatabase,
  uniqueEmail,
} from '@myshop/testing'
import { type RunningPlatform, startPlatform } from '../src/platform.ts'
import { servicePorts } from '../src/services.ts'

const adminEmail = uniqueEmail('admin')
const adminPassword = 'copper-Meadow-71-falcon'
const password = 'amber-Willow-44-harbor'

describe.skipIf(!process.env.DATABASE_URL || !redisServerPath)('with Redis down (distributed mode)', () => {
  const redis = privateRedis()
  let platform: RunningPlatform
  // The shop's Redis namespace: REDIS_PREFIX is unset, so the services derive it from their database's name.
  let namespace = ''

  beforeAll(async () => {
    await redis.start()
    const database = (await testDatabase()).url
    namespace = `myshop:${new URL(database).pathname.slice(1)}`
    platform = await startPlatform({
      GATEWAY_PORT: '0',
      ...servicePorts(),
      MYSHOP_DATA_DIR: mkdtempSync(join(tmpdir(), 'myshop-outage-')),
      USER_DATABASE_URL: database,
      PRODUCT_DATABASE_URL: database,
      INVENTORY_DATABASE_URL: database,
      PAYMENT_DATABASE_URL: database,
      ORDER_DATABASE_URL: database,
      NOTIFICATION_DATABASE_URL: database,
      DATABASE_URL: '',
      REDIS_URL: redis.url,
      MYSHOP_ADMIN_EMAIL: adminEmail,
      MYSHOP_ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_IP: '100000',
      RATE_LIMIT_PER_USER: '100000',
      RATE_LIMIT_AUTH_PER_IP: '1000',
      // Every request here comes from one address: the gateway's strict auth limit while Redis is down would
      // otherwise stop the sign-ins this suite makes before the services' own behaviour is seen.
      RATE_LIMIT_AUTH_FALLBACK_PER_IP: '1000',
      LOGIN_MAX_FAILURES_PER_CLIENT: '3',
    })
  }, 120_000)
  afterAll(async () => {
    for (const stop of browsers) await stop()
    await platform?.stop()
    await redis.kill()
  }, 60_000)

  // The suite's requests go over HTTP to the gateway, built and read as the in-process suites do theirs.
  const call = appCaller({
    handle: (request) => {
      const { pathname, search } = new URL(request.url)
      return fetch(new Request(`${platform.gatewayUrl}${pathname}${search}`, request))
    },
  })
  const api = (method: string, path: string, body?: unknown, token?: string) =>
    call(method, path, body, token ? { authorization: `Bearer ${token}` } : {})

  /** Catalog reads in a loop, as shoppers keep browsing: every status they got (0: no answer), until stopped. */
  const browsers = new Set<() => Promise<number[]>>()
  const browsing = (path: string) => {
    const statuses: number[] = []
    let running = true
    const loop = (async () => {
      while (running) {
        statuses.push(
          await api('GET', path).then(
            (r) => r.status,
            () => 0,
          ),
        )
        await Bun.sleep(25)
      }
    })()
    const stop = async () => {
      running = false
      await loop
      browsers.delete(stop)
      return statuses
    }
    browsers.add(stop)
    return { stop }
  }

  /** A service's own readiness report, or the gateway's aggregated one. */
  const readiness = async (of: 'user' | 'product' | 'gateway') => {
    const res = await fetch(`${of === 'gateway' ? platform.gatewayUrl : platform.services[of]}/ready`)
    const body = (await res.json()) as {
      status: string
      checks: Record<string, unknown>
      degraded?: string[]
      services?: Record<string, { status: string }>
    }
    return { httpStatus: res.status, ...body }
  }

  const signIn = async (email: string) => {
    const res = await api('POST', '/api/v1/auth/login', { email, password })
    expect(res.status).toBe(200)
    return res.body as { accessToken: string; refreshToken: string }
  }

  test('catalog reads, signed-in reads, sign-in, refresh and sign-out keep their promises through a stop and restart', async () => {
    const admin = (await api('POST', '/api/v1/auth/login', { email: adminEmail, password: adminPassword }))
      .body.accessToken
    const sku = `OUT-${Date.now()}`
    const product = await api(
      'POST',
      '/api/v1/products',
      {
        name: 'Outage Lantern',
        brand: 'Apex',
        status: 'active',
        variants: [{ sku, price: { amount: 4900, currency: 'EUR' } }],
      },
      admin,
    )
    expect(product.status).toBe(201)
    const listing = `/api/v1/products?brand=Apex&limit=5`
    expect((await api('GET', listing)).status).toBe(200)

    const email = uniqueEmail('outage')
    expect((await api('POST', '/api/v1/auth/register', { email, password, name: 'Outage' })).status).toBe(201)
    const before = await signIn(email)
    const doomed = await signIn(email)

    const shoppers = browsing(listing)
    await redis.stop()

    // Catalog reads come from PostgreSQL.
    const list = await api('GET', listing)
    expect(list.status).toBe(200)
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(product.body.id)
    const detail = await api('GET', `/api/v1/products/${product.body.id}`)
    expect(detail.status).toBe(200)
    expect(detail.body.name).toBe('Outage Lantern')

    // Signed-in reads: the user service checks the session in PostgreSQL.
    const me = await api('GET', '/api/v1/users/me', undefined, before.accessToken)
    expect(me.status).toBe(200)
    expect(me.body.email).toBe(email)

    // A catalog write needs a session check only the store can give the product service: an honest 503.
    const write = await api(
      'POST',
      '/api/v1/products',
      {
        name: 'Never Written',
        brand: 'Apex',
        status: 'active',
        variants: [{ sku: `${sku}-X`, price: { amount: 1, currency: 'EUR' } }],
      },
      admin,
    )
    expect(write.status).toBe(503)
    expect(write.headers.get('content-type')).toContain('application/problem+json')
    expect(write.headers.get('retry-after')).toBeString()

    // Sign-in works, and failures still lock the account for this client.
    const during = await signIn(email)
    // A registration commits with its event in the outbox, which waits there for Redis.
    const newcomer = await api('POST', '/api/v1/auth/register', {
      email: uniqueEmail('newcomer'),
      password,
      name: 'Newcomer',
    })
    expect(newcomer.status).toBe(201)
    for (let i = 0; i < 3; i++)
      expect(
        (await api('POST', '/api/v1/auth/login', { email, password: 'wrong-Password-00-x' })).status,
      ).toBe(401)
    const locked = await api('POST', '/api/v1/auth/login', { email, password })
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBeString()

    // Refresh rotates the token; sign-out ends the session at once.
    const refreshed = await api('POST', '/api/v1/auth/refresh', { refreshToken: before.refreshToken })
    expect(refreshed.status).toBe(200)
    expect((await api('POST', '/api/v1/auth/logout', {}, doomed.accessToken)).status).toBe(204)
    expect((await api('GET', '/api/v1/users/me', undefined, doomed.accessToken)).status).toBe(401)

    await redis.start()
    await eventually(
      'the user service sees Redis again',
      async () => (await readiness('user')).status === 'ready',
    )
    const statuses = await shoppers.stop()
    expect(statuses.length).toBeGreaterThan(0)
    expect(statuses.filter((s) => s !== 200)).toEqual([])

    const probe = await redis.client()
    await eventually('the registration event reaches Redis', async () => {
      const events = (await probe.xrange(`${namespace}:events:user.registered`, '-', '+')) as [
        string,
        string[],
      ][]
      return events.some(([, fields]) => fields.join(' ').includes(newcomer.body.id))
    })

    // The session ended during the outage stays ended now that the gateway asks Redis again.
    await eventually(
      'the sign-out reaches Redis',
      async () => (await api('GET', '/api/v1/users/me', undefined, doomed.accessToken)).status === 401,
    )
    expect((await api('POST', '/api/v1/auth/refresh', { refreshToken: doomed.refreshToken })).status).toBe(
      401,
    )
    // The session begun during the outage works at the gateway.
    await eventually(
      'the sign-in reaches Redis',
      async () => (await api('GET', '/api/v1/users/me', undefined, during.accessToken)).status === 200,
    )
    // The token rotated during the outage rotates again: its session was not taken for stolen.
    const after = await api('POST', '/api/v1/auth/refresh', { refreshToken: refreshed.body.refreshToken })
    expect(after.status).toBe(200)
    expect((await api('GET', '/api/v1/users/me', undefined, after.body.accessToken)).status).toBe(200)
    expect((await api('GET', '/api/v1/users/me', undefined, refreshed.body.accessToken)).status).toBe(200)
  }, 120_000)

  test('/ready says degraded (200), naming Redis, while it is down, so a readiness probe keeps every instance', async () => {
    for (const service of ['user', 'product'] as const)
      expect(await readiness(service)).toMatchObject({ httpStatus: 200, status: 'ready', degraded: [] })
    await redis.stop()
    try {
      for (const service of ['user', 'product'] as const) {
        const report = await readiness(service)
        expect(report).toMatchObject({ httpStatus: 200, status: 'degraded', degraded: ['redis'] })
        expect(report.checks.database).toBe('ok')
        expect(report.checks.redis).not.toBe('ok')
      }
      // The gateway looks at the services at most once a second: its next look sees them degraded.
      await eventually('the gateway sees the services degraded', async () => {
        const gateway = await readiness('gateway')
        return gateway.status === 'degraded'
      })
      expect(await readiness('gateway')).toMatchObject({
        httpStatus: 200,
        status: 'degraded',
        services: { user: { status: 'degraded' }, product: { status: 'degraded' } },
      })
    } finally {
      await redis.start()
    }
    await eventually(
      'the gateway sees Redis again',
      async () => (await readiness('gateway')).status === 'ready',
    )
    expect(await readiness('product')).toMatchObject({ httpStatus: 200, status: 'ready', degraded: [] })
  }, 120_000)

  test('a frozen Redis costs reads one short timeout, not a 504', async () => {
    const email = uniqueEmail('frozen')
    expect((await api('POST', '/api/v1/auth/register', { email, password, name: 'Frozen' })).status).toBe(201)
    const session = await signIn(email)
    const shoppers = browsing('/api/v1/products?limit=3')
    redis.freeze()
    try {
      expect((await api('GET', '/api/v1/products?limit=4')).status).toBe(200)
      const me = await api('GET', '/api/v1/users/me', undefined, session.accessToken)
      expect(me.status).toBe(200)
      expect(me.body.email).toBe(email)
      const refreshed = await api('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken })
      expect(refreshed.status).toBe(200)
      const statuses = await shoppers.stop()
      expect(statuses.filter((s) => s !== 200)).toEqual([])
    } finally {
      redis.thaw()
    }
  }, 120_000)

  test('anonymous and forged callers cannot use the outage to reach a signed-in route or write', async () => {
    await redis.stop()
    try {
      expect((await api('GET', '/api/v1/users/me')).status).toBe(401)
      const forged = await api('GET', '/api/v1/users/me', undefined, 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln')
      expect(forged.status).toBe(401)
      expect((await api('GET', '/api/v1/users', undefined)).status).toBe(401)
      expect((await api('POST', '/api/v1/auth/logout', {})).status).toBe(401)
      const unknown = await api('POST', '/api/v1/auth/refresh', { refreshToken: 'rt_not-a-token' })
      expect(unknown.status).toBe(401)
      expect(unknown.headers.get('content-type')).toContain('application/problem+json')
      const product = await api('POST', '/api/v1/products', { name: 'Anonymous', variants: [] })
      expect(product.status).toBe(401)
    } finally {
      await redis.start()
    }
  }, 120_000)
})
