import { beforeAll, describe, expect, test } from 'bun:test'
import { type CartRecord, emptyCart, newCartId } from '../src/carts/model.ts'
import type { CartStore } from '../src/carts/store.ts'

const line = (sku: string, quantity: number) => ({
  sku,
  productId: `prd_${sku}`,
  name: sku,
  unitPrice: 100,
  quantity,
})

const userId = () => `usr_${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`

const newRecord = (owner: string | null = null): CartRecord => ({
  ...emptyCart(newCartId(), owner, new Date().toISOString()),
  currency: 'EUR',
  lines: [line('A', 1)],
})

/** Reads, changes and saves a cart until its save wins, as the cart service does. */
const change = async (store: CartStore, id: string, apply: (r: CartRecord) => CartRecord) => {
  for (;;) {
    const record = await store.get(id)
    if (!record) throw new Error('cart gone')
    if ((await store.save(apply(record))) === 'saved') return
    await Bun.sleep(Math.random() * 5)
  }
}

/**
 * What every CartStore does, run against each implementation. `open(ttlMs)` gives a store of the suite's own
 * whose carts expire after `ttlMs`.
 */
export const cartStoreContract = (name: string, open: (ttlMs: number) => Promise<CartStore>) =>
  describe(`${name} cart store`, () => {
    let store: CartStore
    beforeAll(async () => {
      store = await open(24 * 3600 * 1000)
    })

    test('keeps a new cart at version 1 and finds nothing for an unknown id', async () => {
      const record = newRecord()
      expect(await store.get(record.id)).toBeNull()
      expect(await store.save(record)).toBe('saved')
      expect(await store.get(record.id)).toEqual({ ...record, version: 1 })
    })

    test('saves over the version it read, and refuses a stale or duplicate write', async () => {
      const record = newRecord()
      await store.save(record)
      expect(await store.save(record)).toBe('conflict')
      const read = (await store.get(record.id))!
      const next = { ...read, lines: [line('A', 2)] }
      expect(await store.save(next)).toBe('saved')
      expect(await store.save({ ...read, lines: [line('A', 5)] })).toBe('conflict')
      expect(await store.get(record.id)).toEqual({ ...next, version: 2 })
    })

    test('finds a shopper’s one cart, and refuses them a second while it lives', async () => {
      const owner = userId()
      const first = newRecord(owner)
      expect(await store.findByUser(owner)).toBeNull()
      expect(await store.save(first)).toBe('saved')
      expect((await store.findByUser(owner))?.id).toBe(first.id)
      const second = newRecord(owner)
      expect(await store.save(second)).toBe('user_has_cart')
      expect(await store.get(second.id)).toBeNull()
      // A guest cart given to them is refused too.
      const guest = newRecord()
      await store.save(guest)
      expect(await store.save({ ...(await store.get(guest.id))!, userId: owner })).toBe('user_has_cart')
      expect((await store.get(guest.id))?.userId).toBeNull()
      await store.delete(first.id)
      expect(await store.findByUser(owner)).toBeNull()
      expect(await store.save({ ...(await store.get(guest.id))!, userId: owner })).toBe('saved')
      expect((await store.findByUser(owner))?.id).toBe(guest.id)
    })

    test('deletes a cart, twice without complaint, or only at the version given', async () => {
      const record = newRecord(userId())
      await store.save(record)
      expect(await store.delete(record.id, 2)).toBe(false)
      expect(await store.get(record.id)).not.toBeNull()
      expect(await store.delete(record.id, 1)).toBe(true)
      expect(await store.delete(record.id)).toBe(false)
      expect(await store.get(record.id)).toBeNull()
      expect(await store.findByUser(record.userId!)).toBeNull()
      expect(await store.save({ ...record, version: 1 })).toBe('conflict')
    })

    test('forgets a cart nobody saved for its time to live, and frees its shopper’s place', async () => {
      const short = await open(1_000)
      const owner = userId()
      const record = newRecord(owner)
      await short.save(record)
      const kept = newRecord()
      await short.save(kept)
      await Bun.sleep(700)
      // A save gives the cart another time to live.
      await short.save((await short.get(kept.id))!)
      await Bun.sleep(700)
      expect(await short.get(record.id)).toBeNull()
      expect(await short.findByUser(owner)).toBeNull()
      expect(await short.get(kept.id)).not.toBeNull()
      expect(await short.save({ ...record, version: 1 })).toBe('conflict')
      expect(await short.save(newRecord(owner))).toBe('saved')
      await short.purgeExpired(100)
    })

    test('keeps every one of many concurrent changes to one cart', async () => {
      const record = newRecord()
      await store.save({ ...record, lines: [] })
      const writers = 40
      await Promise.all(
        Array.from({ length: writers }, (_, i) =>
          change(store, record.id, (r) => ({ ...r, lines: [...r.lines, line(`SKU-${i}`, 1)] })),
        ),
      )
      const final = (await store.get(record.id))!
      expect(final.version).toBe(writers + 1)
      expect(final.lines.map((l) => l.sku).sort()).toEqual(
        Array.from({ length: writers }, (_, i) => `SKU-${i}`).sort(),
      )
    })

    test('gives a shopper exactly one of two carts claimed at once', async () => {
      const owner = userId()
      const carts = [newRecord(), newRecord()]
      for (const c of carts) await store.save(c)
      const results = await Promise.all(
        carts.map(async (c) => store.save({ ...(await store.get(c.id))!, userId: owner })),
      )
      expect(results.sort()).toEqual(['saved', 'user_has_cart'])
      const own = (await store.findByUser(owner))!
      expect(carts.map((c) => c.id)).toContain(own.id)
    })
  })
