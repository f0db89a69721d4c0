// Parsed here rather than with `node:net`: the gateway runs on Workers, where there is no such module.

const ipv4Part = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)$/
const ipv6Group = /^[0-9a-fA-F]{1,4}$/
const zoneId = /^%[0-9A-Za-z.:-]+$/

/** The four bytes of a dotted IPv4 address (no leading zeros, as `node:net` reads it), or null. */
const ipv4Bytes = (text: string): number[] | null => {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  const bytes: number[] = []
  for (const part of parts) {
    if (!ipv4Part.test(part)) return null
    bytes.push(Number(part))
  }
  return bytes
}

/** The sixteen bytes of an IPv6 address (`::` shorthand, a trailing dotted IPv4, a zone id), or null. */
const ipv6Bytes = (text: string): number[] | null => {
  const zone = text.indexOf('%')
  const address = zone < 0 ? text : text.slice(0, zone)
  if (zone === 0 || address.length > 45 || (zone > 0 && !zoneId.test(text.slice(zone)))) return null
  const halves = address.split('::')
  if (halves.length > 2) return null
  const groupsOf = (half: string): number[] | null => {
    if (half === '') return []
    const words: number[] = []
    const pieces = half.split(':')
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = ipv4Bytes(piece)
        if (!v4) return null
        words.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!)
      } else if (ipv6Group.test(piece)) words.push(Number.parseInt(piece, 16))
      else return null
    }
    return words
  }
  const head = groupsOf(halves[0]!)
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : []
  if (!head || !tail) return null
  const missing = 8 - head.length - tail.length
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null
  const words = [...head, ...new Array<number>(missing).fill(0), ...tail]
  return words.flatMap((w) => [w >> 8, w & 0xff])
}

/** An address as 16 bytes: IPv6 as it is, IPv4 as its IPv4-mapped IPv6 form (`::ffff:a.b.c.d`). */
const addressBytes = (text: string): number[] | null => {
  if (!text.includes(':')) {
    const v4 = ipv4Bytes(text)
    return v4 && [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4]
  }
  return ipv6Bytes(text)
}

/** Whether `text` is an IPv4 or IPv6 address. */
export const isIpAddress = (text: string): boolean => addressBytes(text) !== null

/** Whether a socket peer is a proxy whose forwarding headers are believed. */
export type ProxyTrust = (peer: string) => boolean

/** Believes no peer: every caller is its own socket address. */
export const trustNoProxy: ProxyTrust = () => false

/** Believes whoever calls: only for a process that nothing but a proxy of its own can reach. */
export const trustEveryProxy: ProxyTrust = () => true

/**
 * Believes forwarding headers only from peers in `entries` (IPv4 / IPv6 addresses and CIDR ranges, validated by
 * the caller's config). An IPv4 address matches IPv4 entries also when seen as IPv4-mapped IPv6, and the other way
 * round. Throws on an entry that is neither an address nor a range.
 */
export const proxyTrust = (entries: readonly string[]): ProxyTrust => {
  if (entries.length === 0) return trustNoProxy
  const ranges = entries.map((entry) => {
    const [address = '', bits] = entry.split('/')
    const bytes = addressBytes(address)
    const width = address.includes(':') ? 128 : 32
    const prefix = bits === undefined ? width : Number(bits)
    if (!bytes || !/^\d{1,3}$/.test(bits ?? '0') || prefix > width)
      throw new Error(`not an IP address or CIDR range: ${entry}`)
    return { bytes, prefix: prefix + 128 - width }
  })
  return (peer) => {
    const bytes = addressBytes(peer)
    return bytes !== null && ranges.some((range) => inRange(bytes, range))
  }
}

const inRange = (bytes: number[], range: { bytes: number[]; prefix: number }): boolean => {
  const whole = range.prefix >> 3
  for (let i = 0; i < whole; i++) if (bytes[i] !== range.bytes[i]) return false
  const rest = range.prefix & 7
  if (rest === 0) return true
  const mask = (0xff << (8 - rest)) & 0xff
  return (bytes[whole]! & mask) === (range.bytes[whole]! & mask)
}

/** Where a request's headers are read: a `Headers`, or anything with its `get`. */
export interface HeaderSource {
  get(name: string): string | null | undefined
}

/** Which headers a trusted proxy states the client in. */
export interface ForwardingOptions {
  trusted: ProxyTrust
  /**
   * Believe the proxy's `x-real-ip` before its `x-forwarded-for`: only for proxies that always replace it, as the
   * MyShop gateway does. A proxy that only appends to `x-forwarded-for` would pass on a client's own `x-real-ip`.
   */
  realIp: boolean
}

/**
 * The client's address. It is the socket's `peer` unless that peer is a trusted proxy; then it is what the proxy
 * states: its `x-real-ip` where `realIp` says it sets one, else the last `x-forwarded-for` hop (the one it
 * appended; earlier hops are whatever reached it). A stated value that is not an IP address is not believed.
 * Without a known peer (a handler called in process by something other than the gateway) no header is believed.
 */
export const clientAddress = <Peer extends string | null>(
  headers: HeaderSource,
  peer: Peer,
  { trusted, realIp }: ForwardingOptions,
): string | Peer => {
  if (peer === null || !trusted(peer)) return peer
  if (realIp) {
    const real = headers.get('x-real-ip')?.trim()
    if (real && isIpAddress(real)) return real
  }
  const hops = headers.get('x-forwarded-for')
  if (hops) {
    const last = hops.slice(hops.lastIndexOf(',') + 1).trim()
    if (isIpAddress(last)) return last
  }
  return peer
}
