import { periodicJob } from '@myshop/service-kit'
import type { OrderDeps } from '../deps.ts'
import { recoverDue } from './service.ts'

export interface SagaRecovery {
  /** Runs every saga due now (left by a crash, due for a retry, awaiting the customer); answers how many. */
  recover(): Promise<number>
  /** Recovers every `intervalMs` until stopped. */
  start(): void
  /** Stops, waiting for a pass under way. */
  stop(): Promise<void>
}

const batch = 20

/**
 * Resumes sagas no instance is running: those whose instance crashed (their lease expired), those due for another
 * attempt, and those awaiting the customer (to ask the payment service, and to undo them past their deadline).
 * Each is leased before it is run, so two instances never run the same saga.
 */
export const sagaRecovery = (deps: OrderDeps, intervalMs: number): SagaRecovery => {
  const recover = async () => {
    let total = 0
    while (true) {
      const ran = await recoverDue(deps, batch)
      total += ran
      if (ran < batch) return total
    }
  }
  const job = periodicJob({
    pass: recover,
    intervalMs,
    logger: deps.logger,
    failed: 'saga recovery failed; retrying at the next pass',
  })
  return { recover, start: job.start, stop: job.stop }
}
