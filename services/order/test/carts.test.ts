import { describe, expect, test } from 'bun:test'
import { productCatalog } from '../src/catalog/client.ts'
import { catalogServer, uniqueSku } from './catalog-server.ts'
import { orderHarness } from './harness.ts'

const catalog = catalogServer()
const h = await orderHarness({ catalog: productCatalog({ baseUrl: catalog.url }) })
const { call, as } = h
const [alice, bob] = await Promise.all([
  h.tokens.sign({ roles: ['customer'], sub: 'usr_alice' }),
  h.tokens.sign({ roles: ['customer'], sub: 'usr_bob' }),
])
const uniqueUser = async () => {
  const id = `usr_${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`
  return { id, token: await h.tokens.sign({ roles: ['customer'], sub: id }) }
}

const newCart = async (token?: string) => {
  const res = await call('POST', '/api/v1/carts', undefined, token ? as(token) : {})
  expect(res.status).toBe(201)
  return res.body.id as string
}
const add = (id: string, sku: string, quantity: number, token?: string) =>
  call('POST', `/api/v1/carts/${id}/items`, { sku, quantity }, token ? as(token) : {})
const read = async (id: string, token?: string) =>
  (await call('GET', `/api/v1/carts/${id}`, undefined, token ? as(token) : {})).body

describe('carts', () => {
  test('an anonymous shopper creates a cart whose id is a 130-bit secret', async () => {
    const res = await call('POST', '/api/v1/carts')
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      userId: null,
      currency: null,
      items: [],
      totals: { subtotal: 0, itemCount: 0 },
    })
    expect(res.body.id).toMatch(/^cart_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(await read(res.body.id)).toEqual(res.body)
  })

  test('a signed-in shopper has one cart: creating again answers it with 200', async () => {
    const user = await uniqueUser()
    const first = await call('POST', '/api/v1/carts', undefined, as(user.token))
    expect(first.status).toBe(201)
    expect(first.body.userId).toBe(user.id)
    const again = await call('POST', '/api/v1/carts', undefined, as(user.token))
    expect(again.status).toBe(200)
    expect(again.body.id).toBe(first.body.id)
  })

  test('adds, sums, changes and removes lines priced by the catalog', async () => {
    const shirt = catalog.put({
      sku: uniqueSku(),
      name: 'Linen shirt — M',
      price: { amount: 4900, currency: 'EUR' },
    })
    const mug = catalog.put({ sku: uniqueSku(), price: { amount: 1250, currency: 'EUR' } })
    const id = await newCart()
    const added = await add(id, shirt, 2)
    expect(added.status).toBe(200)
    expect(added.body).toMatchObject({
      id,
      currency: 'EUR',
      items: [
        {
          sku: shirt,
          productId: `prd_${shirt}`,
          name: 'Linen shirt — M',
          unitPrice: 4900,
          quantity: 2,
          lineTotal: 9800,
        },
      ],
      totals: { subtotal: 9800, itemCount: 2 },
    })
    await add(id, mug, 1)
    const summed = await add(id, shirt, 1)
    expect(summed.body.items.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([
      [shirt, 3],
      [mug, 1],
    ])
    expect(summed.body.totals).toEqual({ subtotal: 3 * 4900 + 1250, itemCount: 4 })

    const patched = await call('PATCH', `/api/v1/carts/${id}/items/${shirt}`, { quantity: 1 })
    expect(patched.status).toBe(200)
    expect(patched.body.totals).toEqual({ subtotal: 4900 + 1250, itemCount: 2 })

    const removed = await call('DELETE', `/api/v1/carts/${id}/items/${shirt}`)
    expect(removed.status).toBe(200)
    expect(removed.body.items.map((l: { sku: string }) => l.sku)).toEqual([mug])
    const empty = await call('DELETE', `/api/v1/carts/${id}/items/${mug}`)
    expect(empty.body).toMatchObject({ currency: null, items: [], totals: { subtotal: 0, itemCount: 0 } })
  })

  test('reaches a line whose SKU holds a slash by its encoded SKU', async () => {
    const sku = catalog.put({ sku: `${uniqueSku()}/RED` })
    const id = await newCart()
    await add(id, sku, 1)
    const path = `/api/v1/carts/${id}/items/${encodeURIComponent(sku)}`
    expect((await call('PATCH', path, { quantity: 3 })).body.items[0]).toMatchObject({ sku, quantity: 3 })
    expect((await call('DELETE', path)).body.items).toEqual([])
  })

  test('takes the catalog’s current price when a line is added to again', async () => {
    const sku = catalog.put({ sku: uniqueSku(), price: { amount: 1000, currency: 'EUR' } })
    const id = await newCart()
    await add(id, sku, 1)
    catalog.put({ sku, price: { amount: 1100, currency: 'EUR' } })
    expect((await add(id, sku, 1)).body.items[0]).toMatchObject({
      unitPrice: 1100,
      quantity: 2,
      lineTotal: 2200,
    })
  })

  test('ignores a client-sent price: the line costs what the catalog says', async () => {
    const sku = catalog.put({ sku: uniqueSku(), price: { amount: 2500, currency: 'EUR' } })
    const id = await newCart()
    const res = await call('POST', `/api/v1/carts/${id}/items`, {
      sku,
      quantity: 2,
      price: { amount: 1, currency: 'EUR' },
      unitPrice: 1,
      lineTotal: 2,
    })
    expect(res.status).toBe(200)
    expect(res.body.items).toEqual([
      { sku, productId: `prd_${sku}`, name: `Product ${sku}`, unitPrice: 2500, quantity: 2, lineTotal: 5000 },
    ])
    expect(res.body.totals).toEqual({ subtotal: 5000, itemCount: 2 })
  })

  test('refuses bad quantities and SKUs with 422, changing nothing', async () => {
    const sku = catalog.put({ sku: uniqueSku() })
    const id = await newCart()
    await add(id, sku, 1)
    const before = await read(id)
    for (const body of [
      { sku, quantity: 0 },
      { sku, quantity: -1 },
      { sku, quantity: 1.5 },
      { sku, quantity: 'two' },
      { sku },
      { quantity: 1 },
      { sku: 'has space', quantity: 1 },
      { sku: 'X'.repeat(65), quantity: 1 },
    ]) {
      const res = await call('POST', `/api/v1/carts/${id}/items`, body)
      expect([body, res.status, res.body.code]).toEqual([body, 422, 'validation_failed'])
    }
    for (const body of [{ quantity: 0 }, { quantity: 100_001 }, {}]) {
      const res = await call('PATCH', `/api/v1/carts/${id}/items/${sku}`, body)
      expect([body, res.status]).toEqual([body, 422])
    }
    expect(await read(id)).toEqual(before)
  })

  test('refuses SKUs not for sale, quantities over the maximum, too many lines and mixed currencies, changing nothing', async () => {
    const eur = catalog.put({ sku: uniqueSku() })
    const draft = catalog.put({ sku: uniqueSku(), status: 'draft' })
    const archived = catalog.put({ sku: uniqueSku(), status: 'archived' })
    const usd = catalog.put({ sku: uniqueSku(), price: { amount: 500, currency: 'USD' } })
    const id = await newCart()
    await add(id, eur, 98)
    const before = await read(id)
    const cases: [string, number, string][] = [
      [uniqueSku('UNKNOWN'), 1, 'sku_unavailable'],
      [draft, 1, 'sku_unavailable'],
      [archived, 1, 'sku_unavailable'],
      [usd, 1, 'currency_mismatch'],
      [eur, 2, 'cart_limit'],
    ]
    for (const [sku, quantity, code] of cases) {
      const res = await add(id, sku, quantity)
      expect([sku, res.status, res.body.code]).toEqual([sku, 422, code])
    }
    const patched = await call('PATCH', `/api/v1/carts/${id}/items/${eur}`, { quantity: 100 })
    expect([patched.status, patched.body.code]).toEqual([422, 'cart_limit'])
    expect(await read(id)).toEqual(before)

    const full = await newCart()
    for (let i = 0; i < 50; i++)
      expect((await add(full, catalog.put({ sku: uniqueSku() }), 1)).status).toBe(200)
    const over = await add(full, catalog.put({ sku: uniqueSku() }), 1)
    expect([over.status, over.body.code]).toEqual([422, 'cart_limit'])
    expect((await read(full)).items).toHaveLength(50)
  })

  test('answers 404 for a cart or line that does not exist, 422 for a malformed id', async () => {
    const id = await newCart()
    const missing = 'cart_0000000000000000000000000A'.slice(0, 31)
    expect((await call('GET', `/api/v1/carts/${missing}`)).status).toBe(404)
    expect((await add(missing, catalog.put({ sku: uniqueSku() }), 1)).status).toBe(404)
    expect((await call('PATCH', `/api/v1/carts/${id}/items/NOPE`, { quantity: 1 })).status).toBe(404)
    expect((await call('DELETE', `/api/v1/carts/${id}/items/NOPE`)).status).toBe(404)
    expect((await call('GET', '/api/v1/carts/not-a-cart')).status).toBe(422)
  })

  test('hides a shopper’s cart from everyone else (404) and refuses a bad token (401), changing nothing', async () => {
    const sku = catalog.put({ sku: uniqueSku() })
    const user = await uniqueUser()
    const id = await newCart(user.token)
    await add(id, sku, 1, user.token)
    const before = await read(id, user.token)
    for (const token of [undefined, bob]) {
      expect((await call('GET', `/api/v1/carts/${id}`, undefined, token ? as(token) : {})).status).toBe(404)
      expect((await add(id, sku, 1, token)).status).toBe(404)
      const headers = token ? as(token) : {}
      expect((await call('PATCH', `/api/v1/carts/${id}/items/${sku}`, { quantity: 5 }, headers)).status).toBe(
        404,
      )
      expect((await call('DELETE', `/api/v1/carts/${id}/items/${sku}`, undefined, headers)).status).toBe(404)
    }
    const bad = await call('GET', `/api/v1/carts/${id}`, undefined, as('not.a.token'))
    expect(bad.status).toBe(401)
    expect((await call('POST', '/api/v1/carts', undefined, as('not.a.token'))).status).toBe(401)
    expect(await read(id, user.token)).toEqual(before)
  })

  test('a guest cart used by a signed-in shopper without a cart becomes theirs', async () => {
    const sku = catalog.put({ sku: uniqueSku() })
    const user = await uniqueUser()
    const guest = await newCart()
    await add(guest, sku, 2)
    const adopted = await read(guest, user.token)
    expect(adopted).toMatchObject({ id: guest, userId: user.id, items: [{ sku, quantity: 2 }] })
    expect((await call('GET', `/api/v1/carts/${guest}`)).status).toBe(404)
    const own = await call('POST', '/api/v1/carts', undefined, as(user.token))
    expect([own.status, own.body.id]).toEqual([200, guest])
  })

  test('a guest cart used by a shopper with a cart is merged into theirs (quantities summed and capped) and removed', async () => {
    const [a, b, c] = [
      catalog.put({ sku: uniqueSku() }),
      catalog.put({ sku: uniqueSku() }),
      catalog.put({ sku: uniqueSku() }),
    ]
    const user = await uniqueUser()
    const mine = await newCart(user.token)
    await add(mine, a, 1, user.token)
    await add(mine, b, 90, user.token)
    const guest = await newCart()
    await add(guest, b, 20)
    await add(guest, a, 2)
    await add(guest, c, 1)
    const merged = await add(guest, c, 1, user.token)
    expect(merged.status).toBe(200)
    expect(merged.body.id).toBe(mine)
    expect(merged.body.items.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([
      [a, 3],
      [b, 99],
      [c, 2],
    ])
    expect((await call('GET', `/api/v1/carts/${guest}`)).status).toBe(404)
    expect((await call('GET', `/api/v1/carts/${guest}`, undefined, as(user.token))).status).toBe(404)
    expect((await read(mine, user.token)).items).toHaveLength(3)
  })

  test('answers 503 with Retry-After when the catalog is unreachable, changing nothing', async () => {
    const down = catalogServer()
    const sku = down.put({ sku: uniqueSku() })
    const offline = await orderHarness({ catalog: productCatalog({ baseUrl: down.url, timeoutMs: 500 }) })
    const id = (await offline.call('POST', '/api/v1/carts')).body.id
    expect((await offline.call('POST', `/api/v1/carts/${id}/items`, { sku, quantity: 1 })).status).toBe(200)
    down.stop()
    const before = (await offline.call('GET', `/api/v1/carts/${id}`)).body
    const res = await offline.call('POST', `/api/v1/carts/${id}/items`, { sku, quantity: 1 })
    expect([res.status, res.body.code, res.headers.get('retry-after')]).toEqual([503, 'unavailable', '5'])
    expect((await offline.call('GET', `/api/v1/carts/${id}`)).body).toEqual(before)
  })

  test('alice’s token is still valid for her own cart', async () => {
    const id = await newCart(alice)
    expect((await read(id, alice)).userId).toBe('usr_alice')
  })
})
