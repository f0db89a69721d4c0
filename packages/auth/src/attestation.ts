// A gateway and the services it fronts can share one process (`myshop start`). There the gateway has
// checked a token's session a moment before the service would check it again; it vouches for that by
// marking the very Request object it hands over. The mark is a property under a symbol only this module holds:
// nothing read from a socket can carry it, and no other code can set it, so a request that bypassed the gateway
// is still checked in full. (A property rather than a WeakMap entry: a WeakMap entry per request cost the
// collector more than the lookup it saved.)

const mark = Symbol('myshop.attestedSession')
type Marked = Request & { [mark]?: string }

/** Records that the session `sessionId` was found active for this request, by the caller, just now. */
export const attestActiveSession = (request: Request, sessionId: string): void => {
  ;(request as Marked)[mark] = sessionId
}

/** The session id vouched for on this request in this process, if any. */
export const attestedSession = (request: Request): string | undefined => (request as Marked)[mark]
