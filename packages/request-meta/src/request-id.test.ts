import { describe, expect, test } from 'bun:test'
import { isId } from '@myshop/ids'
import { isRequestId, requestIdFrom } from './request-id.ts'

describe('requestIdFrom', () => {
  test("keeps a caller's short, plain id", () => {
    for (const id of ['client-1', 'a.b_c:d-E9', 'x'.repeat(128)]) expect(requestIdFrom(id)).toBe(id)
  })

  test('replaces a missing, short, long or unusual id with a new req_ id', () => {
    for (const id of [
      undefined,
      null,
      '',
      'short',
      'x'.repeat(129),
      'has space 1',
      'new\nline-id',
      'ünïcode-id',
    ]) {
      expect(isRequestId(id ?? '')).toBe(false)
      const made = requestIdFrom(id)
      expect(made.startsWith('req_')).toBe(true)
      expect(isId(made, 'req')).toBe(true)
    }
  })
})
