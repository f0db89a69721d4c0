import { describe, expect, test } from 'bun:test'
import { quote } from '../src/shipping/service.ts'
import { orderHarness } from './harness.ts'

const h = await orderHarness()
const admin = h.as(h.admin)

const createOption = async (body: Record<string, unknown>) => {
  const res = await h.call(
    'POST',
    '/api/v1/admin/shipping-options',
    { estimatedDays: { min: 1, max: 3 }, ...body },
    admin,
  )
  expect(res.status).toBe(201)
  return res.body.id as string
}

describe('quote', () => {
  test('prices an order with the installed default option and no tax', async () => {
    expect(
      await quote(h.deps, {
        country: 'US',
        currency: 'USD',
        subtotal: 2000,
        shippingOptionId: 'shp_standard',
      }),
    ).toEqual({
      shipping: { optionId: 'shp_standard', name: 'Standard delivery', amount: 595 },
      tax: { rate: 0, amount: 0 },
      subtotal: 2000,
      total: 2595,
      currency: 'USD',
    })
  })

  test('taxes subtotal plus shipping at the destination’s rate, rounded half up once', async () => {
    await h.call('PUT', '/api/v1/admin/tax-rates/NL', { rate: 2100 }, admin)
    const id = await createOption({
      name: 'Courier',
      countries: ['NL', 'BE'],
      prices: [{ currency: 'EUR', amount: 650, freeOver: 7500 }],
    })
    // 21% of (12.34 + 6.50) = 3.9564 → 3.96
    expect(
      await quote(h.deps, { country: 'NL', currency: 'EUR', subtotal: 1234, shippingOptionId: id }),
    ).toEqual({
      shipping: { optionId: id, name: 'Courier', amount: 650 },
      tax: { rate: 2100, amount: 396 },
      subtotal: 1234,
      total: 1234 + 650 + 396,
      currency: 'EUR',
    })
    // At the free-shipping threshold shipping is free; Belgium has no rate here, so no tax.
    expect(
      await quote(h.deps, { country: 'NL', currency: 'EUR', subtotal: 7500, shippingOptionId: id }),
    ).toMatchObject({ shipping: { amount: 0 }, tax: { amount: 1575 }, total: 9075 })
    expect(
      await quote(h.deps, { country: 'BE', currency: 'EUR', subtotal: 100, shippingOptionId: id }),
    ).toMatchObject({ tax: { rate: 0, amount: 0 }, total: 750 })
    // A rate removed is 0 again.
    await h.call('DELETE', '/api/v1/admin/tax-rates/NL', undefined, admin)
    expect(
      await quote(h.deps, { country: 'NL', currency: 'EUR', subtotal: 100, shippingOptionId: id }),
    ).toMatchObject({ tax: { rate: 0, amount: 0 } })
  })

  test('422 shipping_unavailable for an unknown or inactive option, another country or another currency', async () => {
    const id = await createOption({
      name: 'Alpine',
      countries: ['CH'],
      prices: [{ currency: 'CHF', amount: 900 }],
    })
    const inactive = await createOption({ name: 'Retired', prices: [{ currency: 'EUR', amount: 100 }] })
    await h.call('DELETE', `/api/v1/admin/shipping-options/${inactive}`, undefined, admin)
    const cases: [Record<string, string>, RegExp][] = [
      [{ shippingOptionId: 'shp_nothing' }, /no shipping option shp_nothing/],
      [{ shippingOptionId: inactive, currency: 'EUR' }, /Retired is no longer offered/],
      [{ country: 'DE' }, /Alpine does not deliver to DE/],
      [{ currency: 'EUR' }, /Alpine has no price in EUR/],
    ]
    for (const [changes, detail] of cases) {
      const input = { country: 'CH', currency: 'CHF', subtotal: 1000, shippingOptionId: id, ...changes }
      await expect(quote(h.deps, input)).rejects.toMatchObject({
        code: 'shipping_unavailable',
        status: 422,
        message: expect.stringMatching(detail),
      })
    }
    expect(
      await quote(h.deps, { country: 'CH', currency: 'CHF', subtotal: 1000, shippingOptionId: id }),
    ).toMatchObject({ total: 1900 })
  })
})
