import type { Tx } from '@myshop/db'
import { append, rebuild, verify } from '@myshop/event-store'
import { type InventoryDeps, schema } from '../deps.ts'
import {
  foldStock,
  reservationStreamType,
  type StockCounts,
  type StockEntry,
  stockStreamId,
  stockStreamType,
} from './model.ts'

/** A reservation line as the audit trail records it. */
interface Line {
  sku: string
  location: string
  quantity: number
}

// Each of these runs as the last write of the transaction making the change: the chain's lock is held from the
// first append to the commit, and every other stock change waits on it meanwhile.

const appendEntry = (
  deps: InventoryDeps,
  tx: Tx,
  stream: { streamType: string; streamId: string },
  entry: { type: string; data: unknown },
  actor: string,
) => append(tx, schema, { ...stream, ...entry, version: 1, actor, occurredAt: new Date(deps.now()) })

const stockStream = (line: { sku: string; location: string }) => ({
  streamType: stockStreamType,
  streamId: stockStreamId(line.sku, line.location),
})

/** A reservation's own entry, then one entry per line in the stock stream of the line's location. */
const appendReservationChange = async <L extends Line>(
  deps: InventoryDeps,
  tx: Tx,
  reservationId: string,
  entry: { type: string; data: unknown },
  lines: L[],
  stockEntry: (line: L) => StockEntry,
  actor: string,
) => {
  await appendEntry(deps, tx, { streamType: reservationStreamType, streamId: reservationId }, entry, actor)
  for (const line of lines) await appendEntry(deps, tx, stockStream(line), stockEntry(line), actor)
}

/** Records stock counted in or out at a location. */
export const auditAdjustment = async (
  deps: InventoryDeps,
  tx: Tx,
  change: { sku: string; location: string; adjustmentId: string; delta: number; reason: string },
  actor: string,
) => {
  const { sku, location, ...data } = change
  const entry: StockEntry = { type: 'stock.adjusted', data }
  await appendEntry(deps, tx, stockStream({ sku, location }), entry, actor)
}

/** Records a reservation made, and the units it holds at each location. */
export const auditReservation = (
  deps: InventoryDeps,
  tx: Tx,
  reservation: { id: string; reference: string; expiresAt: Date },
  lines: Line[],
  actor: string,
) =>
  appendReservationChange(
    deps,
    tx,
    reservation.id,
    {
      type: 'reservation.made',
      data: { reference: reservation.reference, lines, expiresAt: reservation.expiresAt.toISOString() },
    },
    lines,
    ({ quantity }) => ({ type: 'stock.reserved', data: { reservationId: reservation.id, quantity } }),
    actor,
  )

/** Records a reservation committed: its units leave stock, each line with the ledger row that says so. */
export const auditCommit = (
  deps: InventoryDeps,
  tx: Tx,
  reservationId: string,
  lines: (Line & { adjustmentId: string })[],
  actor: string,
) =>
  appendReservationChange(
    deps,
    tx,
    reservationId,
    { type: 'reservation.committed', data: {} },
    lines,
    ({ quantity, adjustmentId }) => ({
      type: 'stock.committed',
      data: { reservationId, adjustmentId, quantity },
    }),
    actor,
  )

/** Records a reservation released or expired: its units are available again. */
export const auditRelease = (
  deps: InventoryDeps,
  tx: Tx,
  reservationId: string,
  lines: Line[],
  status: 'released' | 'expired',
  actor: string,
) =>
  appendReservationChange(
    deps,
    tx,
    reservationId,
    { type: `reservation.${status}`, data: {} },
    lines,
    ({ quantity }) => ({ type: 'stock.released', data: { reservationId, quantity, status } }),
    actor,
  )

/** Whether the inventory service's audit trail is intact, and where it first breaks if not. */
export const verifyAudit = async (deps: InventoryDeps) => ({
  service: 'inventory' as const,
  ...(await verify(deps.sql, schema)),
})

/** A location's counts rebuilt from its audit trail alone. */
export const stockFromAudit = async (
  deps: InventoryDeps,
  sku: string,
  location: string,
): Promise<StockCounts> =>
  foldStock(await rebuild(deps.sql, schema, stockStreamType, stockStreamId(sku, location)))
