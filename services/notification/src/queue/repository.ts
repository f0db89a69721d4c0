import type { Db } from '@myshop/db'
import type { DeadLetter, JobData } from './model.ts'

export interface ClaimedJob {
  id: string
  data: JobData
  attempts: number
}

/** Inserts a waiting job unless one with that id exists (waiting, active or dead). */
export const insert = async (sql: Db, job: { id: string; lane: string; data: JobData; runAt: Date }) => {
  await sql`
    insert into notifications.jobs (id, lane, data, run_at)
    values (${job.id}, ${job.lane}, ${sql.json(job.data as never)}, ${job.runAt})
    on conflict (id) do nothing`
}

/**
 * Leases up to `limit` jobs of a lane that are due, or whose last lease ran out (a worker that died), to
 * `token`, counting the attempt. Rows another worker is claiming at the same moment are skipped, not waited for.
 */
export const claim = (
  sql: Db,
  lane: string,
  limit: number,
  token: string,
  at: Date,
  leaseUntil: Date,
): Promise<ClaimedJob[]> =>
  sql<ClaimedJob[]>`
    update notifications.jobs j
    set status = 'active', attempts = j.attempts + 1, lease_token = ${token}, lease_until = ${leaseUntil},
        updated_at = ${at}
    where j.id in (
      select id from notifications.jobs
      where lane = ${lane}
        and ((status = 'waiting' and run_at <= ${at}) or (status = 'active' and lease_until <= ${at}))
      order by run_at, id
      limit ${limit}
      for update skip locked)
    returning j.id, j.data, j.attempts`

/** Forgets a job its lease holder finished; false when the lease was lost to another worker. */
export const complete = async (sql: Db, id: string, token: string): Promise<boolean> =>
  (await sql`delete from notifications.jobs where id = ${id} and lease_token = ${token} returning id`)
    .length > 0

/** Puts a job back to wait until `runAt`, or marks it dead; only by the worker holding its lease. */
export const reschedule = async (
  sql: Db,
  change: { id: string; token: string; dead: boolean; runAt: Date; error: string; at: Date },
) => {
  await sql`
    update notifications.jobs
    set status = ${change.dead ? 'dead' : 'waiting'}, run_at = ${change.runAt}, last_error = ${change.error},
        lease_token = null, lease_until = null, updated_at = ${change.at}
    where id = ${change.id} and lease_token = ${change.token}`
}

export const dead = (sql: Db): Promise<DeadLetter[]> =>
  sql<DeadLetter[]>`
    select id, data, attempts, last_error as "lastError" from notifications.jobs
    where status = 'dead' order by updated_at, id`

/** Makes a dead job wait again, its attempts reset; false when no dead job has that id. */
export const revive = async (sql: Db, id: string, at: Date): Promise<boolean> =>
  (
    await sql`
      update notifications.jobs set status = 'waiting', attempts = 0, run_at = ${at}, updated_at = ${at}
      where id = ${id} and status = 'dead' returning id`
  ).length > 0
