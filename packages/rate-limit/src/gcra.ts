// GCRA (generic cell rate algorithm): one timestamp per key, the "theoretical arrival time" (TAT)
// of the next request. Each request pushes the TAT forward by `interval * cost`; a request is
// allowed while the TAT stays within `interval * limit` of now. This is the TypeScript twin of
// `gcra.lua`: the two must compute the same answer from the same inputs, and the shared vectors in
// `gcra.test.ts` and `redis.test.ts` hold them to it. All times are integer microseconds so the Lua
// side (doubles, stored as strings) never loses precision.

/** What a caller asks of a limiter: at most `limit` units of cost per `windowMs`. */
export interface RateLimitOptions {
  limit: number
  windowMs: number
  /** Units this request consumes; 1 unless said otherwise, 0 only peeks. */
  cost?: number
}

/** The limiter's verdict for one key. */
export interface RateLimitResult {
  ok: true
  allowed: boolean
  limit: number
  /** Requests of cost 1 that would still be allowed right now. */
  remaining: number
  /** Milliseconds until the quota is fully replenished. */
  resetMs: number
  /** Milliseconds until this request would be allowed; 0 when it was. */
  retryAfterMs: number
}

export interface GcraDecision {
  allowed: boolean
  remaining: number
  resetMs: number
  retryAfterMs: number
  /** The TAT to store when allowed, in microseconds; null leaves the stored one unchanged. */
  newTat: number | null
  /** How long the stored TAT stays meaningful, in milliseconds. */
  ttlMs: number
}

/** The interval between two requests at the sustained rate, in microseconds; never 0. */
export const emissionInterval = (limit: number, windowMs: number): number =>
  Math.max(1, Math.floor((windowMs * 1000) / limit))

/** One GCRA step: `storedTat` is the key's TAT or null, `nowUs` the current time, both microseconds. */
export const gcra = (storedTat: number | null, nowUs: number, opts: RateLimitOptions): GcraDecision => {
  const cost = opts.cost ?? 1
  const interval = emissionInterval(opts.limit, opts.windowMs)
  const tolerance = interval * opts.limit
  const tat = storedTat === null || storedTat < nowUs ? nowUs : storedTat
  const newTat = tat + cost * interval
  const allowAt = newTat - tolerance
  if (allowAt > nowUs) {
    return {
      allowed: false,
      remaining: Math.max(0, Math.floor((nowUs - (tat - tolerance)) / interval)),
      resetMs: Math.ceil((tat - nowUs) / 1000),
      retryAfterMs: Math.ceil((allowAt - nowUs) / 1000),
      newTat: null,
      ttlMs: 0,
    }
  }
  const ttlMs = Math.max(1, Math.ceil((newTat - nowUs) / 1000))
  return {
    allowed: true,
    remaining: Math.floor((nowUs - allowAt) / interval),
    resetMs: Math.ceil((newTat - nowUs) / 1000),
    retryAfterMs: 0,
    newTat,
    ttlMs,
  }
}
