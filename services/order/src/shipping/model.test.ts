import { describe, expect, test } from 'bun:test'
import { countryCodes, countryPattern, isCountry } from './countries.ts'
import { offer, priceOrder, type ShippingOption, shippingCost, unavailableReason } from './model.ts'

const option = (changes: Partial<ShippingOption> = {}): ShippingOption => ({
  id: 'shp_1',
  name: 'Express',
  description: 'Next day',
  countries: ['DE', 'AT'],
  prices: [
    { currency: 'EUR', amount: 995, freeOver: 10_000 },
    { currency: 'USD', amount: 1295, freeOver: null },
  ],
  estimatedDays: { min: 1, max: 2 },
  isDefault: false,
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...changes,
})

describe('shipping arithmetic', () => {
  test('shipping costs its price below freeOver and nothing at or above it', () => {
    const price = { currency: 'EUR', amount: 995, freeOver: 10_000 }
    expect(shippingCost(price, 9_999)).toBe(995)
    expect(shippingCost(price, 10_000)).toBe(0)
    expect(shippingCost({ ...price, freeOver: null }, 1_000_000)).toBe(995)
    expect(shippingCost({ ...price, freeOver: 0 }, 0)).toBe(0)
  })

  test('prices an order: tax once, on subtotal plus shipping, rounded half up', () => {
    const o = option()
    // 19% of (25.00 + 9.95) = 6.6405 → 6.64
    expect(priceOrder({ option: o, price: o.prices[0]!, taxRate: 1900, subtotal: 2500 })).toEqual({
      shipping: { optionId: 'shp_1', name: 'Express', amount: 995 },
      tax: { rate: 1900, amount: 664 },
      subtotal: 2500,
      total: 2500 + 995 + 664,
      currency: 'EUR',
    })
    // Free shipping over 100.00: 19% of 100.00 only.
    expect(priceOrder({ option: o, price: o.prices[0]!, taxRate: 1900, subtotal: 10_000 })).toMatchObject({
      shipping: { amount: 0 },
      tax: { amount: 1900 },
      total: 11_900,
    })
    // No rate: no tax.
    expect(priceOrder({ option: o, price: o.prices[1]!, taxRate: 0, subtotal: 1 })).toMatchObject({
      tax: { rate: 0, amount: 0 },
      total: 1296,
      currency: 'USD',
    })
  })

  test('refuses a subtotal that is not a whole non-negative amount', () => {
    const o = option()
    expect(() => priceOrder({ option: o, price: o.prices[0]!, taxRate: 0, subtotal: -1 })).toThrow()
    expect(() => priceOrder({ option: o, price: o.prices[0]!, taxRate: 0, subtotal: 0.5 })).toThrow()
  })
})

describe('where an option is offered', () => {
  test('says why an option cannot ship an order, or nothing when it can', () => {
    expect(unavailableReason(option(), 'DE', 'EUR')).toBeNull()
    expect(unavailableReason(option(), 'FR', 'EUR')).toBe('does not deliver to FR')
    expect(unavailableReason(option(), 'DE', 'GBP')).toBe('has no price in GBP')
    expect(unavailableReason(option({ active: false }), 'DE', 'EUR')).toBe('is no longer offered')
    expect(unavailableReason(option({ countries: [] }), 'JP', 'USD')).toBeNull()
  })

  test('offers an option in one currency, with freeOver only when it has one', () => {
    expect(offer(option(), 'AT', 'EUR')).toEqual({
      id: 'shp_1',
      name: 'Express',
      description: 'Next day',
      price: { amount: 995, currency: 'EUR' },
      freeOver: 10_000,
      estimatedDays: { min: 1, max: 2 },
      isDefault: false,
    })
    expect(offer(option(), 'AT', 'USD')).not.toHaveProperty('freeOver')
    expect(offer(option(), 'US', 'USD')).toBeNull()
    expect(offer(option({ active: false }), 'AT', 'EUR')).toBeNull()
  })
})

describe('country codes', () => {
  test('takes the 249 assigned codes and nothing else', () => {
    expect(countryCodes).toHaveLength(249)
    const pattern = new RegExp(countryPattern)
    for (const code of ['DE', 'US', 'GB', 'AX', 'ZW']) {
      expect(isCountry(code)).toBe(true)
      expect(pattern.test(code)).toBe(true)
    }
    for (const code of ['UK', 'EU', 'de', 'XX', 'DEU', '', 'D']) {
      expect(isCountry(code)).toBe(false)
      expect(pattern.test(code)).toBe(false)
    }
  })
})
