import { handoffOf } from '@myshop/auth'
import { requestIdFrom, type TraceContext, traceContext } from '@myshop/request-meta'

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

// Kept on the Request itself so the error handler finds it even when parsing failed before `derive` ran. A
// symbol-keyed property, because a WeakMap entry per request cost more than the rest of a cached read.
const metaKey = Symbol('myshop.requestMeta')
type WithMeta = Request & { [metaKey]?: RequestMeta }

class Meta implements RequestMeta {
  readonly startedAt = performance.now()
  finished = false
  #trace: TraceContext | undefined
  constructor(
    readonly requestId: string,
    private readonly request: Request,
    /** The gateway's trace context when it handed the request over in this process, read instead of the header. */
    private readonly parent?: string,
  ) {}

  // The trace context is worked out on first use: most requests are answered without anyone asking for it.
  #context() {
    this.#trace ??= traceContext(this.parent ?? this.request.headers.get('traceparent'))
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
  const requestId = handoff?.requestId ?? requestIdFrom(request.headers.get('x-request-id'))
  meta = new Meta(requestId, request, handoff?.traceparent)
  ;(request as WithMeta)[metaKey] = meta
  return meta
}

/** The request id and trace context an event written while handling the request carries. */
export const eventContext = (request: Request): { requestId: string; traceparent: string } => {
  const meta = requestMeta(request)
  return { requestId: meta.requestId, traceparent: meta.traceparent }
}
