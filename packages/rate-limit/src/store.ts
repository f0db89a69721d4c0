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

/** The script's keys and arguments for some checks: one EVALSHA answers them all. */
export const scriptCall = (checks: RateLimitCheck[], prefix: string, now?: () => number) => {
  const args: string[] = [now ? String(Math.floor(now() * 1000)) : '']
  for (const c of checks)
    args.push(String(c.options.limit), String(c.options.windowMs), String(c.options.cost ?? 1))
  return { keys: checks.map((c) => prefix + c.key), args }
}

/** Converts the script's flattened `[allowed, remaining, resetMs, retryAfterMs]*` reply into results. */
export const fromScriptReply = (reply: unknown, checks: RateLimitCheck[]): RateLimitResult[] => {
  if (!Array.isArray(reply) || reply.length !== checks.length * 4)
    throw new Error(`unexpected rate-limit reply: ${String(reply)}`)
  const n = reply.map(Number)
  return checks.map((c, i) => ({
    ok: true,
    allowed: n[i * 4] === 1,
    limit: c.options.limit,
    remaining: n[i * 4 + 1]!,
    resetMs: n[i * 4 + 2]!,
    retryAfterMs: n[i * 4 + 3]!,
  }))
}

/** SHA-1 of the script in hex, for EVALSHA; Web Crypto so it works on every runtime. */
export const scriptSha = async (script: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(script))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export const isNoScript = (e: unknown): boolean => e instanceof Error && e.message.includes('NOSCRIPT')
