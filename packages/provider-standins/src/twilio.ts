import { randomBytes } from 'node:crypto'
import twilio from 'twilio'

/**
 * A local Twilio for tests: an HTTP server speaking the Messages API (`POST /2010-04-01/Accounts/:sid/Messages.json`,
 * form-encoded, HTTP basic auth with the account SID and auth token, Twilio's Message JSON and error bodies) and a
 * maker of status callbacks signed as Twilio signs them (`X-Twilio-Signature`), so MyShop's SMS channel is tested
 * through the `twilio` client without reaching Twilio.
 */

/** A message as Twilio answers it. */
export interface TwilioMessage {
  sid: string
  account_sid: string
  api_version: '2010-04-01'
  body: string
  date_created: string
  date_sent: string | null
  date_updated: string
  direction: 'outbound-api'
  error_code: number | null
  error_message: string | null
  from: string
  messaging_service_sid: string | null
  num_media: string
  num_segments: string
  price: string | null
  price_unit: string
  status: string
  status_callback: string | null
  subresource_uris: Record<string, string>
  to: string
  uri: string
}

export type TwilioFault = 'rate_limit' | 'server_error' | 'hang'

/** A status callback as Twilio would POST it. */
export interface SignedCallback {
  url: string
  params: Record<string, string>
  /** The form-encoded body. */
  body: string
  headers: Record<string, string>
}

export interface TwilioStandInOptions {
  accountSid?: string
  authToken?: string
  /** The numbers the account owns and may send from (default `+15005550006`). */
  numbers?: string[]
  /** Seconds named in Retry-After with a 429 (default 3). */
  retryAfterSeconds?: number
  now?: () => number
}

export interface TwilioStandIn {
  url: string
  accountSid: string
  authToken: string
  from: string
  messages: TwilioMessage[]
  requests: { method: string; path: string; params: Record<string, string>; status: number }[]
  failNext(count: number, fault: TwilioFault): void
  /**
   * Moves a message to `status` and answers the callback Twilio would POST to its `StatusCallback`, signed with the
   * auth token (or `authToken` to forge one).
   */
  statusCallback(
    sid: string,
    status: 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed',
    options?: { errorCode?: string; authToken?: string },
  ): SignedCallback
  stop(): Promise<void>
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex')

const twilioError = (status: number, code: number, message: string) => ({
  code,
  message,
  more_info: `https://www.twilio.com/docs/errors/${code}`,
  status,
})

const e164 = /^\+[1-9]\d{6,14}$/

/** Starts a stand-in on a free port of 127.0.0.1. */
export const startTwilioStandIn = (options: TwilioStandInOptions = {}): TwilioStandIn => {
  const accountSid = options.accountSid ?? `AC${hex(16)}`
  const authToken = options.authToken ?? hex(16)
  const numbers = options.numbers ?? ['+15005550006']
  const now = options.now ?? Date.now
  const messages: TwilioMessage[] = []
  const requests: TwilioStandIn['requests'] = []
  const faults: TwilioFault[] = []
  const hanging = new Set<() => void>()
  const basePath = `/2010-04-01/Accounts/${accountSid}`

  const json = (status: number, body: object, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', 'twilio-request-id': `RQ${hex(16)}`, ...headers },
    })

  const faultAnswer = (fault: TwilioFault) => {
    if (fault === 'hang')
      return new Promise<Response>((resolve) => {
        const release = () => {
          hanging.delete(release)
          resolve(json(503, twilioError(503, 20500, 'Service unavailable')))
        }
        hanging.add(release)
      })
    if (fault === 'server_error') return json(500, twilioError(500, 20500, 'Internal Server Error'))
    return json(429, twilioError(429, 20429, 'Too Many Requests'), {
      'retry-after': String(options.retryAfterSeconds ?? 3),
    })
  }

  const authorized = (request: Request) =>
    request.headers.get('authorization') ===
    `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`

  const create = (params: Record<string, string>) => {
    const { To: to, From: from, Body: body } = params
    if (!to) return json(400, twilioError(400, 21604, "A 'To' phone number is required."))
    if (!e164.test(to))
      return json(400, twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`))
    if (!from || !numbers.includes(from))
      return json(
        400,
        twilioError(
          400,
          21659,
          `'From' ${from ?? ''} is not a Twilio phone number or Short Code country mismatch`,
        ),
      )
    if (!body) return json(400, twilioError(400, 21602, 'Message body is required.'))
    const sid = `SM${hex(16)}`
    const date = new Date(now()).toUTCString().replace('GMT', '+0000')
    const message: TwilioMessage = {
      sid,
      account_sid: accountSid,
      api_version: '2010-04-01',
      body,
      date_created: date,
      date_sent: null,
      date_updated: date,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from,
      messaging_service_sid: null,
      num_media: '0',
      num_segments: String(Math.ceil(body.length / 160)),
      price: null,
      price_unit: 'USD',
      status: 'queued',
      status_callback: params.StatusCallback ?? null,
      subresource_uris: { media: `${basePath}/Messages/${sid}/Media.json` },
      to,
      uri: `${basePath}/Messages/${sid}.json`,
    }
    messages.push(message)
    return json(201, message)
  }

  const handle = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname
    const params = Object.fromEntries(
      new URLSearchParams(request.method === 'POST' ? await request.text() : ''),
    )
    const entry = { method: request.method, path, params, status: 0 }
    requests.push(entry)
    const answer = async () => {
      if (!authorized(request))
        return json(401, twilioError(401, 20003, 'Authentication Error - invalid username'))
      if (request.method !== 'POST' || path !== `${basePath}/Messages.json`)
        return json(404, twilioError(404, 20404, `The requested resource ${path} was not found`))
      const fault = faults.shift()
      return fault ? faultAnswer(fault) : create(params)
    }
    const response = await answer()
    entry.status = response.status
    return response
  }

  const server = Bun.serve({ hostname: '127.0.0.1', port: 0, idleTimeout: 0, fetch: handle })

  return {
    url: `http://127.0.0.1:${server.port}`,
    accountSid,
    authToken,
    from: numbers[0]!,
    messages,
    requests,
    failNext(count, fault) {
      for (let i = 0; i < count; i++) faults.push(fault)
    },
    statusCallback(sid, status, callbackOptions = {}) {
      const message = messages.find((m) => m.sid === sid)
      if (!message?.status_callback) throw new Error(`message ${sid} has no status callback`)
      message.status = status
      if (callbackOptions.errorCode) message.error_code = Number(callbackOptions.errorCode)
      const params: Record<string, string> = {
        AccountSid: accountSid,
        ApiVersion: '2010-04-01',
        From: message.from,
        MessageSid: sid,
        MessageStatus: status,
        SmsSid: sid,
        SmsStatus: status,
        To: message.to,
        ...(callbackOptions.errorCode ? { ErrorCode: callbackOptions.errorCode } : {}),
      }
      const url = message.status_callback
      const signature = twilio.getExpectedTwilioSignature(callbackOptions.authToken ?? authToken, url, params)
      return {
        url,
        params,
        body: new URLSearchParams(params).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      }
    },
    async stop() {
      for (const release of [...hanging]) release()
      await server.stop(true)
    },
  }
}
