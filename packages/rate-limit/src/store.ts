import type { RateLimitOptions, RateLimitResult } from './gcra.ts'

/** The store could not answer (Redis down, timed out): returned, never thrown, so the caller picks a fallback. */
export interface RateLimitFailure {
  ok: false
  error: Error
}

/** One key and its limits, for checking several keys in one round trip. */
export interface RateLimitCheck {
  key: string
  options: RateLimitOptions
}

/** Where limiter state lives. Every implementation runs the same GCRA math. */
export interface RateLimitStore {
  check(key: string, options: RateLimitOptions): Promise<RateLimitResult | RateLimitFailure>
  /** Checks several keys in one round trip; each key is consumed independently. */
  checkMany(checks: RateLimitCheck[]): Promise<RateLimitResult[] | RateLimitFailure>
}

export const failure = (error: unknown): RateLimitFailure => ({
  ok: false,
  error: error instanceof Error ? error : new Error(String(error)),
})

/** Settles `promise` or gives up after `ms`, so a dead store answers fast instead of holding the request. */
export const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Converts the script's `[allowed, remaining, resetMs, retryAfterMs]` reply into a result. */
export const fromScriptReply = (reply: unknown, limit: number): RateLimitResult => {
  if (!Array.isArray(reply) || reply.length !== 4)
    throw new Error(`unexpected rate-limit reply: ${String(reply)}`)
  const [allowed, remaining, resetMs, retryAfterMs] = reply.map(Number) as [number, number, number, number]
  return { ok: true, allowed: allowed === 1, limit, remaining, resetMs, retryAfterMs }
}

/** SHA-1 of the script in hex, for EVALSHA; Web Crypto so it works on every runtime. */
export const scriptSha = async (script: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(script))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export const isNoScript = (e: unknown): boolean => e instanceof Error && e.message.includes('NOSCRIPT')
