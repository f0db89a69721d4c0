import { randomHex } from '@myshop/ids'

/** One hop's W3C trace context: the `traceparent` to send on, and the trace it belongs to. */
export interface TraceContext {
  traceparent: string
  traceId: string
}

// version - trace-id - parent-id - flags, lowercase hex (W3C Trace Context, level 1).
const traceparentPattern = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/
const zeros = /^0+$/

/** A span id of our own: 8 random bytes, never all zero (the spec's invalid id). */
const newSpanId = (): string => {
  let span = randomHex(8)
  while (zeros.test(span)) span = randomHex(8)
  return span
}

/**
 * Continues the caller's trace with a new span for this hop, or starts one. A header the spec calls invalid
 * (version ff, an all-zero trace or parent id, upper-case or missing digits) is dropped, not propagated; a later
 * version is read as version 00 and sent on as 00, as the spec asks of a version-00 reader.
 */
export const traceContext = (incoming: string | null | undefined): TraceContext => {
  const m = incoming ? traceparentPattern.exec(incoming.trim()) : null
  const span = newSpanId()
  if (m && m[1] !== 'ff' && !zeros.test(m[2]!) && !zeros.test(m[3]!))
    return { traceparent: `00-${m[2]}-${span}-${m[4]}`, traceId: m[2]! }
  const traceId = randomHex(16)
  // Sampled: a trace started here is one the operators asked for by deploying MyShop.
  return { traceparent: `00-${traceId}-${span}-01`, traceId }
}
