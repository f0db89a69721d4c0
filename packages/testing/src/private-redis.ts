import { afterAll, beforeAll } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Subprocess } from 'bun'
import Redis, { type RedisOptions } from 'ioredis'

/** The redis-server binary on PATH, or null: suites that start their own Redis skip without it. */
export const redisServerPath = Bun.which('redis-server')

/**
 * A redis-server of the test's own on a free port, which the test may stop, freeze and start again on that same
 * port and data (outage tests); the shared Redis of REDIS_URL is never touched. Call `start` first, `kill` last.
 */
export const privateRedis = () => {
  const dir = mkdtempSync(join(tmpdir(), 'myshop-redis-'))
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  const probe = Bun.listen({ hostname: '127.0.0.1', port: 0, socket: { data() {} } })
  const port = probe.port
  probe.stop(true)
  let proc: Subprocess | undefined
  const clients: Redis[] = []
  const url = `redis://127.0.0.1:${port}`
  const admin = () => {
    const client = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true })
    // A failed connection rejects `connect`; the event would only repeat it on stderr.
    client.on('error', () => {})
    return client
  }
  return {
    url,
    async start() {
      // No save points: nothing is written unless `stop` asks for it, so a restart finds what the stop left.
      proc = Bun.spawn(
        [
          redisServerPath!,
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--dir',
          dir,
          '--save',
          '',
          '--appendonly',
          'no',
        ],
        { stdout: 'ignore', stderr: 'ignore' },
      )
      for (let i = 0; i < 200; i++) {
        const client = admin()
        const up = await client
          .connect()
          .then(() => client.ping())
          .catch(() => null)
        client.disconnect()
        if (up === 'PONG') return
        await Bun.sleep(50)
      }
      throw new Error('the private redis-server did not start')
    },
    /** Stops the server as an operator would, keeping its data on disk for the next start. */
    async stop() {
      const client = admin()
      await client.connect()
      await client.call('SHUTDOWN', 'SAVE').catch(() => {})
      client.disconnect()
      await proc?.exited
    },
    /**
     * A client of the test's own, returned once connected and disconnected by `kill`; its reconnect errors during
     * outages are not printed.
     */
    async client(options: RedisOptions = {}) {
      const client = new Redis(url, { maxRetriesPerRequest: 1, ...options })
      client.on('error', () => {})
      clients.push(client)
      await new Promise((resolve) => client.once('ready', resolve))
      return client
    },
    freeze: () => proc?.kill('SIGSTOP'),
    thaw: () => proc?.kill('SIGCONT'),
    async kill() {
      for (const client of clients) client.disconnect()
      proc?.kill('SIGCONT')
      proc?.kill('SIGKILL')
      await proc?.exited
    },
  }
}

/** Asks until `check` holds, for changes applied eventually (a retry loop, a reconnect); fails after `timeoutMs`. */
export const eventually = async (what: string, check: () => Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`)
    await Bun.sleep(50)
  }
}

/**
 * A private Redis for the enclosing suite: started before its tests and killed after them. In the tests, `redis`
 * is the client under test (opened with `options`) and `probe` a plain one for looking at what Redis holds.
 */
export const usePrivateRedis = (options: RedisOptions = {}) => {
  const suite = {
    server: privateRedis(),
    redis: undefined as unknown as Redis,
    probe: undefined as unknown as Redis,
  }
  beforeAll(async () => {
    await suite.server.start()
    suite.redis = await suite.server.client(options)
    suite.probe = await suite.server.client()
  })
  afterAll(() => suite.server.kill())
  return suite
}
