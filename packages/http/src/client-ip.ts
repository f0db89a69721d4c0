import { handoffOf } from '@myshop/auth'
import { clientAddress, type ProxyTrust } from '@myshop/request-meta'

export { type ProxyTrust, proxyTrust, trustNoProxy } from '@myshop/request-meta'

/** Where a request's socket peer is found (Bun's server, or a holder in front of it). */
export interface PeerSource {
  requestIP(request: Request): { address: string } | null
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
  return clientAddress(request.headers, peer, { trusted, realIp: true })
}
