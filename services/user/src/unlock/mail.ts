import { appendFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'

/** A message to an account's owner. */
export interface Mail {
  to: string
  subject: string
  text: string
}

/** Where messages to account owners go. MyShop has no email provider yet, so this is a file an operator opens. */
export interface MailSink {
  send(mail: Mail): Promise<void>
  /** Where the messages can be read, for log lines. */
  readonly location: string
}

/**
 * Appends each message as one JSON line to `<dataDir>/mail/outgoing.jsonl`, readable by the service's user only:
 * messages carry one-time codes.
 */
export const fileMailSink = (dataDir: string, now: () => number = Date.now): MailSink => {
  const dir = join(dataDir, 'mail')
  const location = join(dir, 'outgoing.jsonl')
  return {
    location,
    async send(mail) {
      await mkdir(dir, { recursive: true, mode: 0o700 })
      await appendFile(location, `${JSON.stringify({ at: new Date(now()).toISOString(), ...mail })}\n`, {
        mode: 0o600,
      })
    },
  }
}
