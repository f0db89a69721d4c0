import { describe, expect, test } from 'bun:test'
import type { RateLimitResult } from '@myshop/rate-limit'
import { type LimitCheck, type LimitOutcome, rateLimitHeaders } from '../src/limiter.ts'

const perIp = { limit: 100, windowMs: 60_000 }
const perUser = { limit: 20, windowMs: 10_000 }
const checks: LimitCheck[] = [
  { scope: 'ip', class: 'default', key: 'ip:default:203.0.113.7', options: perIp },
  { scope: 'user', class: 'default', key: 'user:usr_1', options: perUser },
]
const result = (r: Partial<RateLimitResult> & { limit: number }): RateLimitResult =>
  ({ ok: true, allowed: true, remaining: 10, resetMs: 1_000, retryAfterMs: 0, ...r }) as RateLimitResult
const outcome = (results: RateLimitResult[], of = checks): LimitOutcome => ({
  checks: of.slice(0, results.length),
  results,
  fellBack: false,
})

describe('RateLimit headers', () => {
  test('when everything is allowed, the limit closest to running out binds', () => {
    const h = rateLimitHeaders(
      outcome([
        result({ limit: 100, remaining: 40, resetMs: 2_500 }),
        result({ limit: 20, remaining: 3, resetMs: 900 }),
      ]),
    )
    expect(h).toEqual({
      'RateLimit-Limit': '20',
      'RateLimit-Remaining': '3',
      'RateLimit-Reset': '1',
      'RateLimit-Policy': '100;w=60, 20;w=10',
    })
  })

  test('a rejection binds over any allowed limit, the longest wait among rejections, with Retry-After', () => {
    const h = rateLimitHeaders(
      outcome([
        result({ limit: 100, allowed: false, remaining: 0, retryAfterMs: 1_200, resetMs: 5_000 }),
        result({ limit: 20, allowed: false, remaining: 0, retryAfterMs: 4_100, resetMs: 8_000 }),
      ]),
    )
    expect(h['RateLimit-Limit']).toBe('20')
    expect(h['Retry-After']).toBe('5')
    const one = rateLimitHeaders(
      outcome([
        result({ limit: 100, remaining: 0 }),
        result({ limit: 20, allowed: false, remaining: 0, retryAfterMs: 300 }),
      ]),
    )
    expect(one['RateLimit-Limit']).toBe('20')
    expect(one['Retry-After']).toBe('1')
  })

  test('the policy lists each limit once, for one limit or two, the same text every time', () => {
    expect(rateLimitHeaders(outcome([result({ limit: 100 })]))['RateLimit-Policy']).toBe('100;w=60')
    const twice = [0, 1].map(
      () => rateLimitHeaders(outcome([result({ limit: 100 }), result({ limit: 20 })]))['RateLimit-Policy'],
    )
    expect(twice).toEqual(['100;w=60, 20;w=10', '100;w=60, 20;w=10'])
    const other = { limit: 5, windowMs: 1_000 }
    const swapped: LimitCheck[] = [{ ...checks[0]!, options: other }, checks[1]!]
    expect(
      rateLimitHeaders(outcome([result({ limit: 5 }), result({ limit: 20 })], swapped))['RateLimit-Policy'],
    ).toBe('5;w=1, 20;w=10')
  })
})
