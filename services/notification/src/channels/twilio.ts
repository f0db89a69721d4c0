import { AsyncLocalStorage } from 'node:async_hooks'
import twilio from 'twilio'
import type RequestClient from 'twilio/lib/base/RequestClient'
import type { ChannelSender, ResponseHeaders, SendResult } from './model.ts'
import { classifyRefusal, expectChannel, networkRetry } from './model.ts'

/** How to reach Twilio's Programmable Messaging API. */
export interface TwilioOptions {
  accountSid: string
  authToken: string
  /** The sending number (E.164) or alphanumeric sender id. */
  from: string
  /** Another address for Twilio's API (a proxy, or a local server speaking its protocol); default Twilio's. */
  apiUrl?: string
  /**
   * The public address of MyShop's Twilio status callback (`…/api/v1/webhooks/twilio`); the delivery id is added to
   * its query. Unset, Twilio reports no delivery status.
   */
  statusCallbackUrl?: string
  /** How long one call may take before it counts as a network failure and is retried (default 10 s). */
  timeoutMs?: number
  now?: () => number
}

type RequestOptions<TData> = RequestClient.RequestOptions<TData>

/** The headers of the last refusal in the send under way, which Twilio's RestException does not keep. */
type RefusalHeaders = { headers: ResponseHeaders }

/**
 * Twilio's HTTP client, as the SDK's `httpClient` option allows: it sends each request to `apiUrl` instead of
 * Twilio's host when one is given, and keeps the headers of a refusal (Retry-After) for the send that made it.
 */
class MyShopRequestClient extends twilio.RequestClient {
  constructor(
    private readonly apiUrl: string | undefined,
    private readonly refusals: AsyncLocalStorage<RefusalHeaders>,
    timeout: number,
  ) {
    super({ timeout, keepAlive: true })
  }

  override async request<TData>(opts: RequestOptions<TData>) {
    const response = await super.request<TData>(
      this.apiUrl ? { ...opts, uri: rebase(opts.uri, this.apiUrl) } : opts,
    )
    const store = this.refusals.getStore()
    if (store && response.statusCode >= 400) store.headers = response.headers as ResponseHeaders
    return response
  }
}

/** `uri`'s path and query on `base`'s origin (and under its path). */
const rebase = (uri: string, base: string) => {
  const from = new URL(uri)
  const to = new URL(base)
  return `${to.origin}${to.pathname.replace(/\/$/, '')}${from.pathname}${from.search}`
}

/** The SDK's error for an answer of 400 or more: Twilio's status, error code and text. */
interface RestException {
  status: number
  code?: number
  message: string
  moreInfo?: string
}

const isRestException = (error: unknown): error is RestException =>
  error instanceof Error && typeof (error as Partial<RestException>).status === 'number'

/** The status callback address of one delivery. */
const callbackFor = (base: string, deliveryId: string) => {
  const url = new URL(base)
  url.searchParams.set('delivery', deliveryId)
  return url.href
}

/**
 * SMS through Twilio's Messages API with the official `twilio` client. Twilio takes no idempotency key for
 * creating a message: a create repeated after a lost answer is a second SMS. The delivery id rides in the status
 * callback's query, so every status Twilio reports names its delivery, and a repeat is recognisable in its logs.
 */
export const twilioSms = (options: TwilioOptions): ChannelSender => {
  const now = options.now ?? Date.now
  const refusals = new AsyncLocalStorage<RefusalHeaders>()
  const client = twilio(options.accountSid, options.authToken, {
    httpClient: new MyShopRequestClient(options.apiUrl, refusals, options.timeoutMs ?? 10_000),
    env: {},
  })

  const send = async (
    message: Parameters<ChannelSender['send']>[0],
    deliveryId: string,
  ): Promise<SendResult> => {
    const sms = expectChannel(message, 'sms')
    const refusal: RefusalHeaders = { headers: {} }
    try {
      const created = await refusals.run(refusal, () =>
        client.messages.create({
          to: sms.to,
          from: options.from,
          body: sms.body,
          ...(options.statusCallbackUrl
            ? { statusCallback: callbackFor(options.statusCallbackUrl, deliveryId) }
            : {}),
        }),
      )
      return { outcome: 'sent', providerMessageId: created.sid }
    } catch (error) {
      if (isRestException(error))
        return classifyRefusal(
          {
            status: error.status,
            headers: refusal.headers,
            detail: `${error.status} ${error.code ?? ''} ${error.message}`.replace(/\s+/g, ' ').trim(),
          },
          now(),
        )
      return networkRetry(error)
    }
  }

  return { channel: 'sms', provider: 'twilio', send }
}
