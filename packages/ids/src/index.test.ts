import { describe, expect, test } from 'bun:test'
import { isId, newId } from './index.ts'

describe('newId', () => {
  test('is prefixed and 26 Crockford base32 characters long', () => {
    const id = newId('usr')
    expect(id).toMatch(/^usr_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(isId(id, 'usr')).toBe(true)
    expect(isId(id, 'ord')).toBe(false)
    expect(isId('usr_../../etc')).toBe(false)
  })

  test('sorts by creation time, and stays monotonic within one millisecond', () => {
    const at = Date.now()
    const ids = Array.from({ length: 1000 }, () => newId('ord', at))
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(1000)
    expect(newId('ord', at + 1) > ids.at(-1)!).toBe(true)
    expect(newId('ord', at - 86_400_000) < ids[0]!).toBe(true)
  })
})
