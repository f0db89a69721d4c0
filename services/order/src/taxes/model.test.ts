import { describe, expect, test } from 'bun:test'
import { taxOn } from './model.ts'

describe('taxOn', () => {
  test('takes basis points of the amount', () => {
    expect(taxOn(10_000, 1900)).toBe(1900)
    expect(taxOn(12_345, 0)).toBe(0)
    expect(taxOn(12_345, 10_000)).toBe(12_345)
  })

  test('rounds half up to a whole minor unit', () => {
    // 19% of 2.50 is 0.475 → 0.48; of 2.49 is 0.4731 → 0.47; 7% of 0.50 is 0.035 → 0.04.
    expect(taxOn(250, 1900)).toBe(48)
    expect(taxOn(249, 1900)).toBe(47)
    expect(taxOn(50, 700)).toBe(4)
    expect(taxOn(1, 4999)).toBe(0)
    expect(taxOn(1, 5000)).toBe(1)
  })

  test('stays exact beyond what a double holds of amount × rate', () => {
    // 9007199254740991 × 1900 / 10000 = 1711367858400788.29
    expect(taxOn(Number.MAX_SAFE_INTEGER, 1900)).toBe(1_711_367_858_400_788)
  })

  test('throws on a negative or fractional amount and on a rate out of range', () => {
    expect(() => taxOn(-1, 1900)).toThrow()
    expect(() => taxOn(1.5, 1900)).toThrow()
    expect(() => taxOn(100, 10_001)).toThrow()
    expect(() => taxOn(100, -1)).toThrow()
    expect(() => taxOn(100, 19.5)).toThrow()
  })
})
