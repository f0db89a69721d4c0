import { clientIp, type PeerSource, type ProxyTrust, requestMeta } from '@myshop/http'
import type { ClientContext } from './deps.ts'

/** How the service tells who calls: its sockets' peers, and which of them are proxies it believes. */
export interface Addressing {
  peers: PeerSource | null
  trustedProxies: ProxyTrust
}

/** The caller's address and trace, as auth decisions and events need them. */
export const clientContext = (request: Request, { peers, trustedProxies }: Addressing): ClientContext => {
  const meta = requestMeta(request)
  return {
    ip: clientIp(request, peers, trustedProxies),
    userAgent: request.headers.get('user-agent'),
    requestId: meta.requestId,
    traceparent: meta.traceparent,
  }
}

/** Tokens and codes must not be kept by any cache on the way. */
export const noStore = ({ set }: { set: { headers: Record<string, unknown> } }) => {
  set.headers['cache-control'] = 'no-store'
}
