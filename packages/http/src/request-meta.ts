import { handoffOf } from '@myshop/auth'
import { newId, randomHex } from '@myshop/ids'

/** Per-request facts every log line and problem document carries. */
export interface RequestMeta {
  requestId: string
  /** The W3C `traceparent` this service continues, with its own span id. */
  traceparent: string
  traceId: string
  startedAt: number
  /** Set once the request has been counted and logged. */
  finished: boolean
}

const requestIdPattern = /^[A-Za-z0-9._:-]{8,128}$/
const traceparentPattern = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/

// Kept on the Request itself so the error handler finds it even when parsing failed before `derive` ran. A
// symbol-keyed property, because a WeakMap entry per request cost more than the rest of a cached read.
const metaKey = Symbol('myshop.requestMeta')
type WithMeta = Request & { [metaKey]?: RequestMeta }

class Meta implements RequestMeta {
  readonly startedAt = performance.now()
  finished = false
  #trace: { traceId: string; traceparent: string } | undefined
  constructor(
    readonly requestId: string,
    private readonly request: Request,
    /** The gateway's trace context when it handed the request over in this process, read instead of the header. */
    private readonly parent?: string,
  ) {}

  // The trace context is worked out on first use: most requests are answered without anyone asking for it.
  #context() {
    if (this.#trace) return this.#trace
    const parent = traceparentPattern.exec(this.parent ?? this.request.headers.get('traceparent') ?? '')
    const traceId = parent && parent[1] !== '0'.repeat(32) ? parent[1]! : randomHex(16)
    this.#trace = { traceId, traceparent: `00-${traceId}-${randomHex(8)}-${parent?.[3] ?? '01'}` }
    return this.#trace
  }
  get traceId() {
    return this.#context().traceId
  }
  get traceparent() {
    return this.#context().traceparent
  }
}

/** Reads (or creates on first call) the request id and trace context of a request. */
export const requestMeta = (request: Request): RequestMeta => {
  let meta = (request as WithMeta)[metaKey]
  if (meta) return meta
  // Handed over by the gateway in this process: its request id and trace, not the caller's headers.
  const handoff = handoffOf(request)
  let requestId = handoff?.requestId
  if (requestId === undefined) {
    const incoming = request.headers.get('x-request-id')
    requestId = incoming && requestIdPattern.test(incoming) ? incoming : newId('req')
  }
  meta = new Meta(requestId, request, handoff?.traceparent)
  ;(request as WithMeta)[metaKey] = meta
  return meta
}

/** The request id and trace context an event written while handling the request carries. */
export const eventContext = (request: Request): { requestId: string; traceparent: string } => {
  const meta = requestMeta(request)
  return { requestId: meta.requestId, traceparent: meta.traceparent }
}
