import { describe, expect, test } from 'bun:test'
import { orderHarness } from './harness.ts'

const h = await orderHarness()
const admin = h.as(h.admin)
const base = '/api/v1/admin/tax-rates'

// The countries this file sets rates for; other files sharing the database use others.
const mine = ['AT', 'IT', 'FR', 'SE']

const rows = async () => [
  ...(await h.sql<{ country: string; rate: number }[]>`
    select country, rate from orders.tax_rates where country = any(${mine}) order by country`),
]

describe('tax rates', () => {
  test('PUT sets and replaces a country’s rate; GET lists them by country; DELETE removes one', async () => {
    const set = await h.call('PUT', `${base}/IT`, { rate: 1900 }, admin)
    expect(set.status).toBe(200)
    expect(set.body).toEqual({ country: 'IT', rate: 1900, updatedAt: expect.any(String) })
    expect((await h.call('PUT', `${base}/AT`, { rate: 2000 }, admin)).status).toBe(200)
    expect((await h.call('PUT', `${base}/IT`, { rate: 700 }, admin)).body.rate).toBe(700)
    const list = await h.call('GET', base, undefined, admin)
    const listed = list.body.items.map((r: { country: string; rate: number }) => [r.country, r.rate])
    expect(listed.filter(([country]: [string]) => mine.includes(country))).toEqual([
      ['AT', 2000],
      ['IT', 700],
    ])
    const countries = listed.map(([country]: [string]) => country)
    expect(countries).toEqual([...countries].sort())
    const removed = await h.call('DELETE', `${base}/AT`, undefined, admin)
    expect(removed.status).toBe(204)
    expect(await rows()).toEqual([{ country: 'IT', rate: 700 }])
    expect((await h.call('DELETE', `${base}/AT`, undefined, admin)).status).toBe(404)
    expect((await h.call('PUT', `${base}/IT`, { rate: 0 }, admin)).body.rate).toBe(0)
    expect((await h.call('PUT', `${base}/IT`, { rate: 10_000 }, admin)).body.rate).toBe(10_000)
    expect((await h.call('DELETE', `${base}/IT`, undefined, admin)).status).toBe(204)
  })

  test('refuses a rate out of range or not whole, and a country that is not a code (422), writing nothing', async () => {
    const before = await rows()
    for (const [country, body] of [
      ['FR', { rate: 10_001 }],
      ['FR', { rate: -1 }],
      ['FR', { rate: 19.5 }],
      ['FR', { rate: '19%' }],
      ['FR', {}],
      ['UK', { rate: 2000 }],
      ['fr', { rate: 2000 }],
      ['FRA', { rate: 2000 }],
    ] as const) {
      const res = await h.call('PUT', `${base}/${country}`, body, admin)
      expect([country, body, res.status, res.body.code]).toEqual([country, body, 422, 'validation_failed'])
    }
    expect((await h.call('DELETE', `${base}/UK`, undefined, admin)).status).toBe(422)
    expect(await rows()).toEqual(before)
  })

  test('refuses the anonymous (401), customers and support (403), changing nothing', async () => {
    await h.call('PUT', `${base}/SE`, { rate: 2500 }, admin)
    for (const [method, path, body] of [
      ['GET', base, undefined],
      ['PUT', `${base}/SE`, { rate: 0 }],
      ['DELETE', `${base}/SE`, undefined],
    ] as const) {
      expect([method, (await h.call(method, path, body)).status]).toEqual([method, 401])
      for (const token of [h.customer, h.support])
        expect([method, (await h.call(method, path, body, h.as(token))).status]).toEqual([method, 403])
    }
    expect((await rows()).find((r) => r.country === 'SE')).toEqual({ country: 'SE', rate: 2500 })
    await h.call('DELETE', `${base}/SE`, undefined, admin)
  })
})
