import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { CliError, exitCodes } from '../errors.ts'
import { checkColumns, type SourceItem, toSourceItem } from './rows.ts'

/** Non-blank lines of a JSON Lines file (a record cannot span lines), counted without parsing. */
export const countJsonl = async (chunks: AsyncIterable<Uint8Array>): Promise<number> => {
  let records = 0
  let lineHasContent = false
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]
      if (byte === 0x0a) {
        if (lineHasContent) records++
        lineHasContent = false
      } else if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) lineHasContent = true
    }
  }
  return lineHasContent ? records + 1 : records
}

/**
 * Streams catalog rows out of JSON Lines, one object per line with the catalog columns as keys. A line that
 * is not a JSON object, or has a field of the wrong type, is a failure for that line. Unknown keys in the
 * first record are a usage error (most likely a typo on every line); later they fail their own line.
 */
export async function* parseJsonl(input: Readable): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let number = 0
  let first = true
  for await (const raw of lines) {
    number++
    const text = number === 1 ? raw.replace(/^\uFEFF/, '') : raw
    if (!text.trim()) continue
    let record: unknown
    try {
      record = JSON.parse(text)
    } catch (error) {
      yield {
        failure: {
          line: number,
          sku: '',
          errors: [{ path: '', message: `not JSON: ${(error as Error).message}` }],
        },
      }
      continue
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      yield { failure: { line: number, sku: '', errors: [{ path: '', message: 'not a JSON object' }] } }
      continue
    }
    if (first) {
      first = false
      const unknown = checkColumns(Object.keys(record)).filter((p) => p.startsWith('unknown'))
      if (unknown.length) {
        throw new CliError('usage_error', `line ${number}: ${unknown.join('; ')}`, exitCodes.usage)
      }
    }
    yield toSourceItem(record as Record<string, unknown>, number)
  }
}
