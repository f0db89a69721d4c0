import { errorCodes } from '@myshop/errors'
import { t } from 'elysia'

/** The RFC 9457 problem document, for OpenAPI response declarations. */
export const problemSchema = t.Object(
  {
    type: t.String({ format: 'uri' }),
    title: t.String(),
    status: t.Integer(),
    code: t.String({ enum: Object.keys(errorCodes), description: 'Stable machine-readable error code' }),
    detail: t.Optional(t.String()),
    instance: t.Optional(t.String({ description: 'The request path' })),
    requestId: t.Optional(t.String()),
    errors: t.Optional(t.Array(t.Object({ path: t.String(), message: t.String() }))),
  },
  { description: 'RFC 9457 problem details' },
)

/** Problem responses for the given statuses, to spread into a route's `response` map. */
export const errorResponses = <S extends number>(...statuses: S[]) =>
  Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<S, typeof problemSchema>

/** What a service's `GET /api/v1/admin/audit/<service>` answers: whether its hash-chained audit trail holds. */
export const auditVerificationSchema = t.Object({
  service: t.String({ description: 'The service whose audit trail was checked' }),
  ok: t.Boolean({ description: 'True when every entry holds' }),
  entries: t.Integer({ minimum: 0, description: 'Entries checked and found intact' }),
  firstBroken: t.Optional(
    t.Object(
      {
        seq: t.Integer({ minimum: 1, description: 'The first entry that does not hold' }),
        reason: t.String(),
      },
      { description: 'Present when ok is false' },
    ),
  ),
})
