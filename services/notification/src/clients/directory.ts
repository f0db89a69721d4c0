import type { serviceGet } from '@myshop/service-kit'

/** A member of staff a message is addressed to. */
export interface StaffMember {
  id: string
  email: string
  name: string
}

/** What the other services know that messages need. */
export interface Directory {
  /** Every user holding `role` (inventory managers for low stock, administrators for disputes). */
  usersWithRole(role: 'inventory_manager' | 'admin'): Promise<StaffMember[]>
  /** An order as the order service answers it (with its shipping address), or null when it has none by that id. */
  order(orderId: string): Promise<Record<string, unknown> | null>
}

type Get = ReturnType<typeof serviceGet>

/** The directory over HTTP: the user service's user list (`users:read`) and the order service's orders (`orders:read_all`). */
export const httpDirectory = (users: Get, orders: Get): Directory => ({
  async usersWithRole(role) {
    const found: StaffMember[] = []
    let cursor: string | null = null
    do {
      const query: string = `role=${role}&limit=100${cursor ? `&cursor=${cursor}` : ''}`
      const page: { items: StaffMember[]; nextCursor: string | null } | null = await users(
        `/api/v1/users?${query}`,
      )
      found.push(...(page?.items ?? []).map(({ id, email, name }) => ({ id, email, name })))
      cursor = page?.nextCursor ?? null
    } while (cursor)
    return found
  },
  order: (orderId) => orders<Record<string, unknown>>(`/api/v1/orders/${encodeURIComponent(orderId)}`),
})
