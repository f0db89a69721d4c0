import { memoryStore, type RateLimitResult, type RateLimitStore } from '@myshop/rate-limit'
import type { Limit } from './config.ts'
import type { Shared } from './context.ts'
import type { LimitClass } from './routes.ts'

export type Scope = 'ip' | 'user'

export interface LimitCheck {
  scope: Scope
  key: string
  limit: Limit
  class: LimitClass
}

export interface LimitOutcome {
  checks: LimitCheck[]
  results: RateLimitResult[]
  /** True when the shared store failed and local limiters answered instead. */
  fellBack: boolean
}

/** Checks rate limits in one round trip to the shared store, falling back to local limiters when it fails. */
export type Limiter = (checks: LimitCheck[]) => Promise<LimitOutcome>

const logEveryMs = 10_000

/**
 * With no shared store (embedded mode) the in-process store is the limiter. When the shared store
 * fails, `default` checks fail open onto a local limiter with the same limits, while `auth` checks
 * by IP fail closed onto a much stricter one: each instance counts alone then, and login must not
 * become N times easier to brute-force while Redis is down.
 */
export const createLimiter = (shared: Shared, store: RateLimitStore | null): Limiter => {
  const now = shared.now
  const primary = store ?? memoryStore({ now })
  const local = memoryStore({ now })
  const strict = memoryStore({ now })
  const { authFallbackPerIp } = shared.config.rateLimit
  let lastLogged = Number.NEGATIVE_INFINITY

  return async (checks) => {
    const answer = await primary.checkMany(checks.map((c) => ({ key: c.key, options: c.limit })))
    if (Array.isArray(answer)) return { checks, results: answer, fellBack: false }

    if (now() - lastLogged >= logEveryMs) {
      lastLogged = now()
      shared.logger.warn({ err: answer.error.message }, 'rate-limit store unavailable, using local limiters')
    }
    const results: RateLimitResult[] = []
    const effective: LimitCheck[] = []
    for (const c of checks) {
      shared.metrics.limiterFallbacks.inc({ class: c.class })
      const closed = c.class === 'auth' && c.scope === 'ip'
      const limit = closed ? authFallbackPerIp : c.limit
      const r = await (closed ? strict : local).check(c.key, limit)
      // The memory store cannot fail; the type still says it might.
      if (!r.ok) throw r.error
      results.push(r)
      effective.push({ ...c, limit })
    }
    return { checks: effective, results, fellBack: true }
  }
}

/** The IETF RateLimit headers for an outcome: the binding limit's numbers, every limit's policy. */
export const rateLimitHeaders = (outcome: LimitOutcome): Record<string, string> => {
  const { results, checks } = outcome
  const rejected = results.filter((r) => !r.allowed)
  // A rejection binds by its wait; otherwise the limit closest to running out.
  const binding = rejected.length
    ? rejected.reduce((a, b) => (b.retryAfterMs > a.retryAfterMs ? b : a))
    : results.reduce((a, b) => (b.remaining < a.remaining ? b : a))
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(binding.limit),
    'RateLimit-Remaining': String(binding.remaining),
    'RateLimit-Reset': String(Math.ceil(binding.resetMs / 1000)),
    'RateLimit-Policy': checks
      .map((c) => `${c.limit.limit};w=${Math.ceil(c.limit.windowMs / 1000)}`)
      .join(', '),
  }
  if (!binding.allowed) headers['Retry-After'] = String(Math.max(1, Math.ceil(binding.retryAfterMs / 1000)))
  return headers
}
