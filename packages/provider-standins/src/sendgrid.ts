import { generateKeyPairSync, randomBytes, sign } from 'node:crypto'

/**
 * A local SendGrid for tests: an HTTP server speaking the v3 Mail Send API (`POST /v3/mail/send`, Bearer API key,
 * SendGrid's JSON body, 202 with `X-Message-Id`, its `{ errors: [...] }` refusals) and a signer of Event Webhook
 * POSTs made as SendGrid makes them (ECDSA P-256 over timestamp + body), so MyShop's email channel is tested
 * through `@sendgrid/mail` and `@sendgrid/eventwebhook` without reaching SendGrid.
 */

/** One email SendGrid accepted, as its body described it. */
export interface SendgridMail {
  messageId: string
  to: string[]
  from: string
  subject: string
  /** `content` by type (`text/plain`, `text/html`). */
  content: Record<string, string>
  headers: Record<string, string>
  customArgs: Record<string, string>
}

/** One request the stand-in received. */
export interface SendgridRequest {
  method: string
  path: string
  body: unknown
  status: number
}

/** A failure the next requests are answered with: 429, 500, or no answer at all (until `stop`). */
export type SendgridFault = 'rate_limit' | 'server_error' | 'hang'

/** An Event Webhook POST: its raw body and headers. */
export interface SignedEvents {
  body: string
  headers: Record<string, string>
}

export interface SendgridStandInOptions {
  /** The only API key accepted (default `SG.myshop-standin.key`). */
  apiKey?: string
  now?: () => number
  /** Seconds until a rate-limited client may send again, named in `X-RateLimit-Reset` (default 5). */
  rateLimitResetSeconds?: number
}

export interface SendgridStandIn {
  url: string
  apiKey: string
  /** The Event Webhook verification key as SendGrid shows it: base64 DER (SubjectPublicKeyInfo). */
  publicKey: string
  mails: SendgridMail[]
  requests: SendgridRequest[]
  failNext(count: number, fault: SendgridFault): void
  /**
   * An Event Webhook POST carrying `events` (each gets `sg_event_id` and `timestamp` when it has none), signed with
   * the stand-in's key, or another private key (PEM) to forge one.
   */
  events(
    events: Record<string, unknown>[],
    options?: { privateKey?: string; timestamp?: number },
  ): SignedEvents
  /** A second key pair, for signatures that must not verify. */
  otherPrivateKey: string
  stop(): Promise<void>
}

const sendgridError = (
  status: number,
  errors: { message: string; field?: string | null; help?: string | null }[],
) => ({ status, body: { errors: errors.map((e) => ({ field: null, help: null, ...e })) } }) as const

/** SendGrid's own check of an address: something@domain.tld, no spaces. */
const validAddress = (value: unknown) =>
  typeof value === 'string' && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(value)

type Body = Record<string, unknown>
const asList = (value: unknown): Body[] => (Array.isArray(value) ? (value as Body[]) : [])

/** The body's problems as SendGrid names them, each with the field at fault. */
const problemsOf = (body: Body) => {
  const problems: { message: string; field: string }[] = []
  const personalizations = asList(body.personalizations)
  if (personalizations.length === 0)
    problems.push({ message: 'The personalizations field is required.', field: 'personalizations' })
  personalizations.forEach((p, i) => {
    asList(p.to).forEach((to, j) => {
      if (!validAddress(to.email))
        problems.push({
          message: 'Does not contain a valid address.',
          field: `personalizations.${i}.to.${j}.email`,
        })
    })
  })
  const from = body.from as Body | undefined
  if (!validAddress(from?.email))
    problems.push({ message: 'The from address does not contain a valid address.', field: 'from.email' })
  if (typeof body.subject !== 'string' && !personalizations.some((p) => typeof p.subject === 'string'))
    problems.push({ message: 'The subject is required.', field: 'subject' })
  const content = asList(body.content)
  if (content.length === 0 || content.some((c) => typeof c.value !== 'string' || c.value === ''))
    problems.push({
      message: 'The content value must be a string at least one character in length.',
      field: 'content.0.value',
    })
  return problems
}

const mailOf = (body: Body, messageId: string): SendgridMail => {
  const personalizations = asList(body.personalizations)
  return {
    messageId,
    to: personalizations.flatMap((p) => asList(p.to).map((to) => String(to.email))),
    from: String((body.from as Body).email),
    subject: String(body.subject ?? personalizations[0]?.subject),
    content: Object.fromEntries(asList(body.content).map((c) => [String(c.type), String(c.value)])),
    headers: { ...(body.headers as Record<string, string> | undefined) },
    customArgs: {
      ...(body.custom_args as Record<string, string> | undefined),
      ...(personalizations[0]?.custom_args as Record<string, string> | undefined),
    },
  }
}

const keyPair = () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  }
}

/** Starts a stand-in on a free port of 127.0.0.1. */
export const startSendgridStandIn = (options: SendgridStandInOptions = {}): SendgridStandIn => {
  const apiKey = options.apiKey ?? 'SG.myshop-standin.key'
  const now = options.now ?? Date.now
  const signing = keyPair()
  const other = keyPair()
  const mails: SendgridMail[] = []
  const requests: SendgridRequest[] = []
  const faults: SendgridFault[] = []
  const hanging = new Set<() => void>()

  const answer = (
    entry: SendgridRequest,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    entry.status = status
    return new Response(body === null ? null : JSON.stringify(body), {
      status,
      headers: { ...(body === null ? {} : { 'content-type': 'application/json' }), ...headers },
    })
  }

  const faultAnswer = (entry: SendgridRequest, fault: SendgridFault) => {
    if (fault === 'hang')
      return new Promise<Response>((resolve) => {
        const release = () => {
          hanging.delete(release)
          resolve(answer(entry, 503, { errors: [{ message: 'stopped', field: null, help: null }] }))
        }
        hanging.add(release)
      })
    if (fault === 'server_error')
      return answer(entry, 500, sendgridError(500, [{ message: 'internal error' }]).body)
    const reset = Math.floor(now() / 1000) + (options.rateLimitResetSeconds ?? 5)
    return answer(entry, 429, sendgridError(429, [{ message: 'too many requests' }]).body, {
      'x-ratelimit-limit': '600',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(reset),
    })
  }

  const handle = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname
    const text = request.method === 'POST' ? await request.text() : ''
    let body: unknown = null
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      body = text
    }
    const entry: SendgridRequest = { method: request.method, path, body, status: 0 }
    requests.push(entry)
    if (request.headers.get('authorization') !== `Bearer ${apiKey}`)
      return answer(
        entry,
        401,
        sendgridError(401, [{ message: 'The provided authorization grant is invalid, expired, or revoked' }])
          .body,
      )
    if (request.method !== 'POST' || path !== '/v3/mail/send')
      return answer(entry, 404, sendgridError(404, [{ message: 'resource not found' }]).body)
    const fault = faults.shift()
    if (fault) return faultAnswer(entry, fault)
    if (!body || typeof body !== 'object')
      return answer(entry, 400, sendgridError(400, [{ message: 'Bad Request', field: null }]).body)
    const problems = problemsOf(body as Body)
    if (problems.length > 0) return answer(entry, 400, sendgridError(400, problems).body)
    const messageId = randomBytes(16).toString('base64url').slice(0, 22)
    mails.push(mailOf(body as Body, messageId))
    return answer(entry, 202, null, { 'x-message-id': messageId })
  }

  const server = Bun.serve({ hostname: '127.0.0.1', port: 0, idleTimeout: 0, fetch: handle })

  return {
    url: `http://127.0.0.1:${server.port}`,
    apiKey,
    publicKey: signing.publicKey,
    otherPrivateKey: other.privateKey,
    mails,
    requests,
    failNext(count, fault) {
      for (let i = 0; i < count; i++) faults.push(fault)
    },
    events(events, signingOptions = {}) {
      const timestamp = String(signingOptions.timestamp ?? Math.floor(now() / 1000))
      const body = JSON.stringify(
        events.map((event) => ({
          timestamp: Number(timestamp),
          sg_event_id: randomBytes(16).toString('base64url'),
          ...event,
        })),
      )
      const signature = sign(
        'sha256',
        Buffer.from(timestamp + body),
        signingOptions.privateKey ?? signing.privateKey,
      )
      return {
        body,
        headers: {
          'content-type': 'application/json',
          'x-twilio-email-event-webhook-signature': signature.toString('base64'),
          'x-twilio-email-event-webhook-timestamp': timestamp,
        },
      }
    },
    async stop() {
      for (const release of [...hanging]) release()
      await server.stop(true)
    },
  }
}
