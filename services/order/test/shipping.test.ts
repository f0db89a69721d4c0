import { describe, expect, test } from 'bun:test'
import { quote } from '../src/shipping/service.ts'
import { orderHarness } from './harness.ts'

const h = await orderHarness()
const admin = h.as(h.admin)
const base = '/api/v1/admin/shipping-options'

let n = 0
/** A fresh option's body; each test's options carry their own name, so tests sharing the database stay apart. */
const newOption = (changes: Record<string, unknown> = {}) => ({
  name: `Express ${++n} ${crypto.randomUUID().slice(0, 8)}`,
  description: 'Next working day',
  countries: ['DE', 'AT'],
  prices: [
    { currency: 'EUR', amount: 995, freeOver: 10_000 },
    { currency: 'USD', amount: 1295 },
  ],
  estimatedDays: { min: 1, max: 2 },
  ...changes,
})

const create = async (changes: Record<string, unknown> = {}) => {
  const res = await h.call('POST', base, newOption(changes), admin)
  expect(res.status).toBe(201)
  return res.body
}

const optionRows = () =>
  h.sql<{ id: string; isDefault: boolean; active: boolean }[]>`
    select id, is_default as "isDefault", active from orders.shipping_options order by id`

const defaults = async () => (await optionRows()).filter((o) => o.isDefault).map((o) => o.id)

const offered = (query: string) => h.call('GET', `/api/v1/shipping-options?${query}`)

/** Puts the installed default back, so each test starts from a fresh install's default. */
const restoreDefault = () => h.call('PATCH', `${base}/shp_standard`, { isDefault: true }, admin)

describe('a fresh install', () => {
  test('has one default option, delivering everywhere in EUR, USD and GBP', async () => {
    const [row] = await h.sql<{ id: string; countries: string[]; active: boolean }[]>`
      select id, countries, active from orders.shipping_options where is_default`
    expect(row).toEqual({ id: 'shp_standard', countries: [], active: true })
    for (const [country, currency] of [
      ['DE', 'EUR'],
      ['US', 'USD'],
      ['GB', 'GBP'],
      ['JP', 'EUR'],
    ]) {
      const res = await offered(`country=${country}&currency=${currency}`)
      expect(res.status).toBe(200)
      expect(res.body.items[0]).toMatchObject({
        id: 'shp_standard',
        name: 'Standard delivery',
        price: { currency },
        estimatedDays: { min: 3, max: 5 },
        isDefault: true,
      })
    }
    expect(
      (await offered('country=DE&currency=EUR')).body.items.find(
        (o: { id: string }) => o.id === 'shp_standard',
      ),
    ).toEqual({
      id: 'shp_standard',
      name: 'Standard delivery',
      description: 'Tracked parcel delivery',
      price: { amount: 495, currency: 'EUR' },
      freeOver: 5000,
      estimatedDays: { min: 3, max: 5 },
      isDefault: true,
    })
  })
})

describe('GET /api/v1/shipping-options', () => {
  test('lists the active options for a destination and currency, the default first', async () => {
    const express = await create()
    const elsewhere = await create({ countries: ['FR'] })
    const retired = await create()
    expect((await h.call('DELETE', `${base}/${retired.id}`, undefined, admin)).status).toBe(200)

    const de = await offered('country=DE&currency=EUR')
    expect(de.status).toBe(200)
    const ids = de.body.items.map((o: { id: string }) => o.id)
    expect(ids[0]).toBe('shp_standard')
    expect(ids).toContain(express.id)
    expect(ids).not.toContain(elsewhere.id)
    expect(ids).not.toContain(retired.id)
    expect(de.body.items.find((o: { id: string }) => o.id === express.id)).toEqual({
      id: express.id,
      name: express.name,
      description: 'Next working day',
      price: { amount: 995, currency: 'EUR' },
      freeOver: 10_000,
      estimatedDays: { min: 1, max: 2 },
      isDefault: false,
    })
    // Without a price in GBP, the option is not offered in GBP; in USD it has no freeOver.
    const gbp = await offered('country=DE&currency=GBP')
    expect(gbp.body.items.map((o: { id: string }) => o.id)).not.toContain(express.id)
    const usd = await offered('country=AT&currency=USD')
    const inUsd = usd.body.items.find((o: { id: string }) => o.id === express.id)
    expect(inUsd.price).toEqual({ amount: 1295, currency: 'USD' })
    expect(inUsd).not.toHaveProperty('freeOver')
  })

  test('refuses a country or currency that is not a code, or none at all (422)', async () => {
    for (const query of [
      'country=UK&currency=EUR',
      'country=de&currency=EUR',
      'country=DEU&currency=EUR',
      'country=DE&currency=eur',
      'country=DE&currency=XTS',
      'country=DE',
      'currency=EUR',
      '',
    ]) {
      const res = await offered(query)
      expect([query, res.status, res.body.code]).toEqual([query, 422, 'validation_failed'])
    }
  })
})

describe('POST /api/v1/admin/shipping-options', () => {
  test('creates an option, deduplicating and sorting its countries', async () => {
    const res = await h.call('POST', base, newOption({ countries: ['DE', 'AT', 'DE'] }), admin)
    expect(res.status).toBe(201)
    const stored = await h.call('GET', `${base}/${res.body.id}`, undefined, admin)
    expect(stored.body).toEqual(res.body)
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^shp_/),
      description: 'Next working day',
      countries: ['AT', 'DE'],
      prices: [
        { currency: 'EUR', amount: 995, freeOver: 10_000 },
        { currency: 'USD', amount: 1295, freeOver: null },
      ],
      estimatedDays: { min: 1, max: 2 },
      isDefault: false,
      active: true,
    })
  })

  test('made the default, it replaces the old default in one step', async () => {
    const option = await create({ isDefault: true })
    expect(option.isDefault).toBe(true)
    expect(await defaults()).toEqual([option.id])
    expect((await restoreDefault()).status).toBe(200)
    expect(await defaults()).toEqual(['shp_standard'])
  })

  test('refuses bad input with a 422 naming the field, writing nothing', async () => {
    const before = await optionRows()
    const bad: [Record<string, unknown>, string][] = [
      [{ name: '' }, '/name'],
      [{ name: 'x'.repeat(101) }, '/name'],
      [{ countries: ['XX'] }, '/countries/0'],
      [{ prices: [] }, '/prices'],
      [{ prices: [{ currency: 'EUR', amount: -1 }] }, '/prices/0/amount'],
      [{ prices: [{ currency: 'EUR', amount: 1.5 }] }, '/prices/0/amount'],
      [{ prices: [{ currency: 'XTS', amount: 100 }] }, '/prices/0/currency'],
      [
        {
          prices: [
            { currency: 'EUR', amount: 100 },
            { currency: 'EUR', amount: 200 },
          ],
        },
        '/prices/1/currency',
      ],
      [{ estimatedDays: { min: 5, max: 2 } }, '/estimatedDays/max'],
      [{ estimatedDays: { min: 1, max: 400 } }, '/estimatedDays/max'],
      [{ isDefault: true, active: false }, '/active'],
    ]
    for (const [changes, path] of bad) {
      const res = await h.call('POST', base, newOption(changes), admin)
      expect([changes, res.status, res.body.code]).toEqual([changes, 422, 'validation_failed'])
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path)
    }
    expect(await optionRows()).toEqual(before)
  })
})

describe('PATCH /api/v1/admin/shipping-options/:id', () => {
  test('changes fields and replaces the prices', async () => {
    const option = await create()
    const res = await h.call(
      'PATCH',
      `${base}/${option.id}`,
      { name: 'Overnight', countries: [], prices: [{ currency: 'GBP', amount: 1500, freeOver: null }] },
      admin,
    )
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      id: option.id,
      name: 'Overnight',
      description: 'Next working day',
      countries: [],
      prices: [{ currency: 'GBP', amount: 1500, freeOver: null }],
    })
    const gb = await offered('country=GB&currency=GBP')
    expect(gb.body.items.map((o: { id: string }) => o.id)).toContain(option.id)
    expect(
      (await offered('country=DE&currency=EUR')).body.items.map((o: { id: string }) => o.id),
    ).not.toContain(option.id)
  })

  test('moves the default, never leaving none: the default cannot be unset or deactivated (409)', async () => {
    const option = await create()
    const made = await h.call('PATCH', `${base}/${option.id}`, { isDefault: true }, admin)
    expect(made.status).toBe(200)
    expect(await defaults()).toEqual([option.id])
    for (const changes of [{ isDefault: false }, { active: false }]) {
      const res = await h.call('PATCH', `${base}/${option.id}`, changes, admin)
      expect([changes, res.status, res.body.code]).toEqual([changes, 409, 'conflict'])
    }
    const deleted = await h.call('DELETE', `${base}/${option.id}`, undefined, admin)
    expect(deleted.status).toBe(409)
    expect(await defaults()).toEqual([option.id])
    expect((await restoreDefault()).status).toBe(200)
    expect(await defaults()).toEqual(['shp_standard'])
  })

  test('an inactive option becomes the default only when activated with it', async () => {
    const option = await create({ active: false })
    const refused = await h.call('PATCH', `${base}/${option.id}`, { isDefault: true }, admin)
    expect(refused.status).toBe(409)
    expect(await defaults()).toEqual(['shp_standard'])
    const res = await h.call('PATCH', `${base}/${option.id}`, { isDefault: true, active: true }, admin)
    expect(res.body).toMatchObject({ isDefault: true, active: true })
    expect((await restoreDefault()).status).toBe(200)
  })

  test('refuses bad changes (422) and unknown options (404), changing nothing', async () => {
    const option = await create()
    for (const changes of [
      { name: '' },
      { estimatedDays: { min: 9, max: 3 } },
      { prices: [{ currency: 'ZZZ', amount: 1 }] },
      { countries: ['de'] },
      { isDefault: 'yes' },
      {},
      // Unknown fields are dropped, which leaves nothing to change.
      { unknown: 1 },
    ]) {
      const res = await h.call('PATCH', `${base}/${option.id}`, changes, admin)
      expect([changes, res.status]).toEqual([changes, 422])
    }
    expect((await h.call('GET', `${base}/${option.id}`, undefined, admin)).body).toEqual(option)
    const missing = await h.call('PATCH', `${base}/shp_missing`, { name: 'x' }, admin)
    expect(missing.status).toBe(404)
    expect((await h.call('GET', `${base}/shp_missing`, undefined, admin)).status).toBe(404)
    expect((await h.call('DELETE', `${base}/shp_missing`, undefined, admin)).status).toBe(404)
  })
})

describe('DELETE /api/v1/admin/shipping-options/:id', () => {
  test('deactivates the option: no longer offered or quoted, still readable, listed for admins', async () => {
    const option = await create()
    const res = await h.call('DELETE', `${base}/${option.id}`, undefined, admin)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: option.id, active: false, name: option.name })
    expect((await h.call('DELETE', `${base}/${option.id}`, undefined, admin)).status).toBe(200)
    expect((await h.call('GET', `${base}/${option.id}`, undefined, admin)).body.active).toBe(false)
    const all = await h.call('GET', base, undefined, admin)
    expect(all.status).toBe(200)
    expect(all.body.items[0].id).toBe('shp_standard')
    expect(all.body.items.find((o: { id: string }) => o.id === option.id)).toMatchObject({ active: false })
    expect(
      (await offered('country=DE&currency=EUR')).body.items.map((o: { id: string }) => o.id),
    ).not.toContain(option.id)
    await expect(
      quote(h.deps, { country: 'DE', currency: 'EUR', subtotal: 100, shippingOptionId: option.id }),
    ).rejects.toMatchObject({ code: 'shipping_unavailable', status: 422 })
  })
})

describe('who may manage shipping options', () => {
  test('refuses the anonymous (401), customers and support (403), changing nothing', async () => {
    const option = await create()
    const before = await optionRows()
    const calls: [string, string, unknown][] = [
      ['GET', base, undefined],
      ['POST', base, newOption()],
      ['GET', `${base}/${option.id}`, undefined],
      ['PATCH', `${base}/${option.id}`, { isDefault: true }],
      ['DELETE', `${base}/${option.id}`, undefined],
    ]
    for (const [method, path, body] of calls) {
      expect([method, path, (await h.call(method, path, body)).status]).toEqual([method, path, 401])
      for (const token of [h.customer, h.support]) {
        const res = await h.call(method, path, body, h.as(token))
        expect([method, path, res.status, res.body.code]).toEqual([method, path, 403, 'forbidden'])
      }
    }
    expect(await optionRows()).toEqual(before)
  })

  test('anyone lists what is offered, signed in or not', async () => {
    expect((await offered('country=DE&currency=EUR')).status).toBe(200)
    const res = await h.call(
      'GET',
      '/api/v1/shipping-options?country=DE&currency=EUR',
      undefined,
      h.as(h.customer),
    )
    expect(res.status).toBe(200)
  })
})

describe('concurrent defaults', () => {
  test('two admins making different options the default at once end with exactly one default', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([create(), create()])
      const results = await Promise.all(
        [a, b].map((o) => h.call('PATCH', `${base}/${o.id}`, { isDefault: true }, admin)),
      )
      expect(results.map((r) => r.status)).toEqual([200, 200])
      const now = await defaults()
      expect(now).toHaveLength(1)
      expect([a.id, b.id]).toContain(now[0])
      // And a default created at the same moment as another is made the default.
      const [c] = await Promise.all([
        create({ isDefault: true }),
        h.call('PATCH', `${base}/${a.id}`, { isDefault: true }, admin),
      ])
      expect(c.isDefault).toBe(true)
      expect(await defaults()).toHaveLength(1)
    }
    expect((await restoreDefault()).status).toBe(200)
    expect(await defaults()).toEqual(['shp_standard'])
  })
})
