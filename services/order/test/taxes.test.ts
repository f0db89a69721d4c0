import { describe, expect, test } from 'bun:test'
import { orderHarness } from './harness.ts'

const h = await orderHarness()
const admin = h.as(h.admin)
const base = '/api/v1/admin/tax-rates'

const rows = async () => [
  ...(await h.sql<{ country: string; rate: number }[]>`
    select country, rate from orders.tax_rates order by country`),
]

describe('tax rates', () => {
  test('a fresh install has none: every country is taxed at 0', async () => {
    expect(await h.call('GET', base, undefined, admin)).toMatchObject({ status: 200, body: { items: [] } })
  })

  test('PUT sets and replaces a country’s rate; GET lists them by country; DELETE removes one', async () => {
    const de = await h.call('PUT', `${base}/DE`, { rate: 1900 }, admin)
    expect(de.status).toBe(200)
    expect(de.body).toEqual({ country: 'DE', rate: 1900, updatedAt: expect.any(String) })
    expect((await h.call('PUT', `${base}/AT`, { rate: 2000 }, admin)).status).toBe(200)
    expect((await h.call('PUT', `${base}/DE`, { rate: 700 }, admin)).body.rate).toBe(700)
    const list = await h.call('GET', base, undefined, admin)
    expect(list.body.items.map((r: { country: string; rate: number }) => [r.country, r.rate])).toEqual([
      ['AT', 2000],
      ['DE', 700],
    ])
    const removed = await h.call('DELETE', `${base}/AT`, undefined, admin)
    expect(removed.status).toBe(204)
    expect(await rows()).toEqual([{ country: 'DE', rate: 700 }])
    expect((await h.call('DELETE', `${base}/AT`, undefined, admin)).status).toBe(404)
    expect((await h.call('PUT', `${base}/DE`, { rate: 0 }, admin)).body.rate).toBe(0)
    expect((await h.call('PUT', `${base}/DE`, { rate: 10_000 }, admin)).body.rate).toBe(10_000)
    expect((await h.call('DELETE', `${base}/DE`, undefined, admin)).status).toBe(204)
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
