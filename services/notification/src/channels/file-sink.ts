import { randomBytes } from 'node:crypto'
import { appendFile, mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Channel, EmailMessage, OutgoingMessage } from '../messages/model.ts'
import type { ChannelSender, SendResult } from './model.ts'
import { expectChannel } from './model.ts'

/** Header values lose line breaks, so no value can add a header of its own. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ')

const isPlainAscii = (value: string) => /^[\x20-\x7e]*$/.test(value)

/** A header text as an RFC 2047 encoded-word when it is not plain ASCII. */
const encodeWord = (value: string) =>
  isPlainAscii(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`

/** An address header: only the display name is encoded, so the address stays readable to a parser. */
const encodeAddress = (value: string) => {
  const named = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value)
  if (!named?.[1]) return value.trim()
  const name = named[1].replace(/^"(.*)"$/, '$1')
  return `${isPlainAscii(name) ? `"${name.replace(/(["\\])/g, '\\$1')}"` : encodeWord(name)} <${named[2]}>`
}

/** Base64 in lines of 76 characters, as MIME asks. */
const base64Lines = (text: string) =>
  (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n')

const part = (type: string, body: string) =>
  [`Content-Type: ${type}; charset=utf-8`, 'Content-Transfer-Encoding: base64', '', base64Lines(body)].join(
    '\r\n',
  )

/**
 * An email as an RFC 5322 message: the headers (each on one line, non-ASCII text encoded) and a
 * multipart/alternative body with the text part first and the HTML part last, as mail clients prefer the last
 * part they can show.
 */
export const toEml = (email: EmailMessage, id: string, date: Date): string => {
  const boundary = `myshop-${randomBytes(12).toString('hex')}`
  const own = Object.entries(email.headers).map(
    ([name, value]) => `${oneLine(name)}: ${encodeWord(oneLine(value))}`,
  )
  const headers = [
    `From: ${encodeAddress(oneLine(email.from))}`,
    `To: ${encodeAddress(oneLine(email.to))}`,
    `Subject: ${encodeWord(oneLine(email.subject))}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${id}@myshop.invalid>`,
    `X-MyShop-Delivery-Id: ${id}`,
    ...own,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ]
  return [
    ...headers,
    '',
    `--${boundary}`,
    part('text/plain', email.text),
    `--${boundary}`,
    part('text/html', email.html),
    `--${boundary}--`,
    '',
  ].join('\r\n')
}

/** A delivery id as a file name: anything but letters, digits, `_` and `-` becomes `_`. */
const fileName = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_')

/** Writes `content` to `path` whole or not at all: a reader never sees half a file. */
const writeAtomically = async (path: string, content: string) => {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`
  await writeFile(temporary, content)
  await rename(temporary, path)
}

/** One JSON line, appended in a single write so concurrent senders never interleave within a line. */
const appendLine = (path: string, record: object) => appendFile(path, `${JSON.stringify(record)}\n`)

/**
 * The embedded default for every channel: messages are written under `dir` instead of sent. Each email is
 * `mail/<delivery id>.eml` (sending a delivery again rewrites the same file); SMS and push messages are lines of
 * `sms.jsonl` and `push.jsonl`, each with its delivery id (`id`) and time (`at`). Nothing is ever refused.
 */
export const fileSink = (dir: string, now: () => number = Date.now): Record<Channel, ChannelSender> => {
  const sender = (channel: Channel, write: (message: OutgoingMessage, id: string) => Promise<string>) => ({
    channel,
    provider: 'file',
    async send(message: OutgoingMessage, id: string): Promise<SendResult> {
      await mkdir(join(dir, 'mail'), { recursive: true })
      return { outcome: 'sent', providerMessageId: await write(message, id) }
    },
  })
  return {
    email: sender('email', async (message, id) => {
      const path = join(dir, 'mail', `${fileName(id)}.eml`)
      await writeAtomically(path, toEml(expectChannel(message, 'email'), id, new Date(now())))
      return path
    }),
    sms: sender('sms', async (message, id) => {
      const { to, body } = expectChannel(message, 'sms')
      await appendLine(join(dir, 'sms.jsonl'), { id, at: new Date(now()).toISOString(), to, body })
      return id
    }),
    push: sender('push', async (message, id) => {
      const { subscription, payload } = expectChannel(message, 'push')
      await appendLine(join(dir, 'push.jsonl'), {
        id,
        at: new Date(now()).toISOString(),
        endpoint: subscription.endpoint,
        payload,
      })
      return id
    }),
  }
}
