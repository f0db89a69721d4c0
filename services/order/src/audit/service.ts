import type { Tx } from '@myshop/db'
import { append, rebuild, verify } from '@myshop/event-store'
import { type OrderDeps, schema } from '../deps.ts'
import type { Order } from '../orders/model.ts'
import { foldOrder, type OrderEntry, orderStreamType } from './model.ts'

/**
 * Appends an entry to the order's stream. Run it as the last write of the transaction making the change: the
 * chain's lock is held from here to the commit, and every other audited change waits on it meanwhile.
 */
export const auditOrder = (tx: Tx, orderId: string, entry: OrderEntry, actor: string, at: Date) =>
  append(tx, schema, {
    streamType: orderStreamType,
    streamId: orderId,
    type: entry.type,
    version: 1,
    data: entry.data,
    actor,
    occurredAt: at,
  })

/** Whether the order service's audit trail is intact, and where it first breaks if not. */
export const verifyAudit = async (deps: OrderDeps) => ({
  service: 'order' as const,
  ...(await verify(deps.sql, schema)),
})

/** An order rebuilt from its audit trail alone; null when the trail knows no such order. */
export const orderFromAudit = async (deps: OrderDeps, orderId: string): Promise<Order | null> =>
  foldOrder(orderId, await rebuild(deps.sql, schema, orderStreamType, orderId))
