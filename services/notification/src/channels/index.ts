import { join } from 'node:path'
import { vars, z } from '@myshop/config'
import type { Channel } from '../messages/model.ts'
import { fileSink } from './file-sink.ts'
import type { ChannelSender } from './model.ts'
import { sendgridEmail } from './sendgrid.ts'
import { twilioSms } from './twilio.ts'
import { type VapidKeys, webPush } from './web-push.ts'

export type { ChannelSender, SendResult } from './model.ts'

const optionalText = (what: string) => z.string().min(1).optional().describe(what)

/**
 * The variables that choose and reach the providers, for the service's configuration shape. A provider whose
 * credentials are unset is replaced by the file sink under the data directory.
 */
export const channelVars = () => ({
  /** A SendGrid API key with the Mail Send permission: set, email goes through SendGrid. */
  SENDGRID_API_KEY: optionalText('a SendGrid API key (SG.…)'),
  /** Another address for SendGrid's API: a proxy, or a local server speaking its protocol. */
  SENDGRID_API_URL: vars.optionalUrl(),
  /** The verification key of SendGrid's signed Event Webhook (base64, from Mail Settings); callbacks need it. */
  SENDGRID_WEBHOOK_PUBLIC_KEY: optionalText("the Event Webhook's verification key (base64 or PEM)"),
  /** Twilio's account SID (AC…): with the token and sender below, SMS goes through Twilio. */
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/)
    .optional()
    .describe('AC and 32 hexadecimal digits'),
  /** The auth token of that account; it also verifies Twilio's status callbacks. */
  TWILIO_AUTH_TOKEN: optionalText("the Twilio account's auth token"),
  /** The number (E.164) or alphanumeric sender id SMS are sent from. */
  TWILIO_FROM: optionalText('a phone number in E.164 form (+4915…) or a sender id'),
  /** Another address for Twilio's API: a proxy, or a local server speaking its protocol. */
  TWILIO_API_URL: vars.optionalUrl(),
  /** Where Twilio reaches MyShop's status callback (the gateway's `/api/v1/webhooks/twilio`); unset, no callbacks. */
  TWILIO_STATUS_CALLBACK_URL: vars.optionalUrl(),
  /** How long a call to a provider may take before it counts as a network failure and is retried. */
  NOTIFICATION_PROVIDER_TIMEOUT_MS: vars.int(10_000, 100),
})

/** The channel settings `channelSenders` reads: the variables above, parsed. */
export interface ChannelsConfig {
  SENDGRID_API_KEY?: string | undefined
  SENDGRID_API_URL?: string | undefined
  TWILIO_ACCOUNT_SID?: string | undefined
  TWILIO_AUTH_TOKEN?: string | undefined
  TWILIO_FROM?: string | undefined
  TWILIO_API_URL?: string | undefined
  TWILIO_STATUS_CALLBACK_URL?: string | undefined
  NOTIFICATION_PROVIDER_TIMEOUT_MS: number
  /** The shop's VAPID keys (generated on first boot and kept in the database); absent, push goes to the file sink. */
  vapid?: VapidKeys | undefined
}

/**
 * One sender per channel: SendGrid when its key is set, Twilio when its account, token and sender are, web push
 * whenever the shop has VAPID keys (a browser's push service is reachable in embedded mode too); every other
 * channel writes to the file sink under `<dataDir>/notifications`.
 */
export const channelSenders = (config: ChannelsConfig, dataDir: string): Record<Channel, ChannelSender> => {
  const sink = fileSink(join(dataDir, 'notifications'))
  const timeoutMs = config.NOTIFICATION_PROVIDER_TIMEOUT_MS
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM: from } = config
  return {
    email: config.SENDGRID_API_KEY
      ? sendgridEmail({ apiKey: config.SENDGRID_API_KEY, apiUrl: config.SENDGRID_API_URL, timeoutMs })
      : sink.email,
    sms:
      accountSid && authToken && from
        ? twilioSms({
            accountSid,
            authToken,
            from,
            apiUrl: config.TWILIO_API_URL,
            statusCallbackUrl: config.TWILIO_STATUS_CALLBACK_URL,
            timeoutMs,
          })
        : sink.sms,
    push: config.vapid ? webPush({ vapid: config.vapid, timeoutMs }) : sink.push,
  }
}
