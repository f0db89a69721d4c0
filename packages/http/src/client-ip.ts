import { BlockList, isIP } from 'node:net'
import { handoffOf } from '@myshop/auth'

/** Where a request's socket peer is found (Bun's server, or a holder in front of it). */
export interface PeerSource {
  requestIP(request: Request): { address: string } | null
}

/** Whether a socket peer is a proxy whose forwarding headers are believed. */
export type ProxyTrust = (peer: string) => boolean

/** Believes no peer: every caller is its own socket address. */
export const trustNoProxy: ProxyTrust = () => false

/**
 * Believes forwarding headers only from peers in `entries` (IPv4 / IPv6 addresses and CIDR ranges, as
 * TRUSTED_PROXIES lists them; validated at boot). IPv4 peers seen as IPv4-mapped IPv6 match IPv4 entries.
 */
export const proxyTrust = (entries: readonly string[]): ProxyTrust => {
  if (entries.length === 0) return trustNoProxy
  const list = new BlockList()
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/')
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4'
    if (bits === undefined) list.addAddress(address, family)
    else list.addSubnet(address, Number(bits), family)
  }
  return (peer) => {
    const family = isIP(peer)
    return family !== 0 && list.check(peer, family === 6 ? 'ipv6' : 'ipv4')
  }
}

/**
 * The caller's IP. Handed over by the gateway in this process, it is the address the gateway worked out. Otherwise
 * it is the socket's peer, unless that peer is a trusted proxy (the gateway across the network): then `x-real-ip`
 * (the gateway replaces whatever the caller sent), failing it the last `x-forwarded-for` hop (a proxy that sets
 * only that header). A caller that goes around the gateway cannot choose the address its attempts count against.
 * Without a known peer (a handler called in process by something other than the gateway) no header is believed.
 */
export const clientIp = (
  request: Request,
  peers: PeerSource | null | undefined,
  trusted: ProxyTrust,
): string | null => {
  const handedOver = handoffOf(request)
  if (handedOver) return handedOver.clientIp
  const peer = peers?.requestIP(request)?.address ?? null
  if (peer !== null && trusted(peer)) {
    const real = request.headers.get('x-real-ip')?.trim()
    if (real) return real
    const hops = request.headers.get('x-forwarded-for')?.split(',')
    const last = hops?.at(-1)?.trim()
    if (last) return last
  }
  return peer
}
