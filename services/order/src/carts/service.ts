import { AppError } from '@myshop/errors'
import type { OrderDeps } from '../deps.ts'
import {
  addLine,
  type Cart,
  type CartChange,
  type CartRecord,
  emptyCart,
  mergeLines,
  newCartId,
  removeLine,
  repriceLines,
  sameLines,
  setQuantity,
  toCart,
} from './model.ts'

export type { Cart, CartLine } from './model.ts'

/** How often a change is tried again when another request changed the cart first. */
const maxAttempts = 50

const noSuchCart = () => new AppError('not_found', { detail: 'No such cart' })

const iso = (deps: OrderDeps) => new Date(deps.now()).toISOString()

/** A short random pause before trying again, longer after each attempt, so racing writers spread out. */
const backOff = (attempt: number) => Bun.sleep(Math.random() * Math.min(2 ** attempt, 50))

const saved = (record: CartRecord): CartRecord => ({ ...record, version: record.version + 1 })

/** Whether `userId` may use a cart: a shopper's cart only by them, a guest cart by whoever holds its id. */
const mayUse = (record: CartRecord, userId: string | null) =>
  record.userId === null || record.userId === userId

/**
 * A guest cart used by a signed-in shopper becomes theirs: when they have no cart it is given to them; when they
 * have one, the guest cart is removed and its lines are added to theirs, and the answer is their cart (another
 * id). Removing the guest cart first, at the version read, lets only one of several concurrent requests merge it.
 */
const adopt = async (deps: OrderDeps, guestId: string, userId: string): Promise<CartRecord> => {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const guest = await deps.carts.get(guestId)
    const own = await deps.carts.findByUser(userId)
    if (!guest || guest.userId !== null) {
      // Adopted or merged meanwhile (by this shopper's other request), or gone.
      if (guest?.userId === userId) return guest
      if (own && !guest) return own
      throw noSuchCart()
    }
    if (own) {
      if (await deps.carts.delete(guest.id, guest.version)) return mergeInto(deps, userId, guest)
    } else {
      const claimed = { ...guest, userId, updatedAt: iso(deps) }
      if ((await deps.carts.save(claimed)) === 'saved') return saved(claimed)
    }
    await backOff(attempt)
  }
  throw busy()
}

/** Adds a removed guest cart's lines to the shopper's cart (the guest cart becomes theirs if they have none now). */
const mergeInto = async (deps: OrderDeps, userId: string, guest: CartRecord): Promise<CartRecord> => {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const own = await deps.carts.findByUser(userId)
    const at = iso(deps)
    const next = own
      ? mergeLines(own, guest, deps.cartLimits, at)
      : { ...guest, userId, version: 0, updatedAt: at }
    if ((await deps.carts.save(next)) === 'saved') return saved(next)
    await backOff(attempt)
  }
  throw busy()
}

const busy = () =>
  new AppError('conflict', { detail: 'The cart is being changed by other requests; try again' })

/** The cart `userId` may use (adopting a guest cart for a signed-in shopper), or 404. */
const open = async (deps: OrderDeps, id: string, userId: string | null): Promise<CartRecord> => {
  const record = await deps.carts.get(id)
  if (!record || !mayUse(record, userId)) throw noSuchCart()
  return record.userId === null && userId !== null ? adopt(deps, id, userId) : record
}

const refused = (change: Extract<CartChange, { ok: false }>) =>
  new AppError(change.refusal.code, { detail: change.refusal.detail })

/**
 * Applies `change` to the cart and saves it, reading it again and retrying when another request saved it in
 * between, so concurrent changes are all kept. A refused change changes nothing.
 */
const mutate = async (
  deps: OrderDeps,
  id: string,
  userId: string | null,
  change: (record: CartRecord, at: string) => CartChange,
): Promise<Cart> => {
  let current = id
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const record = await open(deps, current, userId)
    // A guest cart merged into the shopper's own is gone: the change goes to theirs.
    current = record.id
    const next = change(record, iso(deps))
    if (!next.ok) throw refused(next)
    if ((await deps.carts.save(next.record)) === 'saved') return toCart(saved(next.record))
    await backOff(attempt)
  }
  throw busy()
}

/**
 * A new cart, or the signed-in shopper's own when they have one (`created: false`). A guest cart's id is its
 * secret: whoever holds it may use the cart.
 */
export const createCart = async (
  deps: OrderDeps,
  userId: string | null,
): Promise<{ cart: Cart; created: boolean }> => {
  await deps.carts.purgeExpired(100)
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    if (userId) {
      const own = await deps.carts.findByUser(userId)
      if (own) return { cart: toCart(own), created: false }
    }
    const record = emptyCart(newCartId(), userId, iso(deps))
    if ((await deps.carts.save(record)) === 'saved') return { cart: toCart(saved(record)), created: true }
  }
  throw busy()
}

/** A cart its shopper (or, for a guest cart, whoever holds its id) may see; someone else's is 404. */
export const getCart = async (deps: OrderDeps, id: string, userId: string | null): Promise<Cart> =>
  toCart(await open(deps, id, userId))

/** The variant of `sku` that is for sale, priced by the product service; 422 `sku_unavailable` otherwise. */
const forSale = async (deps: OrderDeps, sku: string) => {
  const variant = (await deps.catalog.lookup([sku])).get(sku)
  if (!variant)
    throw new AppError('sku_unavailable', { detail: `${sku} is not for sale (unknown, draft or archived)` })
  return variant
}

/** Adds units of a SKU at the product service's current name and price. */
export const addItem = async (
  deps: OrderDeps,
  id: string,
  userId: string | null,
  input: { sku: string; quantity: number },
): Promise<Cart> => {
  // Someone else's cart is 404 before the catalog is asked anything.
  const { id: cartId } = await open(deps, id, userId)
  const variant = await forSale(deps, input.sku)
  return mutate(deps, cartId, userId, (record, at) =>
    addLine(record, variant, input.quantity, deps.cartLimits, at),
  )
}

/** Sets the quantity of a line. */
export const updateItem = (
  deps: OrderDeps,
  id: string,
  userId: string | null,
  sku: string,
  quantity: number,
): Promise<Cart> =>
  mutate(deps, id, userId, (record, at) => setQuantity(record, sku, quantity, deps.cartLimits, at))

/** Removes a line. */
export const removeItem = (deps: OrderDeps, id: string, userId: string | null, sku: string): Promise<Cart> =>
  mutate(deps, id, userId, (record, at) => removeLine(record, sku, at))

/** The cart a checkout is for: 404 when the caller may not see it, 422 `cart_empty` when it has no lines. */
export const cartForCheckout = async (
  deps: OrderDeps,
  cartId: string,
  userId: string | null,
): Promise<Cart> => {
  const record = await deps.carts.get(cartId)
  if (!record || !mayUse(record, userId)) throw noSuchCart()
  if (record.lines.length === 0) throw new AppError('cart_empty', { detail: 'The cart has no items' })
  return toCart(record)
}

/**
 * Re-reads every line's price and name from the product service; saves and returns the new cart when anything
 * changed (a line no longer for sale is dropped), with changed: true. `changed` compares with the cart given, so
 * a cart changed by its shopper since it was read counts as changed too.
 */
export const repriceCart = async (deps: OrderDeps, cart: Cart): Promise<{ cart: Cart; changed: boolean }> => {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const record = await deps.carts.get(cart.id)
    if (!record) throw noSuchCart()
    const variants = await deps.catalog.lookup(record.lines.map((line) => line.sku))
    const fresh = repriceLines(record, variants, iso(deps))
    const storedChanged = !sameLines(fresh.lines, record.lines)
    if (storedChanged && (await deps.carts.save(fresh)) !== 'saved') {
      await backOff(attempt)
      continue
    }
    const now = toCart(storedChanged ? saved(fresh) : record)
    return { cart: now, changed: now.currency !== cart.currency || !sameLines(now.items, cart.items) }
  }
  throw busy()
}

/** Removes the cart once an order was placed from it (safe to call twice). */
export const closeCart = async (deps: OrderDeps, cartId: string): Promise<void> => {
  await deps.carts.delete(cartId)
}
