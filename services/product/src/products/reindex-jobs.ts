import { newId } from '@myshop/ids'
import type { ProductDeps } from '../deps.ts'
import { allProductPages, searchDocuments } from './service.ts'

export interface ReindexJob {
  jobId: string
  engine: string
  status: 'running' | 'succeeded' | 'failed'
  indexed: number
  error: string | null
  startedAt: string
  finishedAt: string | null
}

/**
 * Reindexing a large catalog takes longer than any HTTP request should, so it runs in the background:
 * `start` returns at once (or the job already running), `get` reports progress. Jobs live in this process;
 * the last few finished ones are kept for their callers to read.
 */
export const createReindexJobs = (deps: ProductDeps, { keep = 20 } = {}) => {
  const jobs = new Map<string, ReindexJob>()
  let running: ReindexJob | null = null

  const run = async (job: ReindexJob) => {
    try {
      const docs = async function* () {
        for await (const ids of allProductPages(deps)) {
          const batch = await searchDocuments(deps, ids)
          yield batch
          job.indexed += batch.length
        }
      }
      const { indexed } = await deps.search.reindex(docs())
      job.indexed = indexed
      job.status = 'succeeded'
      await deps.cache.bump()
    } catch (e) {
      job.status = 'failed'
      job.error = e instanceof Error ? e.message : String(e)
      deps.logger.error({ err: e, jobId: job.jobId }, 'reindex failed')
    } finally {
      job.finishedAt = new Date(deps.now()).toISOString()
      running = null
      while (jobs.size > keep) jobs.delete(jobs.keys().next().value as string)
    }
  }

  return {
    start(): ReindexJob {
      if (running) return running
      const job: ReindexJob = {
        jobId: newId('rix', deps.now()),
        engine: deps.search.name,
        status: 'running',
        indexed: 0,
        error: null,
        startedAt: new Date(deps.now()).toISOString(),
        finishedAt: null,
      }
      jobs.set(job.jobId, job)
      running = job
      void run(job)
      return job
    },
    get: (jobId: string): ReindexJob | null => jobs.get(jobId) ?? null,
  }
}

export type ReindexJobs = ReturnType<typeof createReindexJobs>
