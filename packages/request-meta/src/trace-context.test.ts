import { describe, expect, test } from 'bun:test'
import { traceContext } from './trace-context.ts'

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736'
const parent = `00-${traceId}-00f067aa0ba902b7-01`
const fresh = /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/

describe('traceContext', () => {
  test("continues the caller's trace with a span of its own, keeping the flags", () => {
    const next = traceContext(parent)
    expect(next.traceId).toBe(traceId)
    expect(next.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`))
    expect(next.traceparent).not.toBe(parent)
    expect(traceContext(`00-${traceId}-00f067aa0ba902b7-00`).traceparent.endsWith('-00')).toBe(true)
  })

  test('reads a later version as 00 and sends it on as 00', () => {
    const next = traceContext(`01-${traceId}-00f067aa0ba902b7-01`)
    expect(next.traceId).toBe(traceId)
    expect(next.traceparent.startsWith(`00-${traceId}-`)).toBe(true)
  })

  test('starts a new sampled trace for a missing or invalid header', () => {
    for (const bad of [
      undefined,
      null,
      '',
      'garbage',
      `ff-${traceId}-00f067aa0ba902b7-01`,
      `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`,
      `00-${traceId}-${'0'.repeat(16)}-01`,
      `00-${traceId.toUpperCase()}-00f067aa0ba902b7-01`,
      `00-${traceId}-00f067aa0ba902b7-01-extra`,
    ]) {
      const next = traceContext(bad)
      expect(next.traceparent).toMatch(fresh)
      expect(next.traceId).not.toBe(traceId)
      expect(next.traceparent.slice(3, 35)).toBe(next.traceId)
    }
  })

  test('every span id is new and never all zero', () => {
    const spans = new Set(Array.from({ length: 200 }, () => traceContext(parent).traceparent.slice(36, 52)))
    expect(spans.size).toBe(200)
    expect(spans.has('0'.repeat(16))).toBe(false)
  })
})
