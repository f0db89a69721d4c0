// A gateway and the services it fronts can share one process (`myshop start`). There the gateway has
// checked a token's session a moment before the service would check it again; it vouches for that by
// marking the very Request object it hands over. The mark lives in this process's memory, keyed by object
// identity: nothing read from a socket can carry it, so a request that bypassed the gateway is still
// checked in full.

const attested = new WeakMap<Request, string>()

/** Records that the session `sessionId` was found active for this request, by the caller, just now. */
export const attestActiveSession = (request: Request, sessionId: string): void => {
  attested.set(request, sessionId)
}

/** The session id vouched for on this request in this process, if any. */
export const attestedSession = (request: Request): string | undefined => attested.get(request)
