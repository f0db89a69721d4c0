import { createHash } from 'node:crypto'
import type { Tx } from '@myshop/db'
import { AppError } from '@myshop/errors'
import { outbox, stockReleased, stockReserved } from '@myshop/events'
import { newId } from '@myshop/ids'
import { systemActor } from '../audit/model.ts'
import { auditAdjustment, auditCommit, auditRelease, auditReservation } from '../audit/service.ts'
import { type InventoryDeps, schema } from '../deps.ts'
import {
  type EventContext,
  eventMeta,
  followThresholds,
  lockStock,
  moveStock,
  recordAdjustment,
  returnedReason,
  returnedUnits,
} from '../stock/service.ts'
import type { ReservationLine, ReservationRecord } from './repository.ts'
import * as reservations from './repository.ts'

export interface ReservationInput {
  reference: string
  lines: { sku: string; quantity: number }[]
  ttlSeconds?: number | undefined
}

/** A reservation as its holder sees it. */
export interface Reservation {
  id: string
  reference: string
  status: ReservationRecord['status']
  lines: ReservationLine[]
  expiresAt: string
  createdAt: string
  updatedAt: string
}

const notFound = () => new AppError('not_found', { detail: 'No such reservation' })

const view = (r: ReservationRecord, lines: ReservationLine[]): Reservation => ({
  id: r.id,
  reference: r.reference,
  status: r.status,
  lines,
  expiresAt: r.expiresAt.toISOString(),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
})

/** The units wanted of each SKU, by SKU (a SKU named twice is wanted once, with both quantities). */
const wanted = (lines: ReservationInput['lines']) => {
  const bySku = new Map<string, number>()
  for (const line of lines) bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + line.quantity)
  return [...bySku].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/**
 * Sets stock aside for `reference`, all lines or none: each SKU's units are taken from its locations in location
 * order. A SKU short of units fails the whole request with 409 `insufficient_stock`, naming every short SKU and what
 * it has available. The same idempotency key answers the reservation it made the first time (`replayed`), also
 * while that first request is still running; with another request, 422.
 */
export const reserve = async (
  deps: InventoryDeps,
  input: ReservationInput,
  key: string,
  actor: string,
  ctx: EventContext = {},
): Promise<{ reservation: Reservation; replayed: boolean }> => {
  const units = wanted(input.lines)
  const ttlSeconds = input.ttlSeconds ?? deps.settings.reservationTtlSeconds
  // The caller is part of it: a key another caller happened to use is refused, not answered with their reservation.
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify({ actor, reference: input.reference, units, ttlSeconds: input.ttlSeconds ?? null }),
    )
    .digest('hex')
  const result = await deps.sql.begin(async (tx) => {
    const at = new Date(deps.now())
    const id = newId('res', at.getTime())
    const expiresAt = new Date(at.getTime() + ttlSeconds * 1000)
    const claimed = await reservations.claim(tx, {
      id,
      key,
      fingerprint,
      reference: input.reference,
      actor,
      expiresAt,
      at,
    })
    if (!claimed) {
      const existing = (await reservations.findByKey(tx, key))!
      if (existing.fingerprint !== fingerprint)
        throw new AppError('idempotency_mismatch', {
          detail: 'This Idempotency-Key was used for another reservation request',
        })
      return { reservation: view(existing, await reservations.lines(tx, existing.id)), replayed: true }
    }

    const rows = await lockStock(
      tx,
      units.map(([sku]) => sku),
    )
    const lines: ReservationLine[] = []
    const short: { sku: string; requested: number; available: number }[] = []
    for (const [sku, quantity] of units) {
      const locations = rows.filter((row) => row.sku === sku)
      const available = locations.reduce((sum, row) => sum + row.available, 0)
      if (available < quantity) {
        short.push({ sku, requested: quantity, available })
        continue
      }
      let remaining = quantity
      for (const row of locations) {
        const take = Math.min(row.available, remaining)
        if (take > 0) lines.push({ sku, location: row.location, quantity: take })
        remaining -= take
      }
    }
    if (short.length > 0)
      throw new AppError('insufficient_stock', {
        detail: `Not enough stock of ${short.map((s) => `${s.sku} (${s.available} available, ${s.requested} wanted)`).join(', ')}`,
        errors: short.map((s) => ({
          path: `/lines/${input.lines.findIndex((line) => line.sku === s.sku)}/quantity`,
          message: `${s.sku}: ${s.available} available`,
        })),
        extensions: { shortages: short },
      })

    for (const line of lines)
      await moveStock(deps, tx, {
        sku: line.sku,
        location: line.location,
        onHand: 0,
        reserved: line.quantity,
      })
    await reservations.insertLines(tx, id, lines)
    await outbox.add(
      tx,
      schema,
      stockReserved.create(
        {
          reservationId: id,
          reference: input.reference,
          lines,
          expiresAt: expiresAt.toISOString(),
          occurredAt: at.toISOString(),
        },
        eventMeta(deps, ctx),
      ),
    )
    await followThresholds(
      deps,
      tx,
      units.map(([sku]) => sku),
      ctx,
    )
    await auditReservation(deps, tx, { id, reference: input.reference, expiresAt }, lines, actor)
    const record = (await reservations.find(tx, id))!
    return { reservation: view(record, await reservations.lines(tx, id)), replayed: false }
  })
  if (!result.replayed) deps.eventsWritten()
  return result
}

export const getReservation = async (deps: InventoryDeps, id: string): Promise<Reservation> => {
  const record = await reservations.find(deps.sql, id)
  if (!record) throw notFound()
  return view(record, await reservations.lines(deps.sql, id))
}

/** Runs `change` on the reservation, locked, and answers it as it is afterwards. */
const withReservation = async (
  deps: InventoryDeps,
  id: string,
  change: (tx: Tx, record: ReservationRecord, lines: ReservationLine[]) => Promise<boolean>,
): Promise<Reservation> => {
  let wrote = false
  const reservation = await deps.sql.begin(async (tx) => {
    const record = await reservations.find(tx, id, true)
    if (!record) throw notFound()
    const lines = await reservations.lines(tx, id)
    wrote = await change(tx, record, lines)
    return view((await reservations.find(tx, id))!, lines)
  })
  if (wrote) deps.eventsWritten()
  return reservation
}

const refused = (record: ReservationRecord, action: string) =>
  new AppError('conflict', { detail: `The reservation is ${record.status} and cannot be ${action}` })

/**
 * Takes a reservation's units out of stock for good (the order was paid): on_hand and reserved both drop, and each
 * line is written to the ledger. Committing it again changes nothing; an expired or released one cannot be.
 */
export const commitReservation = (deps: InventoryDeps, id: string, actor: string, ctx: EventContext = {}) =>
  withReservation(deps, id, async (tx, record, lines) => {
    if (record.status === 'committed') return false
    if (record.status !== 'reserved') throw refused(record, 'committed')
    if (record.expiresAt.getTime() <= deps.now())
      throw new AppError('conflict', { detail: 'The reservation has expired and cannot be committed' })
    await lockStock(
      tx,
      lines.map((line) => line.sku),
    )
    const committed = []
    for (const line of lines) {
      const row = await moveStock(deps, tx, {
        sku: line.sku,
        location: line.location,
        onHand: -line.quantity,
        reserved: -line.quantity,
      })
      const adjustment = await recordAdjustment(
        deps,
        tx,
        row,
        { delta: -line.quantity, reason: 'reservation committed', actor, reservationId: record.id },
        ctx,
      )
      committed.push({ ...line, adjustmentId: adjustment.id })
    }
    await reservations.setStatus(tx, record.id, 'committed', new Date(deps.now()))
    await auditCommit(deps, tx, record.id, committed, actor)
    return true
  })

/** Gives the units back. */
const giveBack = async (
  deps: InventoryDeps,
  tx: Tx,
  record: ReservationRecord,
  lines: ReservationLine[],
  status: 'released' | 'expired',
  actor: string,
  ctx: EventContext,
) => {
  const skus = lines.map((line) => line.sku)
  await lockStock(tx, skus)
  for (const line of lines)
    await moveStock(deps, tx, { sku: line.sku, location: line.location, onHand: 0, reserved: -line.quantity })
  const at = new Date(deps.now())
  await reservations.setStatus(tx, record.id, status, at)
  await outbox.add(
    tx,
    schema,
    stockReleased.create(
      { reservationId: record.id, reference: record.reference, status, lines, occurredAt: at.toISOString() },
      eventMeta(deps, ctx),
    ),
  )
  await followThresholds(deps, tx, skus, ctx)
  await auditRelease(deps, tx, record.id, lines, status, actor)
}

/** Gives a reservation's units back (the order will not be paid). Releasing it again changes nothing. */
export const releaseReservation = (deps: InventoryDeps, id: string, actor: string, ctx: EventContext = {}) =>
  withReservation(deps, id, async (tx, record, lines) => {
    if (record.status === 'released' || record.status === 'expired') return false
    if (record.status === 'committed') throw refused(record, 'released')
    await giveBack(deps, tx, record, lines, 'released', actor, ctx)
    return true
  })

/** Releases a reservation past its expiry that is still held; answers whether it did. */
export const expireReservation = async (deps: InventoryDeps, id: string): Promise<boolean> => {
  let expired = false
  await withReservation(deps, id, async (tx, record, lines) => {
    if (record.status !== 'reserved' || record.expiresAt.getTime() > deps.now()) return false
    await giveBack(deps, tx, record, lines, 'expired', systemActor, {})
    expired = true
    return true
  })
  return expired
}

/** Reservations held past their expiry, up to `limit`. */
export const expiredReservations = (deps: InventoryDeps, limit: number) =>
  reservations.expired(deps.sql, new Date(deps.now()), limit)

/**
 * Puts units of a committed reservation back on hand (goods returned, or an order cancelled after its stock was
 * taken): the given SKUs' units, or all not yet put back when none are given; each line is written to the ledger
 * against the reservation, so no more comes back than was taken (409). The same idempotency key answers the
 * reservation without putting anything back again; with other lines, 422.
 */
export const restockReservation = async (
  deps: InventoryDeps,
  id: string,
  input: { lines?: { sku: string; quantity: number }[] | undefined },
  key: string,
  actor: string,
  ctx: EventContext = {},
): Promise<Reservation> => {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ actor, lines: input.lines ? wanted(input.lines) : null }))
    .digest('hex')
  let wrote = false
  const reservation = await deps.sql.begin(async (tx) => {
    const record = await reservations.find(tx, id, true)
    if (!record) throw notFound()
    const held = await reservations.lines(tx, id)
    const at = new Date(deps.now())
    if (!(await reservations.claimRestock(tx, { reservationId: id, key, fingerprint, actor, at }))) {
      if ((await reservations.restockFingerprint(tx, id, key)) !== fingerprint)
        throw new AppError('idempotency_mismatch', {
          detail: 'This Idempotency-Key was used for another restock of this reservation',
        })
      return view(record, held)
    }
    if (record.status !== 'committed') throw refused(record, 'restocked')
    const returned = new Map(
      (await returnedUnits(tx, id)).map((r) => [`${r.sku}@${r.location}`, r.quantity] as const),
    )
    const left = held
      .map((line) => ({
        ...line,
        quantity: line.quantity - (returned.get(`${line.sku}@${line.location}`) ?? 0),
      }))
      .filter((line) => line.quantity > 0)
    const units = input.lines ? wanted(input.lines) : wanted(left)
    const back: ReservationLine[] = []
    const short: string[] = []
    for (const [sku, quantity] of units) {
      const places = left.filter((line) => line.sku === sku)
      const leftOfSku = places.reduce((sum, line) => sum + line.quantity, 0)
      if (quantity > leftOfSku) {
        short.push(`${sku} (${leftOfSku} left to put back, ${quantity} asked)`)
        continue
      }
      let remaining = quantity
      for (const place of places) {
        const take = Math.min(place.quantity, remaining)
        if (take > 0) back.push({ sku, location: place.location, quantity: take })
        remaining -= take
      }
    }
    if (short.length > 0)
      throw new AppError('conflict', { detail: `More than the reservation took: ${short.join(', ')}` })
    const skus = back.map((line) => line.sku)
    await lockStock(tx, skus)
    const recorded = []
    for (const line of back) {
      const row = await moveStock(deps, tx, { ...line, onHand: line.quantity, reserved: 0 })
      const adjustment = await recordAdjustment(
        deps,
        tx,
        row,
        { delta: line.quantity, reason: returnedReason, actor, reservationId: id },
        ctx,
      )
      recorded.push({ ...line, adjustmentId: adjustment.id })
    }
    await followThresholds(deps, tx, skus, ctx)
    for (const line of recorded)
      await auditAdjustment(
        deps,
        tx,
        {
          sku: line.sku,
          location: line.location,
          adjustmentId: line.adjustmentId,
          delta: line.quantity,
          reason: returnedReason,
        },
        actor,
      )
    wrote = recorded.length > 0
    return view(record, held)
  })
  if (wrote) deps.eventsWritten()
  return reservation
}
