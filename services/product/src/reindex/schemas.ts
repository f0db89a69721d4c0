import { t } from 'elysia'

export const reindexJobSchema = t.Object({
  jobId: t.String(),
  engine: t.String(),
  status: t.Union([t.Literal('running'), t.Literal('succeeded'), t.Literal('failed')]),
  indexed: t.Integer(),
  error: t.Union([t.String(), t.Null()]),
  startedAt: t.String({ format: 'date-time' }),
  finishedAt: t.Union([t.String({ format: 'date-time' }), t.Null()]),
})

export const reindexJobParamsSchema = t.Object({ jobId: t.String({ maxLength: 40 }) })
