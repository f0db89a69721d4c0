import { handoffOf } from '@myshop/auth'

interface PeerSource {
  requestIP(request: Request): { address: string } | null
}

/**
 * The caller's IP. Handed over by the gateway in this process, it is the address the gateway worked out. Behind
 * the gateway over the network the last `x-forwarded-for` hop is the address the gateway saw; it is believed only
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
    const hops = request.headers.get('x-forwarded-for')?.split(',')
    const last = hops?.at(-1)?.trim()
    if (last) return last
  }
  return server?.requestIP(request)?.address ?? null
}
