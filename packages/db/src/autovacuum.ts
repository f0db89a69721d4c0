import type { Db } from './connect.ts'

/**
 * The tables PostgreSQL's autovacuum would take now, with its default thresholds: vacuum once dead rows exceed
 * 50 + 20% of the live ones, analyse once changes since the last analysis exceed 50 + 10%. Most dead rows first.
 */
export const tablesDueForVacuum = async (sql: Db): Promise<string[]> => {
  const rows = await sql<{ name: string }[]>`
    select format('%I.%I', schemaname, relname) as name from pg_stat_user_tables
    where n_dead_tup > 50 + 0.2 * n_live_tup or n_mod_since_analyze > 50 + 0.1 * n_live_tup
    order by n_dead_tup desc, relname`
  return rows.map((r) => r.name)
}

export interface EmbeddedAutovacuumOptions {
  /** Between rounds; autovacuum's own default nap is a minute. */
  intervalMs?: number
  onVacuumed?: (tables: string[]) => void
  onError?: (error: unknown) => void
}

/**
 * Autovacuum for embedded PostgreSQL (PGlite), which runs no background workers: without it, every update and
 * delete (the outbox marks and then deletes each event it relays) leaves a dead row that is never reclaimed, and
 * the planner's statistics never follow the data. Every `intervalMs` the tables autovacuum would take are
 * vacuumed and analysed, one statement at a time through `sql`, the embedded server's one connection, so a
 * round waits for any transaction in progress instead of running inside it.
 */
export const embeddedAutovacuum = (sql: Db, options: EmbeddedAutovacuumOptions = {}) => {
  const { intervalMs = 60_000, onVacuumed, onError } = options
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | undefined
  let stopped = false

  const round = async (): Promise<string[]> => {
    const done: string[] = []
    for (const name of await tablesDueForVacuum(sql)) {
      if (stopped) break
      // The name comes from format('%I.%I'): quoted as an identifier by PostgreSQL itself.
      await sql.unsafe(`vacuum (analyze) ${name}`)
      done.push(name)
    }
    if (done.length > 0) onVacuumed?.(done)
    return done
  }

  const schedule = () => {
    timer = setTimeout(() => {
      running = round()
        .then(
          () => {},
          (error) => onError?.(error),
        )
        .finally(() => {
          running = undefined
          if (!stopped) schedule()
        })
    }, intervalMs)
    timer.unref?.()
  }
  schedule()

  return {
    /** One round now, outside the schedule; the tables it vacuumed. */
    runNow: round,
    /** No further rounds; waits for one under way. */
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}

export type EmbeddedAutovacuum = ReturnType<typeof embeddedAutovacuum>
