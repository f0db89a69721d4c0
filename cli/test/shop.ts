// What end-to-end tests do as a shop's people do through the gateway: an administrator stocks a new product, a
// shopper registers, signs in and buys it.
import { expect } from 'bun:test'
import { httpCaller, uniqueEmail } from '@myshop/testing'

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** A delivery address checkout takes, in France (no tax rate set: 0 tax). */
export const address = {
  name: 'Grace Buyer',
  line1: '7 Rue Neuve',
  city: 'Lyon',
  postalCode: '69002',
  country: 'FR',
}

/** The gateway at `gatewayUrl`, as an administrator and shoppers use it. */
export const shopAt = (gatewayUrl: string) => {
  const api = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    httpCaller(gatewayUrl)(method, path, body, headers)

  const signIn = async (email: string, password: string) => {
    const res = await api('POST', '/api/v1/auth/login', { email, password })
    expect(res.status).toBe(200)
    return res.body.accessToken as string
  }

  /** A new account's access token. */
  const register = async (email: string, password: string) => {
    expect((await api('POST', '/api/v1/auth/register', { email, password, name: 'Buyer' })).status).toBe(201)
    return signIn(email, password)
  }

  /** A new active product of one SKU priced in EUR cents, with `units` in stock once inventory has counted it. */
  const stockedSku = async (admin: string, label: string, name: string, amount: number, units: number) => {
    const sku = `E2E-${label}-${crypto.randomUUID().slice(0, 8).toUpperCase()}`
    const product = await api(
      'POST',
      '/api/v1/products',
      { name, status: 'active', variants: [{ sku, price: { amount, currency: 'EUR' } }] },
      bearer(admin),
    )
    expect(product.status).toBe(201)
    // The inventory service learns of the SKU from product.created.
    for (let tries = 0; (await api('GET', `/api/v1/inventory/${sku}`)).status !== 200; tries++) {
      expect(tries).toBeLessThan(100)
      await Bun.sleep(50)
    }
    const stocked = await api(
      'POST',
      `/api/v1/inventory/${sku}/adjustments`,
      { delta: units, reason: 'received' },
      bearer(admin),
    )
    expect(stocked.status).toBe(201)
    return sku
  }

  /** A new cart of the shopper's holding `quantity` of `sku`. */
  const cartOf = async (shopper: string, sku: string, quantity: number) => {
    const cart = await api('POST', '/api/v1/carts', undefined, bearer(shopper))
    expect(cart.status).toBe(201)
    const added = await api('POST', `/api/v1/carts/${cart.body.id}/items`, { sku, quantity }, bearer(shopper))
    expect(added.status).toBe(200)
    return cart.body.id as string
  }

  /** The checkout of a cart with the standard delivery to `address` and a test card (tok_visa unless told). */
  const checkout = (shopper: string, cartId: string, email: string, token = 'tok_visa') =>
    api(
      'POST',
      '/api/v1/checkout',
      {
        cartId,
        email,
        shippingAddress: address,
        shippingOption: 'shp_standard',
        payment: { provider: 'test', token },
      },
      { ...bearer(shopper), 'idempotency-key': crypto.randomUUID() },
    )

  const available = async (sku: string) =>
    (await api('GET', `/api/v1/inventory/${sku}`)).body.available as number

  /** A new shopper's checkout of one unit of a new product priced `amount` EUR cents, as the gateway answered it. */
  const boughtByNewShopper = async (admin: string, label: string, amount: number) => {
    const sku = await stockedSku(admin, label, `${label} item`, amount, 5)
    const email = uniqueEmail(label.toLowerCase())
    const shopper = await register(email, 'amber-Willow-44-harbor')
    return checkout(shopper, await cartOf(shopper, sku, 1), email)
  }

  return { api, signIn, register, stockedSku, cartOf, checkout, available, boughtByNewShopper }
}
