import { Client } from '@sendgrid/client'
import { MailService } from '@sendgrid/mail'
import type { ChannelSender, ResponseHeaders, SendResult } from './model.ts'
import { classifyRefusal, expectChannel, networkRetry } from './model.ts'

/** How to reach SendGrid's Mail Send API. */
export interface SendgridOptions {
  /** An API key with the Mail Send permission (`SG.…`). */
  apiKey: string
  /** Another address for SendGrid's API (a proxy, or a local server speaking its protocol); default SendGrid's. */
  apiUrl?: string
  /** How long one call may take before it counts as a network failure and is retried (default 10 s). */
  timeoutMs?: number
  now?: () => number
}

/** The client's error for an HTTP answer of 400 or more (its class is not exported at run time). */
interface ResponseError {
  code: number
  message: string
  response: { headers: ResponseHeaders; body: unknown }
}

const isResponseError = (error: unknown): error is ResponseError =>
  error instanceof Error &&
  typeof (error as Partial<ResponseError>).code === 'number' &&
  typeof (error as Partial<ResponseError>).response === 'object'

/** The text of SendGrid's `{ errors: [{ message, field }] }` answer, or its status when it gave none. */
const errorText = (error: ResponseError) => {
  const body = error.response.body as { errors?: { message?: string; field?: string | null }[] } | null
  const messages = (body?.errors ?? []).map((e) => (e.field ? `${e.field}: ${e.message}` : String(e.message)))
  return messages.length > 0 ? `${error.code} ${messages.join('; ')}` : `${error.code} ${error.message}`
}

/**
 * Email through SendGrid's v3 Mail Send API with the official `@sendgrid/mail` client. SendGrid takes no idempotency
 * key: a send repeated after a lost answer is a second email. The delivery id goes along as `custom_args.delivery_id`,
 * which SendGrid copies into every Event Webhook event, so a repeat is at least recognisable and a callback finds
 * its delivery even when the `X-Message-Id` answer was lost.
 */
export const sendgridEmail = (options: SendgridOptions): ChannelSender => {
  const now = options.now ?? Date.now
  const client = new Client()
  client.setApiKey(options.apiKey)
  // setApiKey resets the base URL to SendGrid's region, so another address is set after it.
  if (options.apiUrl) client.setDefaultRequest('baseUrl', options.apiUrl.replace(/\/?$/, '/'))
  const mail = new MailService()
  mail.setClient(client)
  mail.setTimeout(options.timeoutMs ?? 10_000)

  const send = async (
    message: Parameters<ChannelSender['send']>[0],
    deliveryId: string,
  ): Promise<SendResult> => {
    const email = expectChannel(message, 'email')
    try {
      const [response] = await mail.send({
        to: email.to,
        from: email.from,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: email.headers,
        customArgs: { delivery_id: deliveryId },
      })
      const id = response.headers['x-message-id']
      return { outcome: 'sent', providerMessageId: typeof id === 'string' ? id : null }
    } catch (error) {
      if (isResponseError(error))
        return classifyRefusal(
          { status: error.code, headers: { ...error.response.headers }, detail: errorText(error) },
          now(),
        )
      return networkRetry(error)
    }
  }

  return { channel: 'email', provider: 'sendgrid', send }
}
