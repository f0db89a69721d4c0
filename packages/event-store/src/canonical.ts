import { createHash } from 'node:crypto'

/** The `prev_hash` of a chain's first entry. */
export const genesisHash = '0'.repeat(64)

/**
 * JSON with object keys sorted and no whitespace, so one value always encodes to the same text. It is the text
 * `JSON.parse` of the stored jsonb gives back too: values `JSON.stringify` drops (undefined members) or turns into
 * something else (a `Date` into its ISO string) are treated the same way here. Numbers that JSON cannot hold, and
 * bigints, are refused rather than encoded ambiguously.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`)
      return JSON.stringify(value)
    case 'object': {
      const withJson = value as { toJSON?: () => unknown }
      if (typeof withJson.toJSON === 'function') return canonicalJson(withJson.toJSON())
      if (Array.isArray(value))
        return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`
      const record = value as Record<string, unknown>
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
      return `{${members.join(',')}}`
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`)
  }
}

/** What an entry's hash covers: everything it says, and the hash of the entry before it. */
export interface HashedFields {
  /** The kind of thing the entry is about: `reservation`, `stock`, `order`. */
  streamType: string
  /** Which one: `res_…`, `SKU@location`, `ord_…`. */
  streamId: string
  /** What happened, `<entity>.<past tense>`. */
  type: string
  /** The version of `data`'s shape for this type; a change of shape is a new version. */
  version: number
  data: unknown
  /** Who caused it: a user id, or `system` for the service's own jobs. */
  actor: string
  /** ISO 8601 in UTC with milliseconds, as `Date.toISOString` writes it. */
  occurredAt: string
  prevHash: string
}

/** The canonical encoding an entry's hash is taken over. */
export const canonicalEntry = (entry: HashedFields): string =>
  canonicalJson({
    actor: entry.actor,
    data: entry.data,
    occurredAt: entry.occurredAt,
    prevHash: entry.prevHash,
    streamId: entry.streamId,
    streamType: entry.streamType,
    type: entry.type,
    version: entry.version,
  })

/** SHA-256, in lower-case hex, of the entry's canonical encoding. */
export const entryHash = (entry: HashedFields): string =>
  createHash('sha256').update(canonicalEntry(entry)).digest('hex')
