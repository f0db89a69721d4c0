import { describe, expect, test } from 'bun:test'
import { isId, newId, randomHex } from './index.ts'

describe('newId', () => {
  test('has the prefix, ten characters of time and sixteen of randomness', () => {
    const id = newId('req')
    expect(id).toMatch(/^req_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(isId(id, 'req')).toBe(true)
    expect(isId(id, 'usr')).toBe(false)
  })

  test('ids made in one millisecond are distinct and sort in the order they were made', () => {
    const now = Date.now() + 1_000_000
    const ids = Array.from({ length: 50_000 }, () => newId('evt', now))
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
    // The time part is the same for all of them; the random part carries across digits.
    expect(new Set(ids.map((id) => id.slice(4, 14))).size).toBe(1)
    expect(new Set(ids.map((id) => id.slice(-2, -1))).size).toBeGreaterThan(1)
  })

  test('a later millisecond sorts after an earlier one', () => {
    const base = Date.now() + 2_000_000
    const earlier = Array.from({ length: 100 }, () => newId('ord', base))
    const later = newId('ord', base + 1)
    expect(earlier.every((id) => id < later)).toBe(true)
  })

  test('ids minted alternately at two times stay distinct and in order within each time', () => {
    // A batch's rows at its start time, its events at the current time, one after the other.
    const batch = Date.now() + 3_000_000
    const now = batch + 7
    const rows: string[] = []
    const events: string[] = []
    for (let i = 0; i < 5_000; i++) {
      rows.push(newId('var', batch))
      events.push(newId('evt', now))
    }
    const random = (ids: string[]) => ids.map((id) => id.slice(4))
    expect(new Set(random([...rows, ...events])).size).toBe(10_000)
    expect([...rows].sort()).toEqual(rows)
    expect([...events].sort()).toEqual(events)
    // After an id at a third time, the later of the two before it carries on where it was.
    newId('ord', batch + 3)
    expect(newId('var', now).slice(4) > events.at(-1)!.slice(4)).toBe(true)
  })

  test('the time part encodes the millisecond', () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
    const ms = 1_764_000_000_123
    const time = newId('usr', ms).slice(4, 14)
    let decoded = 0
    for (const c of time) decoded = decoded * 32 + alphabet.indexOf(c)
    expect(decoded).toBe(ms)
  })
})

describe('randomHex', () => {
  test('gives lowercase hex of twice the byte count, different each time', () => {
    const values = Array.from({ length: 2_000 }, () => randomHex(16))
    for (const v of values) expect(v).toMatch(/^[0-9a-f]{32}$/)
    expect(new Set(values).size).toBe(values.length)
    expect(randomHex(8)).toMatch(/^[0-9a-f]{16}$/)
  })

  test('uses every digit over many values (the nibbles are all drawn)', () => {
    const seen = new Set(Array.from({ length: 200 }, () => randomHex(8)).join(''))
    expect(seen.size).toBe(16)
  })

  test('refuses a length beyond one block instead of returning a short value', () => {
    expect(randomHex(1024)).toMatch(/^[0-9a-f]{2048}$/)
    expect(() => randomHex(1025)).toThrow(RangeError)
  })
})
