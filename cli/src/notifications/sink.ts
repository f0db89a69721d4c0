import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** One message the embedded file sink wrote: an email, an SMS or a web push. */
export type SinkMessage = {
  /** Unique within the sink, so a watcher prints each message once. */
  key: string
  at: string
  channel: 'email' | 'sms' | 'push'
  to: string
  /** The email's subject, the push's title, or the SMS's first line. */
  summary: string
}

/** An RFC 2047 encoded-word (`=?UTF-8?B?…?=`) back to its text; anything else as it is. */
const decodeWord = (value: string) =>
  value.replace(/=\?utf-8\?b\?([A-Za-z0-9+/=]*)\?=/gi, (_, encoded: string) =>
    Buffer.from(encoded, 'base64').toString('utf8'),
  )

/** The headers of an `.eml` file (before the first blank line), by lower-case name. */
export const emlHeaders = (eml: string): Record<string, string> => {
  const head = eml.split(/\r?\n\r?\n/, 1)[0] ?? ''
  const headers: Record<string, string> = {}
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = decodeWord(line.slice(colon + 1).trim())
  }
  return headers
}

const firstLine = (text: unknown) => (typeof text === 'string' ? (text.split('\n')[0] ?? '') : '')

/** A push payload's title: the payload is the JSON the service pushes, or text when it is not JSON. */
const pushTitle = (payload: unknown) => {
  if (typeof payload !== 'string') return ''
  try {
    const parsed = JSON.parse(payload) as { title?: unknown; body?: unknown }
    return firstLine(parsed.title ?? parsed.body)
  } catch {
    return firstLine(payload)
  }
}

const emails = async (dir: string): Promise<SinkMessage[]> => {
  const names = (await readdir(join(dir, 'mail')).catch(() => [] as string[])).filter((n) =>
    n.endsWith('.eml'),
  )
  return Promise.all(
    names.map(async (name) => {
      const headers = emlHeaders(await readFile(join(dir, 'mail', name), 'utf8'))
      const date = Date.parse(headers.date ?? '')
      return {
        key: `mail/${name}`,
        at: Number.isNaN(date) ? '' : new Date(date).toISOString(),
        channel: 'email' as const,
        to: headers.to ?? '',
        summary: headers.subject ?? '',
      }
    }),
  )
}

/** The JSON lines of `sms.jsonl` or `push.jsonl`; a line still being written (not yet valid JSON) is skipped. */
const lines = async (path: string): Promise<Record<string, unknown>[]> => {
  const text = await readFile(path, 'utf8').catch(() => '')
  return text.split('\n').flatMap((line) => {
    try {
      return line.trim() ? [JSON.parse(line) as Record<string, unknown>] : []
    } catch {
      return []
    }
  })
}

const texts = async (dir: string): Promise<SinkMessage[]> =>
  (await lines(join(dir, 'sms.jsonl'))).map((r, i) => ({
    key: `sms/${i}`,
    at: String(r.at ?? ''),
    channel: 'sms',
    to: String(r.to ?? ''),
    summary: firstLine(r.body),
  }))

const pushes = async (dir: string): Promise<SinkMessage[]> =>
  (await lines(join(dir, 'push.jsonl'))).map((r, i) => ({
    key: `push/${i}`,
    at: String(r.at ?? ''),
    channel: 'push',
    to: String(r.endpoint ?? ''),
    summary: pushTitle(r.payload),
  }))

/** Every message under a file sink's directory, oldest first; a directory not yet there holds none. */
export const readSink = async (dir: string): Promise<SinkMessage[]> => {
  const all = [...(await emails(dir)), ...(await texts(dir)), ...(await pushes(dir))]
  return all.sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key))
}
