interface PeerSource {
  requestIP(request: Request): { address: string } | null
}

/**
 * The caller's IP. Behind the gateway the last `x-forwarded-for` hop is the address the gateway saw;
 * it is believed only when `trustProxy` is on, otherwise the socket's peer address is used.
 */
export const clientIp = (
  request: Request,
  server: PeerSource | null | undefined,
  trustProxy: boolean,
): string | null => {
  if (trustProxy) {
    const hops = request.headers.get('x-forwarded-for')?.split(',')
    const last = hops?.at(-1)?.trim()
    if (last) return last
  }
  return server?.requestIP(request)?.address ?? null
}
