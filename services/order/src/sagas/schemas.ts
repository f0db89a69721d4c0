import { t } from '@myshop/http'

const statuses = [
  'running',
  'awaiting_action',
  'completed',
  'compensating',
  'compensated',
  'needs_attention',
] as const
const dateTime = t.String({ format: 'date-time' })
const nullable = <S extends Parameters<typeof t.Union>[0][number]>(schema: S) => t.Union([schema, t.Null()])

// Literals rather than t.UnionEnum(statuses): Elysia fills an optional UnionEnum in a query with its first value,
// which would turn "no status filter" into "running only".
export const sagaStatusSchema = t.Union([
  t.Literal(statuses[0]),
  t.Literal(statuses[1]),
  t.Literal(statuses[2]),
  t.Literal(statuses[3]),
  t.Literal(statuses[4]),
  t.Literal(statuses[5]),
])

export const sagaSchema = t.Object({
  id: t.String(),
  kind: t.UnionEnum(['checkout', 'cancel', 'refund']),
  orderId: t.String(),
  status: sagaStatusSchema,
  currentStep: nullable(t.String()),
  lastError: nullable(t.String()),
  attempts: t.Integer({ minimum: 0, description: 'Failed attempts of the current step' }),
  nextAttemptAt: nullable(dateTime),
  actionDeadline: nullable(dateTime),
  steps: t.Array(
    t.Object({
      name: t.String(),
      direction: t.UnionEnum(['forward', 'compensate']),
      status: t.UnionEnum(['started', 'succeeded', 'failed']),
      attempts: t.Integer({ minimum: 0 }),
      startedAt: dateTime,
      finishedAt: nullable(dateTime),
      error: nullable(t.String()),
    }),
    { description: 'The timeline: each step as first started, with its latest attempt' },
  ),
  createdAt: dateTime,
  updatedAt: dateTime,
})

export const sagaPageSchema = t.Object({
  items: t.Array(sagaSchema),
  nextCursor: nullable(t.String({ description: 'Pass as `cursor` for the next page; null on the last' })),
})

export const sagaListQuery = t.Object({
  status: t.Optional(sagaStatusSchema),
  cursor: t.Optional(t.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
  limit: t.Optional(t.Integer({ minimum: 1, maximum: 100, default: 50 })),
})

export const sagaParams = t.Object({ id: t.String({ pattern: '^sag_[0-9A-HJKMNP-TV-Z]{26}$' }) })

export const refundInputSchema = t.Object(
  {
    amount: t.Optional(
      t.Integer({
        minimum: 1,
        maximum: 100_000_000_000,
        description: 'Minor units to give back; everything left when absent',
      }),
    ),
    restock: t.Optional(t.Boolean({ description: "Put the order's units back in stock (goods returned)" })),
    reason: t.Optional(t.String({ minLength: 1, maxLength: 500, pattern: '\\S' })),
  },
  { additionalProperties: false },
)

export const refundHeaders = t.Object({
  'idempotency-key': t.Optional(
    t.String({
      minLength: 1,
      maxLength: 255,
      pattern: '^[\\x21-\\x7e]+$',
      description:
        'With a key, the same request answers what the first did (one refund); another body under it, 422',
    }),
  ),
})
