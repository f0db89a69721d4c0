import { describe, expect, test } from 'bun:test'
import { cartForCheckout, closeCart, repriceCart } from '../src/carts/service.ts'
import { productCatalog } from '../src/catalog/client.ts'
import { catalogServer, uniqueSku } from './catalog-server.ts'
import { orderHarness } from './harness.ts'

const catalog = catalogServer()
const h = await orderHarness({ catalog: productCatalog({ baseUrl: catalog.url }) })
const shopper = {
  id: 'usr_checkout_shopper',
  token: await h.tokens.sign({ roles: ['customer'], sub: 'usr_checkout_shopper' }),
}

/** A cart with `skus` (one unit each, priced 1000 EUR), the shopper's when `owned`. */
const cartWith = async (skus: string[], owned = false) => {
  const headers = owned ? h.as(shopper.token) : {}
  const id = (await h.call('POST', '/api/v1/carts', undefined, headers)).body.id as string
  for (const sku of skus) {
    catalog.put({ sku, price: { amount: 1000, currency: 'EUR' } })
    expect((await h.call('POST', `/api/v1/carts/${id}/items`, { sku, quantity: 1 }, headers)).status).toBe(
      200,
    )
  }
  return id
}

describe('what checkout calls', () => {
  test('cartForCheckout answers the cart its caller may use', async () => {
    const [a] = [uniqueSku()]
    const guest = await cartWith([a!])
    const cart = await cartForCheckout(h.deps, guest, null)
    expect(cart).toMatchObject({
      id: guest,
      userId: null,
      currency: 'EUR',
      items: [{ sku: a, quantity: 1, unitPrice: 1000, lineTotal: 1000 }],
      totals: { subtotal: 1000, itemCount: 1 },
    })
    // A signed-in shopper may check out a guest cart whose id they hold.
    expect((await cartForCheckout(h.deps, guest, 'usr_someone')).id).toBe(guest)
  })

  test('cartForCheckout: 404 for someone else’s or a missing cart, 422 cart_empty for an empty one', async () => {
    const owned = await cartWith([uniqueSku()], true)
    await expect(cartForCheckout(h.deps, owned, null)).rejects.toMatchObject({ status: 404 })
    await expect(cartForCheckout(h.deps, owned, 'usr_other')).rejects.toMatchObject({ status: 404 })
    expect((await cartForCheckout(h.deps, owned, shopper.id)).userId).toBe(shopper.id)
    await expect(cartForCheckout(h.deps, 'cart_MISSING', null)).rejects.toMatchObject({ status: 404 })
    const empty = await cartWith([])
    await expect(cartForCheckout(h.deps, empty, null)).rejects.toMatchObject({
      status: 422,
      code: 'cart_empty',
    })
    await closeCart(h.deps, owned)
  })

  test('repriceCart changes nothing while the catalog agrees', async () => {
    const id = await cartWith([uniqueSku(), uniqueSku()])
    const cart = await cartForCheckout(h.deps, id, null)
    const result = await repriceCart(h.deps, cart)
    expect(result).toEqual({ cart, changed: false })
  })

  test('repriceCart saves new prices and names and drops lines no longer for sale', async () => {
    const [kept, repriced, archived, gone] = [uniqueSku(), uniqueSku(), uniqueSku(), uniqueSku()]
    const id = await cartWith([kept!, repriced!, archived!, gone!])
    const cart = await cartForCheckout(h.deps, id, null)
    catalog.put({ sku: repriced!, name: 'Renamed', price: { amount: 1200, currency: 'EUR' } })
    catalog.put({ sku: archived!, price: { amount: 1000, currency: 'EUR' }, status: 'archived' })
    catalog.remove(gone!)
    const result = await repriceCart(h.deps, cart)
    expect(result.changed).toBe(true)
    expect(result.cart.items.map((l) => [l.sku, l.name, l.unitPrice])).toEqual([
      [kept, `Product ${kept}`, 1000],
      [repriced, 'Renamed', 1200],
    ])
    expect(result.cart.totals).toEqual({ subtotal: 2200, itemCount: 2 })
    // Saved: the shopper sees the new cart, and a second reprice finds nothing more to change.
    expect((await h.call('GET', `/api/v1/carts/${id}`)).body).toEqual(result.cart)
    expect(await repriceCart(h.deps, result.cart)).toEqual({ cart: result.cart, changed: false })
  })

  test('repriceCart reports a cart changed since checkout read it', async () => {
    const sku = uniqueSku()
    const id = await cartWith([sku])
    const cart = await cartForCheckout(h.deps, id, null)
    await h.call('PATCH', `/api/v1/carts/${id}/items/${sku}`, { quantity: 3 })
    const result = await repriceCart(h.deps, cart)
    expect(result.changed).toBe(true)
    expect(result.cart.items[0]!.quantity).toBe(3)
  })

  test('repriceCart answers 503 and changes nothing while the catalog is unreachable', async () => {
    const down = catalogServer()
    const sku = down.put({ sku: uniqueSku() })
    const offline = await orderHarness({ catalog: productCatalog({ baseUrl: down.url, timeoutMs: 500 }) })
    const id = (await offline.call('POST', '/api/v1/carts')).body.id as string
    await offline.call('POST', `/api/v1/carts/${id}/items`, { sku, quantity: 1 })
    const cart = await cartForCheckout(offline.deps, id, null)
    down.stop()
    await expect(repriceCart(offline.deps, cart)).rejects.toMatchObject({ status: 503, code: 'unavailable' })
    expect(await cartForCheckout(offline.deps, id, null)).toEqual(cart)
  })

  test('closeCart removes the cart, and may be called twice', async () => {
    const id = await cartWith([uniqueSku()])
    await closeCart(h.deps, id)
    await closeCart(h.deps, id)
    expect((await h.call('GET', `/api/v1/carts/${id}`)).status).toBe(404)
    await expect(cartForCheckout(h.deps, id, null)).rejects.toMatchObject({ status: 404 })
  })

  test('closing a shopper’s cart frees their place: their next cart is a new one', async () => {
    const user = { id: 'usr_closer', token: await h.tokens.sign({ roles: ['customer'], sub: 'usr_closer' }) }
    const first = await h.call('POST', '/api/v1/carts', undefined, h.as(user.token))
    await closeCart(h.deps, first.body.id)
    const next = await h.call('POST', '/api/v1/carts', undefined, h.as(user.token))
    expect(next.status).toBe(201)
    expect(next.body.id).not.toBe(first.body.id)
  })
})
