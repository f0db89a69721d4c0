import { periodicJob } from '@myshop/service-kit'
import type { InventoryDeps } from '../deps.ts'
import { expiredReservations, expireReservation } from './service.ts'

export interface ReservationSweeper {
  /** Releases every reservation held past its expiry; answers how many it released. */
  sweep(): Promise<number>
  /** Sweeps every `intervalMs` until stopped. */
  start(): void
  /** Stops sweeping, waiting for a sweep under way. */
  stop(): Promise<void>
}

const batch = 100

/**
 * Releases reservations never committed once they expire, so stock held for an abandoned checkout returns. Each is
 * released in a transaction of its own that checks it is still held and expired, so several instances sweeping at
 * once, or a holder committing or releasing meanwhile, release nothing twice.
 */
export const reservationSweeper = (deps: InventoryDeps, intervalMs: number): ReservationSweeper => {
  const sweep = async () => {
    let released = 0
    while (true) {
      const ids = await expiredReservations(deps, batch)
      let progressed = false
      for (const id of ids)
        if (await expireReservation(deps, id)) {
          released++
          progressed = true
        }
      if (ids.length < batch || !progressed) return released
    }
  }
  const job = periodicJob({
    pass: sweep,
    intervalMs,
    logger: deps.logger,
    failed: 'releasing expired reservations failed; retrying at the next sweep',
    handled: (released) => [{ released }, 'expired reservations released'],
  })
  return { sweep, start: job.start, stop: job.stop }
}
