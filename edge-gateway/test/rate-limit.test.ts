import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createVerifier } from '@myshop/auth'
import { type RateLimitStore, redisStore, respStore } from '@myshop/rate-limit'
import { RedisClient } from 'bun'
import Redis from 'ioredis'
import { createGateway } from '../src/app.ts'
import { gatewayConfig } from '../src/config.ts'
import { createRegistry } from '../src/metrics.ts'
import { bearer, type Echo, echoUpstream, signingKeys, testGateway } from './helpers.ts'

let keys: Awaited<ReturnType<typeof signingKeys>>
let upstream: ReturnType<typeof echoUpstream>

beforeAll(async () => {
  keys = await signingKeys()
  upstream = echoUpstream()
})
afterAll(() => {
  keys.stop()
  upstream.stop()
})

const run = `${Date.now()}${Math.random().toString(36).slice(2, 8)}`
const login = () => new Request('http://gateway.test/api/v1/auth/login', { method: 'POST', body: '{}' })
const checkout = () => new Request('http://gateway.test/api/v1/checkout', { method: 'POST', body: '{}' })

describe('rate-limit headers (in-process store)', () => {
  test('every limited response carries RateLimit headers; the 429 adds Retry-After', async () => {
    const app = testGateway({ USER_SERVICE_URL: upstream.url, RATE_LIMIT_AUTH_PER_IP: '2' }, keys.jwksUrl)
    const first = await app.fetch(login())
    expect(first.status).toBe(200)
    expect(Object.fromEntries([...first.headers].filter(([k]) => k.startsWith('ratelimit')))).toEqual({
      'ratelimit-limit': '2',
      'ratelimit-remaining': '1',
      'ratelimit-reset': '30',
      'ratelimit-policy': '2;w=60',
    })
    expect(((await first.json()) as Echo).path).toBe('/api/v1/auth/login')
    expect((await app.fetch(login())).status).toBe(200)
    const limited = await app.fetch(login())
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('30')
    expect(limited.headers.get('ratelimit-remaining')).toBe('0')
    expect(limited.headers.get('ratelimit-limit')).toBe('2')
    expect(await limited.json()).toMatchObject({ status: 429, code: 'rate_limited' })
  })

  test('checkout has a bucket of its own: signing in does not use up buying, nor buying signing in', async () => {
    const app = testGateway(
      {
        USER_SERVICE_URL: upstream.url,
        ORDER_SERVICE_URL: upstream.url,
        RATE_LIMIT_AUTH_PER_IP: '1',
        RATE_LIMIT_CHECKOUT_PER_IP: '2',
      },
      keys.jwksUrl,
    )
    const statuses = async (make: () => Request, times: number) => {
      const seen: number[] = []
      for (let i = 0; i < times; i++) {
        const res = await app.fetch(make())
        seen.push(res.status)
        await res.body?.cancel()
      }
      return seen
    }
    expect(await statuses(login, 2)).toEqual([200, 429])
    const bought = await app.fetch(checkout())
    expect(bought.status).toBe(200)
    expect(bought.headers.get('ratelimit-policy')).toBe('2;w=60')
    expect(((await bought.json()) as Echo).path).toBe('/api/v1/checkout')
    expect(await statuses(checkout, 2)).toEqual([200, 429])
  })

  test('authenticated routes are limited per user too, and report the tighter limit', async () => {
    const app = testGateway(
      { USER_SERVICE_URL: upstream.url, RATE_LIMIT_PER_IP: '100', RATE_LIMIT_PER_USER: '1' },
      keys.jwksUrl,
    )
    const token = await keys.sign({ sub: 'usr_limited' })
    const me = () => app.fetch(new Request('http://gateway.test/api/v1/users/me', { headers: bearer(token) }))
    const ok = await me()
    expect(ok.status).toBe(200)
    expect(ok.headers.get('ratelimit-policy')).toBe('100;w=60, 1;w=60')
    expect(ok.headers.get('ratelimit-limit')).toBe('1')
    expect(ok.headers.get('ratelimit-remaining')).toBe('0')
    await ok.body?.cancel()
    const limited = await me()
    expect(limited.status).toBe(429)
    expect(await limited.json()).toMatchObject({ code: 'rate_limited' })
    // Another user from the same IP is unaffected.
    const other = await app.fetch(
      new Request('http://gateway.test/api/v1/users/me', {
        headers: bearer(await keys.sign({ sub: 'usr_other' })),
      }),
    )
    expect(other.status).toBe(200)
    expect(((await other.json()) as Echo).path).toBe('/api/v1/users/me')
  })
})

const redisUrl = process.env.REDIS_URL

/** A port nothing listens on now. */
const freePort = (): number => {
  const probe = Bun.listen({ hostname: '127.0.0.1', port: 0, socket: { data() {} } })
  const { port } = probe
  probe.stop(true)
  return port
}

/** Resolves once something accepts connections on `port` (up to 10 s). */
const listening = async (port: number) => {
  for (let i = 0; i < 400; i++) {
    const open = await Bun.connect({ hostname: '127.0.0.1', port, socket: { data() {} } }).then(
      (socket) => {
        socket.end()
        return true
      },
      () => false,
    )
    if (open) return
    await Bun.sleep(25)
  }
  throw new Error(`nothing listens on port ${port}`)
}

describe.skipIf(!redisUrl)('rate limiting on real Redis (REDIS_URL)', () => {
  // Each way the entries build the store: ioredis (Deno), and with the checks of one turn coalesced into one
  // script call, on ioredis and on Bun's client (the Bun entry, what `myshop start` runs).
  const stores: [string, (prefix: string) => { store: RateLimitStore; close: () => void }][] = [
    ['ioredis', (prefix) => ioredisStore(prefix, false)],
    ['ioredis, coalescing', (prefix) => ioredisStore(prefix, true)],
    [
      "Bun's client, coalescing",
      (prefix) => {
        const client = new RedisClient(redisUrl ?? '')
        return {
          store: respStore(client, { prefix, timeoutMs: 2000, coalesce: true }),
          close: () => client.close(),
        }
      },
    ],
  ]
  const ioredisStore = (prefix: string, coalesce: boolean) => {
    const redis = new Redis(redisUrl ?? '', { enableOfflineQueue: true, maxRetriesPerRequest: 0 })
    return {
      store: redisStore(redis, { prefix, timeoutMs: 2000, coalesce }),
      close: () => redis.disconnect(),
    }
  }

  for (const [name, open] of stores)
    test(`200 concurrent clients of one user never get more than limit + 1%, and none is refused early (${name})`, async () => {
      const { store, close } = open(`test:${run}:${name}:`)
      const limit = 500
      const config = gatewayConfig({
        USER_SERVICE_URL: upstream.url,
        JWKS_URL: keys.jwksUrl,
        RATE_LIMIT_PER_IP: '1000000',
        RATE_LIMIT_PER_USER: String(limit),
        // A long window so refills during the test are negligible (one per 7.2 s).
        RATE_LIMIT_WINDOW_MS: String(3_600_000),
        RATE_LIMIT_TIMEOUT_MS: '2000',
      })
      const app = createGateway({
        config,
        store,
        verifier: createVerifier({
          issuer: 'myshop',
          audience: 'myshop-api',
          jwksUrl: keys.jwksUrl,
          cacheSize: 100,
        }),
        getClientIp: () => '198.51.100.20',
      })
      const token = await keys.sign({ sub: `usr_hammer_${run}` })
      const statuses: number[] = []
      const client = async () => {
        for (let i = 0; i < 5; i++) {
          const res = await app.fetch(
            new Request('http://gateway.test/api/v1/users/me', { headers: bearer(token) }),
          )
          statuses.push(res.status)
          await res.body?.cancel()
        }
      }
      await Promise.all(Array.from({ length: 200 }, client))
      close()
      const allowed = statuses.filter((s) => s === 200).length
      const limited = statuses.filter((s) => s === 429).length
      expect(allowed + limited).toBe(1000)
      expect(allowed).toBeLessThanOrEqual(limit * 1.01)
      expect(allowed).toBeGreaterThanOrEqual(limit * 0.9)
    })

  for (const coalesce of [false, true])
    test(`with Redis stopped, default routes fail open and auth and checkout routes fail closed${coalesce ? ' (coalescing)' : ''}`, async () => {
      const port = freePort()
      const server = Bun.spawn(['redis-server', '--port', String(port), '--save', '', '--appendonly', 'no'], {
        stdout: 'ignore',
        stderr: 'ignore',
      })
      // Connected once the server listens: a client that dialled too early would be backing off by then.
      await listening(port)
      const redis = new Redis({ port, enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true })
      redis.on('error', () => {})
      await redis.connect()
      expect(redis.status).toBe('ready')

      const registry = createRegistry()
      const config = gatewayConfig({
        USER_SERVICE_URL: upstream.url,
        JWKS_URL: keys.jwksUrl,
        RATE_LIMIT_PER_IP: '1000',
        RATE_LIMIT_AUTH_PER_IP: '10',
        RATE_LIMIT_AUTH_FALLBACK_PER_IP: '3',
        ORDER_SERVICE_URL: upstream.url,
        RATE_LIMIT_CHECKOUT_PER_IP: '30',
        RATE_LIMIT_CHECKOUT_FALLBACK_PER_IP: '2',
      })
      const app = createGateway({
        config,
        store: redisStore(redis, { prefix: `test:${run}:outage:${coalesce}:`, timeoutMs: 100, coalesce }),
        verifier: createVerifier({
          issuer: 'myshop',
          audience: 'myshop-api',
          jwksUrl: keys.jwksUrl,
          cacheSize: 100,
        }),
        getClientIp: () => '198.51.100.30',
        registry,
      })
      const token = await keys.sign()
      const me = () =>
        app.fetch(new Request('http://gateway.test/api/v1/users/me', { headers: bearer(token) }))

      // Healthy: the shared limit applies (10 logins).
      const healthy = await app.fetch(login())
      expect(healthy.status).toBe(200)
      expect(healthy.headers.get('ratelimit-limit')).toBe('10')
      await healthy.body?.cancel()

      server.kill()
      await server.exited
      await Bun.sleep(100)

      const started = performance.now()
      const reads = await Promise.all(Array.from({ length: 20 }, me))
      expect(performance.now() - started).toBeLessThan(2000)
      expect(reads.map((r) => r.status)).toEqual(Array(20).fill(200))
      expect(((await reads[0]!.json()) as Echo).path).toBe('/api/v1/users/me')

      const logins: number[] = []
      for (let i = 0; i < 6; i++) {
        const res = await app.fetch(login())
        logins.push(res.status)
        if (res.status === 429) {
          expect(res.headers.get('ratelimit-limit')).toBe('3')
          expect(await res.json()).toMatchObject({ code: 'rate_limited' })
        } else await res.body?.cancel()
      }
      expect(logins).toEqual([200, 200, 200, 429, 429, 429])

      const checkouts: number[] = []
      for (let i = 0; i < 4; i++) {
        const res = await app.fetch(checkout())
        checkouts.push(res.status)
        if (res.status === 429) expect(res.headers.get('ratelimit-limit')).toBe('2')
        await res.body?.cancel()
      }
      expect(checkouts).toEqual([200, 200, 429, 429])

      const metrics = await (await app.fetch(new Request('http://gateway.test/metrics'))).text()
      expect(metrics).toContain('gateway_rate_limit_fallbacks_total{class="default"} 40')
      expect(metrics).toContain('gateway_rate_limit_fallbacks_total{class="auth"} 6')
      expect(metrics).toContain('gateway_rate_limit_rejections_total{class="auth",scope="ip"} 3')
      expect(metrics).toContain('gateway_rate_limit_fallbacks_total{class="checkout"} 4')
      expect(metrics).toContain('gateway_rate_limit_rejections_total{class="checkout",scope="ip"} 2')
      redis.disconnect()
    })
})
