import { describe, expect, test } from 'bun:test'
import { classifyRefusal, networkRetry, retryAfterMs } from './model.ts'

const now = Date.UTC(2027, 0, 1)

describe('retryAfterMs', () => {
  test('reads Retry-After in seconds or as an HTTP date', () => {
    expect(retryAfterMs({ 'retry-after': '12' }, now)).toBe(12_000)
    expect(retryAfterMs({ 'retry-after': new Date(now + 30_000).toUTCString() }, now)).toBe(30_000)
  })

  test("falls back to SendGrid's X-RateLimit-Reset, and to nothing", () => {
    expect(retryAfterMs({ 'x-ratelimit-reset': String(now / 1000 + 4) }, now)).toBe(4000)
    expect(retryAfterMs({}, now)).toBeUndefined()
  })
})

describe('classifyRefusal', () => {
  const refusal = (status: number) => classifyRefusal({ status, headers: {}, detail: 'x' }, now)

  test('retries 429, 5xx, 408 and refused credentials; refuses other 4xx for good', () => {
    expect(refusal(429)).toEqual({ outcome: 'retry', errorClass: 'rate_limited', detail: 'x' })
    expect(refusal(503)).toMatchObject({ outcome: 'retry', errorClass: 'provider_error' })
    expect(refusal(408)).toMatchObject({ outcome: 'retry', errorClass: 'network' })
    expect(refusal(401)).toMatchObject({ outcome: 'retry', errorClass: 'provider_error' })
    expect(refusal(400)).toEqual({ outcome: 'failed', errorClass: 'rejected', detail: 'x' })
  })
})

describe('networkRetry', () => {
  test('answers a refused connection as a network retry and throws anything else again', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    expect(networkRetry(refused)).toMatchObject({ outcome: 'retry', errorClass: 'network' })
    expect(() => networkRetry(new TypeError('x is undefined'))).toThrow(TypeError)
  })
})
