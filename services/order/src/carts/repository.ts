import type { Db, Fragment } from '@myshop/db'
import type { CartRecord, StoredLine } from './model.ts'
import type { CartStore, SaveResult } from './store.ts'

interface CartRow {
  id: string
  userId: string | null
  currency: string | null
  lines: StoredLine[]
  version: number
  createdAt: Date
  updatedAt: Date
}

const toRecord = (row: CartRow): CartRecord => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
})

const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === '23505'

/** Carts in `orders.carts`, for a shop without Redis: they survive a restart with the embedded database. */
export const postgresCartStore = (
  sql: Db,
  { ttlMs, now = Date.now }: { ttlMs: number; now?: () => number },
): CartStore => {
  const select = (where: Fragment) => sql<CartRow[]>`
    select id, user_id as "userId", currency, lines, version, created_at as "createdAt", updated_at as "updatedAt"
    from orders.carts where ${where} and expires_at > ${new Date(now())}`
  const write = async (record: CartRecord): Promise<boolean> => {
    const expiresAt = new Date(now() + ttlMs)
    const fields = {
      userId: record.userId,
      currency: record.currency,
      lines: sql.json(record.lines as never),
      updatedAt: new Date(record.updatedAt),
    }
    if (record.version === 0) {
      const inserted = await sql`
        insert into orders.carts (id, user_id, currency, lines, version, created_at, updated_at, expires_at)
        values (${record.id}, ${fields.userId}, ${fields.currency}, ${fields.lines}, 1,
                ${new Date(record.createdAt)}, ${fields.updatedAt}, ${expiresAt})
        on conflict (id) do nothing`
      return inserted.count === 1
    }
    const updated = await sql`
      update orders.carts set user_id = ${fields.userId}, currency = ${fields.currency}, lines = ${fields.lines},
        version = version + 1, updated_at = ${fields.updatedAt}, expires_at = ${expiresAt}
      where id = ${record.id} and version = ${record.version} and expires_at > ${new Date(now())}`
    return updated.count === 1
  }
  return {
    async get(id) {
      const [row] = await select(sql`id = ${id}`)
      return row ? toRecord(row) : null
    },
    async findByUser(userId) {
      const [row] = await select(sql`user_id = ${userId}`)
      return row ? toRecord(row) : null
    },
    async save(record): Promise<SaveResult> {
      // An expired cart of the same shopper no longer holds their one place.
      if (record.userId)
        await sql`delete from orders.carts
                  where user_id = ${record.userId} and id <> ${record.id} and expires_at <= ${new Date(now())}`
      try {
        return (await write(record)) ? 'saved' : 'conflict'
      } catch (error) {
        if (isUniqueViolation(error)) return 'user_has_cart'
        throw error
      }
    },
    async delete(id, version) {
      const deleted = await sql`
        delete from orders.carts where id = ${id} ${version === undefined ? sql`` : sql`and version = ${version}`}`
      return deleted.count === 1
    },
    async purgeExpired(limit) {
      const deleted = await sql`
        delete from orders.carts where id in (
          select id from orders.carts where expires_at <= ${new Date(now())} limit ${limit})`
      return deleted.count
    },
  }
}
