import { type ApiClient, ApiError, type PlacedOrder } from '../api-client.ts'
import { streamFor } from '../catalog/generator.ts'
import type { CatalogItem } from './history.ts'

export type LiveOrdersOptions = {
  api: ApiClient
  catalog: readonly CatalogItem[]
  count: number
  seed: number
  now: () => Date
}

export type LiveOrdersResult = {
  /** The shopper who placed them (a new account each run). */
  shopper: string | null
  placed: { orderId: string; status: string; total: number; currency: string }[]
  failed: { step: string; message: string }[]
}

/** Where the demo shopper's orders go (France: no tax rate is set there). */
const address = {
  name: 'Demo Shopper',
  line1: '7 Rue Neuve',
  city: 'Lyon',
  postalCode: '69002',
  country: 'FR',
}

/**
 * The demo shopper's browser. Tracking drops events sent by automated clients (Bun's own user agent among them),
 * and these stand for what a storefront's page sends from the shopper's browser.
 */
export const shopperBrowser =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36'

const randomId = (prefix: string) => `${prefix}_${crypto.randomUUID().replaceAll('-', '')}`

const message = (error: unknown) =>
  error instanceof ApiError || error instanceof Error ? error.message : String(error)

/**
 * Places `count` real orders now, through the same API a storefront uses: a new shopper registers and signs in,
 * then for each order views a product in stock, puts it in a cart and checks out with the test provider's card,
 * sending the session's tracked events to `POST /api/v1/track` as it goes. The order service's events then make
 * these orders' sales facts, as for any order. A step MyShop refuses is reported and ends the run of live orders.
 */
export const placeLiveOrders = async ({
  api,
  catalog,
  count,
  seed,
  now,
}: LiveOrdersOptions): Promise<LiveOrdersResult> => {
  const result: LiveOrdersResult = { shopper: null, placed: [], failed: [] }
  if (count < 1) return result
  const email = `shopper-${seed}-${crypto.randomUUID().slice(0, 8)}@example.com`
  // A password nobody knows: the account exists to have placed these orders.
  const password = crypto.randomUUID() + crypto.randomUUID()
  let token: string
  try {
    await api.register({ email, password, name: 'Demo Shopper' })
    token = (await api.login(email, password)).accessToken
  } catch (error) {
    result.failed.push({ step: 'register', message: message(error) })
    return result
  }
  result.shopper = email
  const random = streamFor(seed, Date.now() % 0x7fffffff)
  const anonymousId = randomId('anon')
  for (let i = 0; i < count; i++) {
    const sessionId = randomId('ses')
    const tracked: unknown[] = []
    const track = (type: string, properties: Record<string, unknown>) =>
      tracked.push({
        id: randomId('evt'),
        type,
        anonymousId,
        sessionId,
        time: now().toISOString(),
        properties,
      })
    let step = 'stock'
    try {
      const item = await inStock(api, catalog, random)
      if (!item) {
        result.failed.push({ step, message: 'no product of the catalog has stock available' })
        break
      }
      track('page_view', { path: `/p/${item.productId}`, title: item.name.slice(0, 300) })
      track('product_view', { productId: item.productId, sku: item.sku })
      step = 'cart'
      const cart = await api.createCart(token)
      await api.addCartItem(token, cart.id, item.sku, 1)
      track('add_to_cart', {
        productId: item.productId,
        sku: item.sku,
        quantity: 1,
        price: item.price,
        currency: item.currency,
      })
      track('checkout_started', { cartId: cart.id, value: item.price, currency: item.currency })
      step = 'checkout'
      const order: PlacedOrder = await api.checkout(
        token,
        {
          cartId: cart.id,
          email,
          shippingAddress: address,
          shippingOption: 'shp_standard',
          payment: { provider: 'test', token: 'tok_visa' },
        },
        crypto.randomUUID(),
      )
      const total = Number(order.totals.total)
      result.placed.push({ orderId: order.id, status: order.status, total, currency: order.currency })
      track('purchase', { orderId: order.id, value: total, currency: order.currency })
      step = 'track'
      const answer = await api.track(token, tracked, { userAgent: shopperBrowser })
      if (answer.dropped || answer.rejected.length) {
        const why = answer.dropped
          ? `all dropped (${answer.dropped})`
          : answer.rejected
              .flatMap(({ index, errors }) => errors.map((e) => `event ${index}: ${e.path} ${e.message}`))
              .join('; ')
        result.failed.push({
          step,
          message: `the order was placed, but its tracked events were refused: ${why}`,
        })
        break
      }
    } catch (error) {
      result.failed.push({ step, message: message(error) })
      break
    }
  }
  return result
}

/**
 * A product of the catalog with at least one unit available, tried in a random order, each at most once (up to 200
 * reads): a shop whose catalog is mostly sold out still finds the few products it can sell.
 */
const inStock = async (
  api: ApiClient,
  catalog: readonly CatalogItem[],
  random: () => number,
): Promise<CatalogItem | undefined> => {
  const order = [...catalog]
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  for (const item of order.slice(0, 200)) {
    const stock = await api.getStock(item.sku).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null
      throw error
    })
    if (stock && stock.available > 0) return item
  }
  return undefined
}
