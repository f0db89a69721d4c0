import { describe, expect, test } from 'bun:test'
import { formatDecimalPrice, isCurrency, minorDigits, parseDecimalPrice } from '../src/products/money.ts'

describe('money', () => {
  test("each currency's minor unit, the same on every call", () => {
    for (let i = 0; i < 3; i++) {
      expect(minorDigits('EUR')).toBe(2)
      expect(minorDigits('JPY')).toBe(0)
      expect(minorDigits('KWD')).toBe(3)
    }
  })

  test('decimal strings become exact minor units in the currency', () => {
    expect(parseDecimalPrice('12.99', 'EUR')).toBe(1299)
    expect(parseDecimalPrice('12.9', 'EUR')).toBe(1290)
    expect(parseDecimalPrice('12', 'EUR')).toBe(1200)
    expect(parseDecimalPrice(' 0.10 ', 'EUR')).toBe(10)
    expect(parseDecimalPrice('500', 'JPY')).toBe(500)
    expect(parseDecimalPrice('1.234', 'KWD')).toBe(1234)
    // 0.1 + 0.2 style rounding never enters: the digits are read, not multiplied as floats.
    expect(parseDecimalPrice('1000000.07', 'EUR')).toBe(100000007)
  })

  test('anything else is refused', () => {
    for (const bad of ['', '-1.00', '1.999', '1,99', '1e3', 'abc', '12.', '.5', '1234567890123'])
      expect(parseDecimalPrice(bad, 'EUR')).toBeNull()
    expect(parseDecimalPrice('5.5', 'JPY')).toBeNull()
  })

  test('minor units format back to the decimal string', () => {
    expect(formatDecimalPrice(1299, 'EUR')).toBe('12.99')
    expect(formatDecimalPrice(5, 'EUR')).toBe('0.05')
    expect(formatDecimalPrice(500, 'JPY')).toBe('500')
    expect(formatDecimalPrice(1234, 'KWD')).toBe('1.234')
    for (const amount of [0, 1, 99, 100, 123456789])
      expect(parseDecimalPrice(formatDecimalPrice(amount, 'EUR'), 'EUR')).toBe(amount)
  })

  test('ISO 4217 codes are currencies; other strings are not', () => {
    expect(isCurrency('EUR')).toBe(true)
    expect(isCurrency('XYZ')).toBe(false)
    expect(isCurrency('eur')).toBe(false)
  })
})
