import { describe, expect, test } from 'bun:test'
import { type CartRecord, emptyCart, mergeLines, newCartId, repriceLines, toCart } from './model.ts'

const at = '2026-01-01T00:00:00.000Z'
const limits = { maxQuantity: 10, maxLines: 3 }
const line = (sku: string, quantity: number, unitPrice = 100) => ({
  sku,
  productId: `prd_${sku}`,
  name: sku,
  unitPrice,
  quantity,
})
const cart = (currency: string | null, lines: ReturnType<typeof line>[]): CartRecord => ({
  ...emptyCart(newCartId(), null, at),
  currency,
  lines,
})
const variant = (sku: string, amount: number, currency = 'EUR') => ({
  sku,
  productId: `prd_${sku}`,
  name: sku,
  price: { amount, currency },
})

describe('cart rules', () => {
  test('new cart ids are 26 random Crockford base32 characters, never repeated', () => {
    const ids = new Set(Array.from({ length: 1000 }, newCartId))
    expect(ids.size).toBe(1000)
    for (const id of ids) expect(id).toMatch(/^cart_[0-9A-HJKMNP-TV-Z]{26}$/)
  })

  test('totals are the sums of the lines in minor units', () => {
    expect(toCart(cart('EUR', [line('A', 2, 250), line('B', 1, 1999)])).totals).toEqual({
      subtotal: 2499,
      itemCount: 3,
    })
    expect(toCart(cart('EUR', [])).currency).toBeNull()
  })

  test('merging sums quantities up to the maximum and appends lines while there is room', () => {
    const into = cart('EUR', [line('A', 8), line('B', 1)])
    const from = cart('EUR', [line('A', 5), line('C', 2), line('D', 1)])
    expect(mergeLines(into, from, limits, at).lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['A', 10],
      ['B', 1],
      ['C', 2],
    ])
  })

  test('merging leaves out a guest cart in another currency, and takes any into an empty cart', () => {
    const into = cart('EUR', [line('A', 1)])
    expect(mergeLines(into, cart('USD', [line('B', 1)]), limits, at)).toBe(into)
    const merged = mergeLines(cart(null, []), cart('USD', [line('B', 1)]), limits, at)
    expect([merged.currency, merged.lines.length]).toEqual(['USD', 1])
  })

  test('repricing takes new prices, drops what is not for sale or priced in another currency', () => {
    const record = cart('EUR', [line('A', 1), line('B', 2), line('C', 1), line('D', 1)])
    const variants = new Map([
      ['A', variant('A', 120)],
      ['C', variant('C', 100, 'USD')],
      ['D', variant('D', 90)],
    ])
    const repriced = repriceLines(record, variants, at)
    expect(repriced.lines.map((l) => [l.sku, l.unitPrice])).toEqual([
      ['A', 120],
      ['D', 90],
    ])
    expect(repriced.currency).toBe('EUR')
    expect(repriceLines(record, new Map(), at)).toMatchObject({ lines: [], currency: null })
  })
})
