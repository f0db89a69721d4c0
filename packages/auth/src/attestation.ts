// A gateway and the services it fronts can share one process (`myshop start`). There the gateway has
// checked a token's session a moment before the service would check it again; it vouches for that by
// marking the very Request object it hands over. The mark is a property under a symbol only this module holds:
// nothing read from a socket can carry it, and no other code can set it, so a request that bypassed the gateway
// is still checked in full. (A property rather than a WeakMap entry: a WeakMap entry per request cost the
// collector more than the lookup it saved.)

const handoffMark = Symbol('myshop.handoff')
type HandedOff = Request & { [handoffMark]?: Handoff }

/**
 * What the gateway in this process says about a request it hands to a service here, in place of the forwarding
 * headers it writes for a service across the network: who called, and the request and trace the service continues.
 * The kit reads these facts (`clientIp`, `requestMeta`) before any header, so a caller's own `x-forwarded-for` or
 * `x-request-id` never speaks for it in process either.
 */
export interface Handoff {
  /** The caller's address, as the gateway worked it out (its socket peer, or a trusted proxy's last hop). */
  clientIp: string
  /** The request id the gateway answers with. */
  requestId: string
  /** The gateway's W3C trace context: the service's spans are its children. */
  traceparent: string
  /** The token's session, found active by the gateway a moment ago: the service need not ask the store again. */
  sessionId?: string | undefined
}

/** Records what the gateway in this process vouches for about `request`, which it hands over as it is. */
export const handOff = (request: Request, handoff: Handoff): void => {
  ;(request as HandedOff)[handoffMark] = handoff
}

/** The facts the gateway in this process handed over with this request, if it came that way. */
export const handoffOf = (request: Request): Handoff | undefined => (request as HandedOff)[handoffMark]

/** The session id vouched for on this request in this process, if any. */
export const attestedSession = (request: Request): string | undefined => handoffOf(request)?.sessionId
