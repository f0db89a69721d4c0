import { describe, expect, test } from 'bun:test'
import {
  currencies,
  formatDecimalPrice,
  isCurrency,
  minorDigits,
  parseDecimalPrice,
  priceProblem,
} from './index.ts'

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

  test('a refused price says which rule it breaks', () => {
    expect(priceProblem('12.99', 'EUR')).toBeNull()
    expect(priceProblem('-3.00', 'EUR')).toBe('"-3.00" is negative')
    expect(priceProblem('1.999', 'EUR')).toBe('"1.999" has 3 decimals; EUR takes at most 2')
    expect(priceProblem('1200.5', 'JPY')).toBe('"1200.5" has 1 decimal; JPY takes none')
    expect(priceProblem('12,99', 'EUR')).toBe(
      '"12,99" has a decimal comma: write the price with a point and no thousands separators, such as 12.99',
    )
    expect(priceProblem('1.299,00', 'EUR')).toContain('has a decimal comma')
    expect(priceProblem('1,299.00', 'EUR')).toBe('"1,299.00" is not a price such as 12.99')
    expect(priceProblem('', 'EUR')).toBe('"" is not a price such as 12.99')
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

  test('only circulating currencies: not funds, metals, test codes or withdrawn ones', () => {
    for (const code of ['USD', 'GBP', 'CHF', 'XAF', 'XOF', 'XPF', 'XCD', 'XCG', 'ZWG', 'SLE', 'VES', 'VED'])
      expect({ code, currency: isCurrency(code) }).toEqual({ code, currency: true })
    for (const code of [
      ...['XXX', 'XTS', 'XAU', 'XAG', 'XDR', 'XSU', 'XUA', 'XBA'],
      ...['BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW'],
      ...['DEM', 'FRF', 'HRK', 'SLL', 'ZWL', 'ANG', 'BGN', 'CNH'],
    ])
      expect({ code, currency: isCurrency(code) }).toEqual({ code, currency: false })
    expect(currencies).toHaveLength(156)
    expect(new Set(currencies).size).toBe(currencies.length)
    for (const code of currencies) expect(code).toMatch(/^[A-Z]{3}$/)
  })

  test('minor units are ISO 4217 minor units, not the digits a locale displays', () => {
    // Displayed with no decimals, counted in fils and rials by ISO.
    expect(minorDigits('IQD')).toBe(3)
    expect(minorDigits('IRR')).toBe(2)
    expect(parseDecimalPrice('12.345', 'IQD')).toBe(12345)
    expect(minorDigits('ISK')).toBe(0)
    expect(minorDigits('CLP')).toBe(0)
    expect(minorDigits('TND')).toBe(3)
  })
})
