import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
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

describe.skipIf(!process.env.REDIS_URL)("the Bun entry on Bun's native Redis client", () => {
  const startRedis = (port: number) =>
    Bun.spawn(['redis-server', '--port', String(port), '--save', '', '--appendonly', 'no'], {
      stdout: 'ignore',
      stderr: 'ignore',
    })
  /** Waits until the server answers; false when it exited first (its port was taken). */
  const waitForRedis = async (port: number, server: ReturnType<typeof startRedis>) => {
    for (let i = 0; i < 100; i++) {
      const probe = Bun.spawnSync(['redis-cli', '-p', String(port), 'ping'])
      if (probe.stdout.toString().trim() === 'PONG') return true
      if (server.exitCode !== null) return false
      await Bun.sleep(50)
    }
    throw new Error('redis-server did not start')
  }
  /** A redis-server of the test's own on a random port, another one tried when that port is already in use. */
  const startRedisOnAFreePort = async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const port = 20_000 + Math.floor(Math.random() * 20_000)
      const server = startRedis(port)
      if (await waitForRedis(port, server)) return { port, server }
    }
    throw new Error('redis-server did not start on any of five ports')
  }
  // The test tokens carry the session `ses_test`; the gateway asks the same Redis whether it is active.
  const addSession = (port: number) =>
    Bun.spawnSync(['redis-cli', '-p', String(port), 'set', 'myshop:session:ses_test', 'usr_test'])
  const limiterKeys = (port: number) =>
    Bun.spawnSync(['redis-cli', '-p', String(port), '--scan', '--pattern', 'myshop:*:rl:*'])
      .stdout.toString()
      .trim()
      .split('\n')
      .filter(Boolean)

  test('sessions and limits live in Redis, reads fail open while it is down, and it is used again once back', async () => {
    const started = await startRedisOnAFreePort()
    const { port } = started
    let redis = started.server
    const entry = await startGateway(
      gatewayConfig({
        GATEWAY_PORT: '0',
        USER_SERVICE_URL: upstream.url,
        JWKS_URL: keys.jwksUrl,
        LOG_LEVEL: 'silent',
        REDIS_URL: `redis://127.0.0.1:${port}`,
      }),
      { hostname: '127.0.0.1' },
    )
    const me = async () => {
      const res = await fetch(`${entry.url}/api/v1/users/me`, { headers: bearer(await keys.sign()) })
      await res.body?.cancel()
      return res.status
    }
    try {
      // No such session in Redis: the token's session has ended.
      expect(await me()).toBe(401)
      addSession(port)
      expect(await me()).toBe(200)
      expect(limiterKeys(port).length).toBeGreaterThan(0)

      // Twice: the client must come back after every outage, not only the first.
      for (let outage = 0; outage < 2; outage++) {
        redis.kill()
        await redis.exited
        const started = performance.now()
        expect(await Promise.all(Array.from({ length: 10 }, me))).toEqual(Array(10).fill(200))
        expect(performance.now() - started).toBeLessThan(2_000)

        redis = startRedis(port)
        if (!(await waitForRedis(port, redis)))
          throw new Error('redis-server did not start again on its port')
        addSession(port)
        let reconnected = false
        for (let i = 0; i < 60 && !reconnected; i++) {
          expect(await me()).toBe(200)
          reconnected = limiterKeys(port).length > 0
          if (!reconnected) await Bun.sleep(100)
        }
        expect({ outage, reconnected }).toEqual({ outage, reconnected: true })
      }
    } finally {
      await entry.stop()
      redis.kill()
    }
  })
})
