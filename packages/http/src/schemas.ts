import { t } from 'elysia'

/** The RFC 9457 problem document, for OpenAPI response declarations. */
export const problemSchema = t.Object(
  {
    type: t.String(),
    title: t.String(),
    status: t.Integer(),
    code: t.String(),
    detail: t.Optional(t.String()),
    requestId: t.Optional(t.String()),
    errors: t.Optional(t.Array(t.Object({ path: t.String(), message: t.String() }))),
  },
  { description: 'RFC 9457 problem details' },
)

/** Problem responses for the given statuses, to spread into a route's `response` map. */
export const errorResponses = <S extends number>(...statuses: S[]) =>
  Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<S, typeof problemSchema>
