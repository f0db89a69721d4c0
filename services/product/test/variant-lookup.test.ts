import { beforeAll, describe, expect, test } from 'bun:test'
import { type ProductHarness, productHarness } from './harness.ts'

let h: ProductHarness
beforeAll(async () => {
  h = await productHarness()
}, 60_000)

const lookup = (body: unknown, token?: string) =>
  h.call('POST', '/api/v1/products/variants/lookup', body, token ? h.as(token) : {})

const sku = () => h.unique('SKU').toUpperCase()

describe('POST /api/v1/products/variants/lookup', () => {
  test('answers each SKU of an active product with its product, display name, price and status', async () => {
    const [m, l, mug] = [sku(), sku(), sku()]
    const shirt = await h.product({
      name: 'Linen shirt',
      variants: [
        { sku: m, options: { Size: 'M', Colour: 'Navy' }, price: { amount: 4900, currency: 'EUR' } },
        { sku: l, options: { Size: 'L', Colour: 'Navy' }, price: { amount: 5200, currency: 'EUR' } },
      ],
    })
    const cup = await h.product({
      name: 'Mug',
      variants: [{ sku: mug, price: { amount: 1250, currency: 'EUR' } }],
    })
    const res = await lookup({ skus: [mug, m, l, sku()] })
    expect(res.status).toBe(200)
    const bySku = new Map(res.body.items.map((i: { sku: string }) => [i.sku, i]))
    expect(res.body.items).toHaveLength(3)
    expect(bySku.get(m)).toEqual({
      sku: m,
      productId: shirt.id,
      name: 'Linen shirt',
      options: { Size: 'M', Colour: 'Navy' },
      displayName: 'Linen shirt — M / Navy',
      price: { amount: 4900, currency: 'EUR' },
      status: 'active',
    })
    expect(bySku.get(l)).toMatchObject({ displayName: 'Linen shirt — L / Navy', price: { amount: 5200 } })
    expect(bySku.get(mug)).toEqual({
      sku: mug,
      productId: cup.id,
      name: 'Mug',
      options: {},
      displayName: 'Mug',
      price: { amount: 1250, currency: 'EUR' },
      status: 'active',
    })
  })

  test('hides draft and archived products from shoppers; catalog managers see them with their status', async () => {
    const [draft, archived] = [sku(), sku()]
    await h.product({ status: 'draft', variants: [{ sku: draft, price: { amount: 100, currency: 'EUR' } }] })
    await h.product({
      status: 'archived',
      variants: [{ sku: archived, price: { amount: 100, currency: 'EUR' } }],
    })
    for (const token of [undefined, h.customer, 'not.a.token'])
      expect((await lookup({ skus: [draft, archived] }, token)).body).toEqual({ items: [] })
    const managed = await lookup({ skus: [draft, archived] }, h.manager)
    expect(managed.body.items.map((i: { sku: string; status: string }) => [i.sku, i.status]).sort()).toEqual(
      [
        [archived, 'archived'],
        [draft, 'draft'],
      ].sort(),
    )
  })

  test('takes up to 100 different SKUs; more, none, duplicates or malformed ones are 422', async () => {
    const many = Array.from({ length: 100 }, () => sku())
    expect((await lookup({ skus: many })).status).toBe(200)
    for (const body of [
      { skus: [...many, sku()] },
      { skus: [] },
      { skus: ['A', 'A'] },
      { skus: ['has space'] },
      { skus: ['X'.repeat(65)] },
      { skus: 'A' },
      {},
    ]) {
      const res = await lookup(body)
      expect([res.status, res.body.code]).toEqual([422, 'validation_failed'])
    }
    expect((await lookup('{"skus":')).status).toBe(400)
  })

  test('does not shadow the product routes around it', async () => {
    const p = await h.product()
    expect((await h.call('GET', `/api/v1/products/${p.id}`)).status).toBe(200)
    expect((await h.call('GET', '/api/v1/products/variants')).status).toBe(404)
  })
})
