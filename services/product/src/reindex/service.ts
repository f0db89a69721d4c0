import { newId } from '@myshop/ids'
import type { ProductDeps } from '../deps.ts'
import { allProductPages, searchDocuments } from '../products/service.ts'
import type { ReindexSource } from '../search/engine.ts'
import * as history from './history-repository.ts'
import * as jobs from './repository.ts'

export interface ReindexJob {
  jobId: string
  engine: string
  status: 'running' | 'succeeded' | 'failed'
  indexed: number
  error: string | null
  startedAt: string
  finishedAt: string | null
}

export interface ReindexJobsOptions {
  /** How often the instance running a job records its progress and that it is alive. */
  heartbeatMs?: number
  /** A running job without a heartbeat for this long lost its process: reported failed, it blocks no more. */
  staleAfterMs?: number
  /** Finished jobs kept for their callers to read. */
  keep?: number
}

const pageSize = 500

const toJob = (row: jobs.ReindexJobRow): ReindexJob => ({
  jobId: row.id,
  engine: row.engine,
  status: row.status,
  indexed: row.indexed,
  error: row.error,
  startedAt: row.startedAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
})

/**
 * The catalog as a reindex reads it. The catch-up reads changes up to where the history stood when it began:
 * later ones reach the new index through the indexers, and a catch-up chasing them might never end.
 */
export const catalogSource = (deps: ProductDeps): ReindexSource => ({
  position: () => history.versionPosition(deps.sql),
  async *documents() {
    for await (const ids of allProductPages(deps, pageSize)) yield await searchDocuments(deps, ids)
  },
  async *changesSince(position) {
    const until = await history.versionPosition(deps.sql)
    for (let after = position; ; ) {
      const written = await history.writtenBetween(deps.sql, after, until, pageSize)
      if (written.length === 0) break
      const ids = written.map((p) => p.id)
      yield { documents: await searchDocuments(deps, ids), deletions: [] }
      after = written.at(-1)!.version
    }
    for (let after = position; ; ) {
      const deletions = await history.deletedBetween(deps.sql, after, until, pageSize)
      if (deletions.length === 0) break
      yield { documents: [], deletions }
      after = deletions.at(-1)!.version
    }
  },
})

/**
 * Reindexing a large catalog takes longer than any HTTP request should, so it runs in the background: `start`
 * returns at once (or the job already running), `get` reports progress. Jobs live in PostgreSQL, so every
 * instance answers for every job, and at most one runs in the cluster. The instance running a job beats its
 * heartbeat; a job whose heartbeat stopped is reported failed, and the instance that finds out records it.
 */
export const createReindexJobs = (
  deps: ProductDeps,
  { heartbeatMs = 5_000, staleAfterMs = 60_000, keep = 20 }: ReindexJobsOptions = {},
) => {
  const at = () => new Date(deps.now())
  const staleBefore = () => new Date(deps.now() - staleAfterMs)

  const run = async (jobId: string) => {
    let indexed = 0
    let position: number | undefined
    let lost = false
    const takenOver = () =>
      new Error('another instance found this reindex without a heartbeat and reported it failed; it stopped')
    const beat = async () => {
      lost ||= !(await jobs.heartbeat(deps.sql, jobId, indexed, at()))
      if (lost) throw takenOver()
    }
    const timer = setInterval(
      () =>
        beat().catch((err) => {
          if (lost) clearInterval(timer)
          deps.logger.warn({ err, jobId }, 'reindex heartbeat failed')
        }),
      heartbeatMs,
    )
    timer.unref()
    const catalog = catalogSource(deps)
    let end: { status: 'succeeded' | 'failed'; error: string | null }
    try {
      const result = await deps.search.reindex({
        position: async () => {
          position = await catalog.position()
          return position
        },
        async *documents() {
          for await (const batch of catalog.documents()) {
            if (lost) throw takenOver()
            yield batch
            indexed += batch.length
          }
        },
        async *changesSince(since) {
          yield* catalog.changesSince(since)
          // Last word before the swap: a job declared dead must not swap in its index.
          await beat()
        },
      })
      indexed = result.indexed
      end = { status: 'succeeded', error: null }
    } catch (e) {
      end = { status: 'failed', error: e instanceof Error ? e.message : String(e) }
      deps.logger.error({ err: e, jobId }, 'reindex failed')
    } finally {
      clearInterval(timer)
    }
    let recorded: boolean
    try {
      recorded = await jobs.finish(deps.sql, jobId, { ...end, indexed, at: at() })
    } catch (e) {
      // The job stays running without a heartbeat, and is reported failed once that is stale.
      deps.logger.error({ err: e, jobId }, 'could not record the end of a reindex')
      return
    }
    if (!recorded) {
      deps.logger.warn({ jobId }, 'reindex ended after another instance had reported it failed')
      return
    }
    if (end.status !== 'succeeded') return
    try {
      // No index needs the deletions recorded before this reindex began: the new one never had those products.
      await history.pruneDeletions(deps.sql, position ?? (await history.versionPosition(deps.sql)))
      await deps.cache.bump()
    } catch (e) {
      deps.logger.warn({ err: e, jobId }, 'reindex: could not tidy up after it')
    }
  }

  return {
    async start(): Promise<ReindexJob> {
      // A second try covers a running job that ended between the insert and the read.
      for (let attempt = 0; attempt < 3; attempt++) {
        const now = at()
        const { job, mine } = await deps.sql.begin(async (tx) => {
          await jobs.failStale(tx, staleBefore(), now)
          const created = await jobs.insertRunning(tx, {
            id: newId('rix', now.getTime()),
            engine: deps.search.name,
            at: now,
          })
          if (!created) return { job: await jobs.findRunning(tx), mine: false }
          await jobs.pruneFinished(tx, keep)
          return { job: created, mine: true }
        })
        if (job && mine) void run(job.id)
        if (job) return toJob(job)
      }
      throw new Error('reindex: could neither start a job nor find the running one')
    },

    async get(jobId: string): Promise<ReindexJob | null> {
      let row = await jobs.find(deps.sql, jobId)
      if (row?.status === 'running' && row.heartbeatAt < staleBefore()) {
        await jobs.failStale(deps.sql, staleBefore(), at())
        row = await jobs.find(deps.sql, jobId)
      }
      return row ? toJob(row) : null
    },
  }
}

export type ReindexJobs = ReturnType<typeof createReindexJobs>
