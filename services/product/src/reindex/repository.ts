import type { Queryable } from '@myshop/db'

export interface ReindexJobRow {
  id: string
  engine: string
  status: 'running' | 'succeeded' | 'failed'
  indexed: number
  error: string | null
  startedAt: Date
  finishedAt: Date | null
  heartbeatAt: Date
}

const columns = (sql: Queryable) => sql`
  id, engine, status, indexed, error, started_at as "startedAt", finished_at as "finishedAt",
  heartbeat_at as "heartbeatAt"`

/** Inserts a running job, or nothing (null) when one is running already: the partial unique index decides. */
export const insertRunning = async (sql: Queryable, job: { id: string; engine: string; at: Date }) => {
  const [row] = await sql<ReindexJobRow[]>`
    insert into catalog.reindex_jobs (id, engine, status, started_at, heartbeat_at)
    values (${job.id}, ${job.engine}, 'running', ${job.at}, ${job.at})
    on conflict do nothing
    returning ${columns(sql)}`
  return row ?? null
}

export const find = async (sql: Queryable, id: string): Promise<ReindexJobRow | null> => {
  const [row] = await sql<ReindexJobRow[]>`select ${columns(sql)} from catalog.reindex_jobs where id = ${id}`
  return row ?? null
}

export const findRunning = async (sql: Queryable): Promise<ReindexJobRow | null> => {
  const [row] = await sql<ReindexJobRow[]>`
    select ${columns(sql)} from catalog.reindex_jobs where status = 'running'`
  return row ?? null
}

/** Records a running job's progress and that its process is alive; false once the job is no longer running. */
export const heartbeat = async (sql: Queryable, id: string, indexed: number, at: Date) =>
  (
    await sql`
      update catalog.reindex_jobs set heartbeat_at = ${at}, indexed = ${indexed}
      where id = ${id} and status = 'running'
      returning id`
  ).length > 0

/** Ends a running job; false when it was no longer running (reported failed after its heartbeat stopped). */
export const finish = async (
  sql: Queryable,
  id: string,
  end: { status: 'succeeded' | 'failed'; indexed: number; error: string | null; at: Date },
) =>
  (
    await sql`
      update catalog.reindex_jobs
      set status = ${end.status}, indexed = ${end.indexed}, error = ${end.error}, finished_at = ${end.at},
          heartbeat_at = ${end.at}
      where id = ${id} and status = 'running'
      returning id`
  ).length > 0

/** Fails the running job if its heartbeat is older than `before`: its process is gone. */
export const failStale = (sql: Queryable, before: Date, at: Date) =>
  sql`
    update catalog.reindex_jobs
    set status = 'failed', finished_at = ${at},
        error = 'the instance running this reindex stopped reporting (no heartbeat since ' ||
          to_char(heartbeat_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ')'
    where status = 'running' and heartbeat_at < ${before}`

/** Keeps the `keep` most recent finished jobs (ids sort by time). */
export const pruneFinished = (sql: Queryable, keep: number) =>
  sql`
    delete from catalog.reindex_jobs
    where status <> 'running' and id not in (
      select id from catalog.reindex_jobs where status <> 'running' order by id desc limit ${keep}
    )`
