import { handoffOf } from '@myshop/auth'

interface PeerSource {
  requestIP(request: Request): { address: string } | null
}

/**
 * The caller's IP. Handed over by the gateway in this process, it is the address the gateway worked out. Behind
 * the gateway over the network, `x-real-ip` is that same address (the gateway replaces whatever the caller sent),
 * and failing it the last `x-forwarded-for` hop (a proxy that sets only that header); either is believed only
 * when `trustProxy` is on, otherwise the socket's peer address is used.
 */
export const clientIp = (
  request: Request,
  server: PeerSource | null | undefined,
  trustProxy: boolean,
): string | null => {
  const handedOver = handoffOf(request)
  if (handedOver) return handedOver.clientIp
  if (trustProxy) {
    const real = request.headers.get('x-real-ip')?.trim()
    if (real) return real
    const hops = request.headers.get('x-forwarded-for')?.split(',')
    const last = hops?.at(-1)?.trim()
    if (last) return last
  }
  return server?.requestIP(request)?.address ?? null
}
