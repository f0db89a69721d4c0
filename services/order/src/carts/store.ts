import type { CartRecord } from './model.ts'

/**
 * What a save did: `saved` (the stored version is now one more), `conflict` (the cart changed or went since it was
 * read, or expired), or `user_has_cart` (the record names a shopper who has another cart).
 */
export type SaveResult = 'saved' | 'conflict' | 'user_has_cart'

/**
 * Where carts are kept: Redis in a shop that has it, PostgreSQL otherwise. A cart expires once it has not been
 * saved for the store's time to live; an expired cart is not found.
 */
export interface CartStore {
  get(id: string): Promise<CartRecord | null>
  /** The shopper's cart (a shopper has at most one). */
  findByUser(userId: string): Promise<CartRecord | null>
  /**
   * Writes `record` when the stored cart's version is still `record.version` (0: there is no cart with its id
   * yet), and gives it another time to live.
   */
  save(record: CartRecord): Promise<SaveResult>
  /**
   * Removes a cart (nothing when there is none); with `version`, only while the stored cart is still at that
   * version. Answers whether it removed one.
   */
  delete(id: string, version?: number): Promise<boolean>
  /** Removes up to `limit` expired carts the store does not expire itself; answers how many. */
  purgeExpired(limit: number): Promise<number>
}
