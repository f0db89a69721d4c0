import {
  memoryStore,
  type RateLimitFailure,
  type RateLimitResult,
  type RateLimitStore,
} from '@myshop/rate-limit'
import type { Limit } from './config.ts'
import type { Shared } from './context.ts'
import type { LimitClass } from './routes.ts'

export type Scope = 'ip' | 'user'

/** One limit to check: the store's key and options (the configured limit), and what it limits, for metrics. */
export interface LimitCheck {
  scope: Scope
  key: string
  options: Limit
  class: LimitClass
}

export interface LimitOutcome {
  checks: LimitCheck[]
  results: RateLimitResult[]
  /** True when the shared store failed and local limiters answered instead. */
  fellBack: boolean
  /** Whether the key asked about exists in the shared store; undefined when none was asked or it failed. */
  exists?: boolean
}

/**
 * Checks rate limits in one round trip to the shared store, falling back to local limiters when it fails. With
 * `existsKey`, and a store that can (`canLookUp`), the same round trip also says whether that key exists.
 */
export interface Limiter {
  (checks: LimitCheck[], existsKey?: string): Promise<LimitOutcome>
  /** Whether the shared store answers `existsKey` lookups. */
  canLookUp: boolean
}

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
  const { authFallbackPerIp, checkoutFallbackPerIp } = shared.config.rateLimit
  // The classes that fail closed, onto their stricter limit each instance counts alone.
  const fallback: Partial<Record<LimitClass, Limit>> = {
    auth: authFallbackPerIp,
    checkout: checkoutFallbackPerIp,
  }
  let lastLogged = Number.NEGATIVE_INFINITY
  const lookUp = store?.checkManyAndExists?.bind(store)

  const limiter = async (checks: LimitCheck[], existsKey?: string): Promise<LimitOutcome> => {
    let answer: RateLimitResult[] | RateLimitFailure
    let exists: boolean | undefined
    if (existsKey !== undefined && lookUp) {
      const both = await lookUp(checks, existsKey)
      if ('results' in both) {
        answer = both.results
        exists = both.exists
      } else answer = both
    } else answer = await primary.checkMany(checks)
    if (Array.isArray(answer)) return { checks, results: answer, fellBack: false, exists }

    if (now() - lastLogged >= logEveryMs) {
      lastLogged = now()
      shared.logger.warn({ err: answer.error.message }, 'rate-limit store unavailable, using local limiters')
    }
    const results: RateLimitResult[] = []
    const effective: LimitCheck[] = []
    for (const c of checks) {
      shared.metrics.limiterFallbacks.inc({ class: c.class })
      const strictOptions = c.scope === 'ip' ? fallback[c.class] : undefined
      const closed = strictOptions !== undefined
      const options = strictOptions ?? c.options
      const r = await (closed ? strict : local).check(c.key, options)
      // The memory store cannot fail; the type still says it might.
      if (!r.ok) throw r.error
      results.push(r)
      effective.push({ ...c, options })
    }
    return { checks: effective, results, fellBack: true }
  }
  return Object.assign(limiter, { canLookUp: lookUp !== undefined })
}

// Each limit's policy text, worked out once: the limits are configuration objects.
const policyParts = new WeakMap<Limit, string>()
const policyOf = (checks: LimitCheck[]): string => {
  let text = ''
  for (const { options } of checks) {
    let part = policyParts.get(options)
    if (part === undefined) {
      part = `${options.limit};w=${Math.ceil(options.windowMs / 1000)}`
      policyParts.set(options, part)
    }
    text = text ? `${text}, ${part}` : part
  }
  return text
}

/** The IETF RateLimit headers for an outcome: the binding limit's numbers, every limit's policy. */
export const rateLimitHeaders = (outcome: LimitOutcome): Record<string, string> => {
  const { results, checks } = outcome
  // A rejection binds by its wait; otherwise the limit closest to running out.
  let binding = results[0]!
  for (let i = 1; i < results.length; i++) {
    const r = results[i]!
    if (
      binding.allowed
        ? !r.allowed || r.remaining < binding.remaining
        : !r.allowed && r.retryAfterMs > binding.retryAfterMs
    )
      binding = r
  }
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(binding.limit),
    'RateLimit-Remaining': String(binding.remaining),
    'RateLimit-Reset': String(Math.ceil(binding.resetMs / 1000)),
    'RateLimit-Policy': policyOf(checks),
  }
  if (!binding.allowed) headers['Retry-After'] = String(Math.max(1, Math.ceil(binding.retryAfterMs / 1000)))
  return headers
}
