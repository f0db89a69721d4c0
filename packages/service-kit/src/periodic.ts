import type { Logger } from '@myshop/logger'

/** A job a service runs in the background every so often: a sweeper, a recovery loop. */
export interface PeriodicJob {
  /** One pass now, whatever the timer does; answers what the pass reports (how many things it handled). */
  run(): Promise<number>
  /** Runs a pass every `intervalMs` until stopped; a pass still under way when the next is due is not doubled. */
  start(): void
  /** Stops the timer and waits for a pass under way, so the database it uses can close after. */
  stop(): Promise<void>
}

export interface PeriodicJobOptions {
  /** One pass: handles what is due and answers how many things it handled. */
  pass: () => Promise<number>
  intervalMs: number
  logger: Logger
  /** Logged at error, with the error, when a pass fails; the next pass tries again. */
  failed: string
  /** Logged at info with the count when a pass handled anything; nothing is logged when absent. */
  handled?: (count: number) => [Record<string, unknown>, string]
}

/** Runs `pass` every `intervalMs` on a timer that keeps no process alive, one pass at a time. */
export const periodicJob = ({
  pass,
  intervalMs,
  logger,
  failed,
  handled,
}: PeriodicJobOptions): PeriodicJob => {
  let timer: ReturnType<typeof setInterval> | undefined
  let running: Promise<number> | undefined

  const tick = () => {
    if (running) return
    running = pass()
      .then((count) => {
        if (count > 0 && handled) logger.info(...handled(count))
        return count
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, failed)
        return 0
      })
      .finally(() => {
        running = undefined
      })
  }

  return {
    run: pass,
    start() {
      timer ??= setInterval(tick, intervalMs)
      timer.unref?.()
    },
    async stop() {
      clearInterval(timer)
      timer = undefined
      await running
    },
  }
}
