import { describe, expect, test } from 'bun:test'
import { fromStripeAmount, stripeDigits, toStripeAmount } from './stripe-units.ts'

describe('Stripe units', () => {
  test('each currency as Stripe counts it, against ISO minor units', () => {
    const table: [currency: string, ours: number, stripe: number][] = [
      ['EUR', 1299, 1299],
      ['USD', 5, 5],
      ['JPY', 500, 500],
      ['KRW', 15000, 15000],
      ['CLP', 990, 990],
      ['UGX', 3700, 3700],
      ['XOF', 655, 655],
      ['ISK', 1234, 123400],
      ['MGA', 150000, 1500],
      ['KWD', 1230, 1230],
      ['BHD', 10, 10],
      ['HUF', 12345, 12345],
      ['TWD', 999, 999],
      ['IQD', 12345, 12345],
    ]
    for (const [currency, ours, stripe] of table) {
      expect({ currency, sent: toStripeAmount(ours, currency) }).toEqual({
        currency,
        sent: { ok: true, amount: stripe },
      })
      expect({ currency, read: fromStripeAmount(stripe, currency.toLowerCase()) }).toEqual({
        currency,
        read: ours,
      })
    }
  })

  test("Stripe's zero-decimal list is whole units, ISK hundredths and the three-decimal ones thousandths", () => {
    for (const code of 'BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF'.split(' '))
      expect({ code, digits: stripeDigits(code) }).toEqual({ code, digits: 0 })
    expect(stripeDigits('ISK')).toBe(2)
    for (const code of ['BHD', 'JOD', 'KWD', 'OMR', 'TND']) expect(stripeDigits(code)).toBe(3)
    expect(stripeDigits('EUR')).toBe(2)
  })

  test('an amount Stripe cannot take is refused, not rounded', () => {
    expect(toStripeAmount(1235, 'KWD')).toEqual({
      ok: false,
      problem: 'Stripe takes KWD amounts ending in 0 only; 1235 does not',
    })
    expect(toStripeAmount(7, 'OMR').ok).toBe(false)
    expect(toStripeAmount(150050, 'MGA')).toEqual({
      ok: false,
      problem: 'Stripe takes MGA in whole units only; 150050 has a fraction',
    })
    expect(toStripeAmount(0, 'EUR')).toEqual({ ok: true, amount: 0 })
  })
})
