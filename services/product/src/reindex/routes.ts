import { AppError } from '@myshop/errors'
import { authGuard, errorResponses } from '@myshop/http'
import { Elysia } from 'elysia'
import type { ProductDeps } from '../deps.ts'
import { reindexJobParamsSchema, reindexJobSchema } from './schemas.ts'
import { createReindexJobs, type ReindexJobs } from './service.ts'

export const reindexRoutes = (deps: ProductDeps, reindex: ReindexJobs = createReindexJobs(deps)) =>
  new Elysia({ prefix: '/api/v1', tags: ['products'] })
    .use(authGuard(deps.verifier))
    .post(
      '/catalog/reindex',
      async ({ set }) => {
        const job = await reindex.start()
        set.status = 202
        set.headers.location = `/api/v1/catalog/reindex/${job.jobId}`
        return job
      },
      {
        auth: 'catalog:write',
        response: { 202: reindexJobSchema, ...errorResponses(401, 403) },
        detail: {
          operationId: 'startReindex',
          summary:
            'Start rebuilding the search index in the background (Elasticsearch: a new index, kept in step with writes made meanwhile, swapped in by alias); one runs at a time across all instances, and one already running is returned instead',
        },
      },
    )
    .get(
      '/catalog/reindex/:jobId',
      async ({ params }) => {
        const job = await reindex.get(params.jobId)
        if (!job) throw new AppError('not_found', { detail: 'No such reindex job' })
        return job
      },
      {
        auth: 'catalog:write',
        params: reindexJobParamsSchema,
        response: { 200: reindexJobSchema, ...errorResponses(401, 403, 404) },
        detail: {
          operationId: 'getReindexJob',
          summary: 'Progress of a reindex job, started on any instance',
        },
      },
    )
