import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { gatewayConfig } from '../src/config.ts'
import { type RunningGateway, startGateway } from '../src/entry/bun.ts'
import { signingKeys } from './helpers.ts'

/** One response as a client reading the socket gets it, and the TCP segments the server sent for it. */
interface Received {
  segments: number | null
  head: string
  body: Uint8Array
}

const hasSs = Bun.which('ss') !== null

/** Data segments the server side of the one connection from `clientPort` to `port` has sent (iproute2's ss). */
const segmentsSent = (port: number, clientPort: number): number | null => {
  if (!hasSs) return null
  const out = Bun.spawnSync([
    'ss',
    '-tinH',
    'state',
    'established',
    `( sport = :${port} and dport = :${clientPort} )`,
  ]).stdout.toString()
  const n = /data_segs_out:(\d+)/.exec(out)?.[1]
  return n === undefined ? null : Number(n)
}

/** A chunked body's bytes. */
const dechunk = (raw: Uint8Array): Uint8Array => {
  const parts: Uint8Array[] = []
  let at = 0
  for (;;) {
    const lineEnd = raw.indexOf(13, at)
    const size = Number.parseInt(new TextDecoder().decode(raw.subarray(at, lineEnd)), 16)
    if (!size) break
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
  }
  return Buffer.concat(parts)
}

/** Whether `all` holds a whole response: its head, then its declared length or the last chunk. */
const complete = (all: Buffer) => {
  const split = all.indexOf('\r\n\r\n')
  if (split < 0) return false
  const head = all.subarray(0, split).toString('latin1')
  const length = /content-length: (\d+)/i.exec(head)?.[1]
  if (length !== undefined) return all.length - split - 4 >= Number(length)
  return all.subarray(-5).toString('latin1') === '0\r\n\r\n'
}

/** One GET over a kept-alive raw socket; once the whole response is in, the server's segments are counted. */
const rawGet = (port: number, path: string): Promise<Received> =>
  new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = []
    Bun.connect({
      hostname: '127.0.0.1',
      port,
      socket: {
        open: (socket) => {
          socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`)
        },
        data: (socket, chunk) => {
          chunks.push(new Uint8Array(chunk))
          const all = Buffer.concat(chunks)
          if (!complete(all)) return
          const segments = segmentsSent(port, socket.localPort)
          socket.end()
          const split = all.indexOf('\r\n\r\n')
          const head = all.subarray(0, split).toString('latin1')
          const rest = new Uint8Array(all.subarray(split + 4))
          resolve({ segments, head, body: /transfer-encoding: chunked/i.test(head) ? dechunk(rest) : rest })
        },
        error: (_socket, error) => reject(error),
      },
    }).catch(reject)
  })

/** A JSON string of exactly `size` bytes. */
const bodyOf = (size: number) => JSON.stringify('x'.repeat(size - 2))
const large = bodyOf(40_000)
const small = bodyOf(2_000)

let keys: Awaited<ReturnType<typeof signingKeys>>
let upstream: ReturnType<typeof Bun.serve>
let gateway: RunningGateway

// Every answer is ready only on a later turn of the event loop, as a service's answer after a query or a cache lookup.
const later = async (body: string | Blob, headers: Record<string, string> = {}) => {
  await Bun.sleep(1)
  return new Response(body, { headers: { 'content-type': 'application/json', ...headers } })
}

beforeAll(async () => {
  keys = await signingKeys()
  upstream = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: (req) => later(new URL(req.url).searchParams.get('size') === 'large' ? large : small),
  })
  gateway = await startGateway(
    gatewayConfig({
      GATEWAY_PORT: '0',
      USER_SERVICE_URL: `http://127.0.0.1:${upstream.port}`,
      PRODUCT_SERVICE_URL: 'http://127.0.0.1:1',
      JWKS_URL: keys.jwksUrl,
      LOG_LEVEL: 'silent',
      // With Redis the limits are checked there first, so every answer is written on a later turn. Without a Redis
      // to reach, the limits fall back to memory; the gateway is still set up as it is with one.
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:1',
    }),
    {
      hostname: '127.0.0.1',
      local: {
        product: (req) => {
          const size = new URL(req.url).searchParams.get('size')
          if (size === 'file')
            return later(new Blob([new Uint8Array(2 * 1024 * 1024)]), {
              'content-length': String(2 * 1024 * 1024),
            })
          return later(size === 'large' ? large : small)
        },
      },
    },
  )
})
afterAll(async () => {
  await gateway.stop()
  upstream.stop(true)
  keys.stop()
})

describe('large bodies leave the gateway in a few writes', () => {
  if (!hasSs) console.warn('SKIP counting TCP segments: `ss` (iproute2) is not installed')

  test('from a service in this process: the same bytes, not a write per header', async () => {
    const got = await rawGet(gateway.port, '/api/v1/products?size=large')
    expect(got.head).toStartWith('HTTP/1.1 200')
    expect(got.head).toMatch(/content-type: application\/json/i)
    expect(got.head).toMatch(/x-request-id: /i)
    expect(new TextDecoder().decode(got.body)).toBe(large)
    // Headers written one send(2) per name, separator and value took some sixty.
    if (got.segments !== null) expect(got.segments).toBeLessThanOrEqual(4)
  })

  test('from a service over HTTP: the same bytes, not a write per header', async () => {
    const got = await rawGet(gateway.port, '/api/v1/.well-known/jwks.json?size=large')
    expect(got.head).toStartWith('HTTP/1.1 200')
    expect(new TextDecoder().decode(got.body)).toBe(large)
    if (got.segments !== null) expect(got.segments).toBeLessThanOrEqual(4)
  })

  test('small bodies pass as they are, with their length', async () => {
    for (const path of ['/api/v1/products?size=small', '/api/v1/.well-known/jwks.json?size=small']) {
      const got = await rawGet(gateway.port, path)
      expect({ path, length: /content-length: (\d+)/i.exec(got.head)?.[1] }).toEqual({
        path,
        length: String(small.length),
      })
      expect(new TextDecoder().decode(got.body)).toBe(small)
    }
  })

  test('a body declared larger than is worth holding (an image) passes as it is', async () => {
    const got = await rawGet(gateway.port, '/api/v1/products?size=file')
    expect(got.head).toMatch(/content-length: 2097152/i)
    expect(got.body.length).toBe(2 * 1024 * 1024)
  })
})
