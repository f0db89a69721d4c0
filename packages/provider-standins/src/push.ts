import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto'
import { pushStandInCertificate, pushStandInKey } from './push-tls.ts'

/**
 * A local browser push service for tests: an HTTPS server that takes Web Push messages (RFC 8030) as a browser's
 * push service does, checks their VAPID authorization (RFC 8292), and decrypts the aes128gcm payload (RFC 8291)
 * with the private keys of the subscription it made, so a test reads the plaintext `web-push` encrypted.
 */

export { pushStandInCertificate }

/** A subscription as a browser hands it to the shop. */
export interface PushSubscription {
  endpoint: string
  keys: { p256dh: string; auth: string }
}

/** One message the push service accepted. */
export interface PushDelivery {
  endpoint: string
  /** The decrypted payload. */
  plaintext: string
  ttl: number
  topic: string | null
  urgency: string | null
  /** The VAPID claims and key the message was authorized with. */
  vapid: { audience: string; subject: string; publicKey: string }
}

export type PushFault = 'rate_limit' | 'server_error' | 'hang'

export interface PushStandIn {
  /** The origin subscriptions' endpoints are under. */
  url: string
  /** The CA a client must trust to reach it (web-push's `agent` option, an https.Agent with this `ca`). */
  ca: string
  /**
   * A new subscription, as `pushManager.subscribe` would give the browser: bound to `applicationServerKey` (the
   * shop's VAPID public key, base64url) when given, so messages signed with another key are refused (403).
   */
  subscribe(applicationServerKey?: string): PushSubscription
  /** The subscription ends (the browser unsubscribed or the user revoked permission): its endpoint answers 410. */
  expire(endpoint: string): void
  failNext(count: number, fault: PushFault): void
  received: PushDelivery[]
  /** Requests refused, with the reason, for asserting on what was not delivered. */
  refused: { endpoint: string; status: number; reason: string }[]
  stop(): Promise<void>
}

interface Held {
  ecdh: ReturnType<typeof createECDH>
  publicKey: Buffer
  auth: Buffer
  applicationServerKey: string | undefined
  gone: boolean
}

const b64url = (buffer: Buffer) => buffer.toString('base64url')

/** An info string of RFC 8188/8291: the label and a zero byte, then any context. */
const info = (label: string, ...context: Buffer[]) =>
  Buffer.concat([Buffer.from(label), Buffer.from([0]), ...context])

const hkdf = (salt: Buffer, ikm: Buffer, what: Buffer, length: number) =>
  Buffer.from(hkdfSync('sha256', ikm, salt, what, length))

/**
 * Decrypts an aes128gcm body (RFC 8188) for the user agent (RFC 8291): the header carries the salt, record size
 * and the sender's ephemeral public key; one record follows, its padding ending with the delimiter 0x02.
 */
export const decryptAes128gcm = (
  body: Buffer,
  receiver: { ecdh: ReturnType<typeof createECDH>; publicKey: Buffer; auth: Buffer },
) => {
  const salt = body.subarray(0, 16)
  const idLength = body[20]!
  const senderKey = body.subarray(21, 21 + idLength)
  const record = body.subarray(21 + idLength)
  const shared = receiver.ecdh.computeSecret(senderKey)
  const ikm = hkdf(receiver.auth, shared, info('WebPush: info', receiver.publicKey, senderKey), 32)
  const key = hkdf(salt, ikm, info('Content-Encoding: aes128gcm'), 16)
  const nonce = hkdf(salt, ikm, info('Content-Encoding: nonce'), 12)
  const decipher = createDecipheriv('aes-128-gcm', key, nonce)
  decipher.setAuthTag(record.subarray(record.length - 16))
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()])
  let end = padded.length - 1
  while (end >= 0 && padded[end] === 0) end--
  if (padded[end] !== 2) throw new Error('the last record does not end with the delimiter 0x02')
  return padded.subarray(0, end).toString('utf8')
}

/** A refusal the stand-in can explain. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    reason: string,
  ) {
    super(reason)
  }
}

/** Checks `Authorization: vapid t=<JWT>, k=<key>`: an ES256 JWT for this origin, not expired, signed by k. */
const checkVapid = (header: string | null, origin: string, nowSeconds: number) => {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '')
  if (!match) throw new Refusal(401, 'no VAPID authorization')
  const [token, key] = [match[1]!, match[2]!]
  const [head, claims, signature] = token.split('.')
  if (!head || !claims || !signature) throw new Refusal(401, 'the VAPID token is not a JWT')
  const point = Buffer.from(key, 'base64url')
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33, 65)) },
    format: 'jwk',
  })
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  )
  if (!signed) throw new Refusal(401, 'the VAPID signature does not verify')
  const read = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as Record<string, unknown>
  if (read.aud !== origin) throw new Refusal(401, `the VAPID audience is ${String(read.aud)}, not ${origin}`)
  if (typeof read.exp !== 'number' || read.exp <= nowSeconds)
    throw new Refusal(401, 'the VAPID token expired')
  return { audience: origin, subject: String(read.sub), publicKey: key }
}

/** Starts a stand-in on a free port of 127.0.0.1, over TLS with `pushStandInCertificate`. */
export const startPushStandIn = (options: { now?: () => number } = {}): PushStandIn => {
  const now = options.now ?? Date.now
  const subscriptions = new Map<string, Held>()
  const received: PushDelivery[] = []
  const refused: PushStandIn['refused'] = []
  const faults: PushFault[] = []
  const hanging = new Set<() => void>()
  let origin = ''

  const accept = async (request: Request, path: string) => {
    const held = subscriptions.get(path)
    if (!held || held.gone) throw new Refusal(held ? 410 : 404, 'no such subscription')
    const vapid = checkVapid(request.headers.get('authorization'), origin, Math.floor(now() / 1000))
    if (held.applicationServerKey && held.applicationServerKey !== vapid.publicKey)
      throw new Refusal(403, 'the VAPID key is not the one the subscription was made for')
    if (request.headers.get('content-encoding') !== 'aes128gcm') throw new Refusal(415, 'not aes128gcm')
    const ttl = request.headers.get('ttl')
    if (ttl === null || !/^\d+$/.test(ttl)) throw new Refusal(400, 'TTL missing')
    const body = Buffer.from(await request.arrayBuffer())
    if (body.length > 4096) throw new Refusal(413, 'payload too large')
    let plaintext: string
    try {
      plaintext = decryptAes128gcm(body, held)
    } catch (error) {
      throw new Refusal(400, `cannot decrypt: ${(error as Error).message}`)
    }
    received.push({
      endpoint: `${origin}${path}`,
      plaintext,
      ttl: Number(ttl),
      topic: request.headers.get('topic'),
      urgency: request.headers.get('urgency'),
      vapid,
    })
  }

  const handle = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname
    const fault = request.method === 'POST' ? faults.shift() : undefined
    if (fault === 'hang')
      return new Promise<Response>((resolve) => {
        const release = () => {
          hanging.delete(release)
          resolve(new Response('stopped', { status: 503 }))
        }
        hanging.add(release)
      })
    if (fault === 'server_error') return new Response('internal error', { status: 500 })
    if (fault === 'rate_limit')
      return new Response('too many requests', { status: 429, headers: { 'retry-after': '7' } })
    try {
      if (request.method !== 'POST') throw new Refusal(405, 'only POST')
      await accept(request, path)
      return new Response(null, {
        status: 201,
        headers: { location: `${origin}/messages/${b64url(randomBytes(12))}` },
      })
    } catch (error) {
      if (!(error instanceof Refusal)) throw error
      refused.push({ endpoint: `${origin}${path}`, status: error.status, reason: error.message })
      return new Response(error.message, { status: error.status })
    }
  }

  const server = Bun.serve({
    hostname: '127.0.0.1',
    port: 0,
    idleTimeout: 0,
    tls: { cert: pushStandInCertificate, key: pushStandInKey },
    fetch: handle,
  })
  origin = `https://127.0.0.1:${server.port}`

  return {
    url: origin,
    ca: pushStandInCertificate,
    received,
    refused,
    subscribe(applicationServerKey) {
      const ecdh = createECDH('prime256v1')
      const publicKey = ecdh.generateKeys()
      const auth = randomBytes(16)
      const path = `/push/${b64url(randomBytes(16))}`
      subscriptions.set(path, { ecdh, publicKey, auth, applicationServerKey, gone: false })
      return { endpoint: `${origin}${path}`, keys: { p256dh: b64url(publicKey), auth: b64url(auth) } }
    },
    expire(endpoint) {
      const held = subscriptions.get(new URL(endpoint).pathname)
      if (held) held.gone = true
    },
    failNext(count, fault) {
      for (let i = 0; i < count; i++) faults.push(fault)
    },
    async stop() {
      for (const release of [...hanging]) release()
      await server.stop(true)
    },
  }
}
