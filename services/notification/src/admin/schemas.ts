import { t } from '@myshop/http'
import { deliveryStatuses } from '../deliveries/model.ts'

const idPattern = '^ntf_[0-9A-HJKMNP-TV-Z]{26}$'
const nullable = <T extends ReturnType<typeof t.String>>(schema: T) => t.Union([schema, t.Null()])

export const deliveryParams = t.Object({ id: t.String({ pattern: idPattern, description: 'A delivery id' }) })

export const deliveryListQuery = t.Object({
  status: t.Optional(t.Union(deliveryStatuses.map((s) => t.Literal(s)))),
  to: t.Optional(
    t.String({ minLength: 1, maxLength: 2048, description: 'An address, phone number or push endpoint' }),
  ),
  limit: t.Optional(t.Integer({ minimum: 1, maximum: 100 })),
  cursor: t.Optional(t.String({ pattern: idPattern })),
})

export const deliverySchema = t.Object(
  {
    id: t.String(),
    eventId: t.String(),
    eventType: t.String(),
    template: t.String(),
    channel: t.String(),
    recipient: t.String(),
    category: t.String(),
    status: t.String(),
    attempts: t.Integer({ minimum: 0 }),
    lastError: nullable(t.String()),
    provider: nullable(t.String()),
    providerMessageId: nullable(t.String()),
    nextAttemptAt: nullable(t.String({ format: 'date-time' })),
    createdAt: t.String({ format: 'date-time' }),
    updatedAt: t.String({ format: 'date-time' }),
  },
  { description: 'One message about one fact to one recipient on one channel' },
)

export const deliveryDetailSchema = t.Composite([
  deliverySchema,
  t.Object({ payload: t.Record(t.String(), t.Unknown(), { description: 'The rendered message as sent' }) }),
])

export const deliveryListSchema = t.Object({
  items: t.Array(deliverySchema),
  nextCursor: t.Union([t.String(), t.Null()]),
})

export const retriedSchema = t.Object({ retried: t.Integer({ minimum: 0 }) })

export const testMessageBody = t.Object(
  {
    channel: t.Union([t.Literal('email'), t.Literal('sms')]),
    to: t.String({ minLength: 3, maxLength: 254, examples: ['ops@example.com'] }),
  },
  { additionalProperties: false },
)

export const previewParams = t.Object({
  name: t.String({ minLength: 1, maxLength: 64, pattern: '^[a-z_]+$', description: 'A template name' }),
})

export const previewQuery = t.Object({
  locale: t.Optional(
    t.String({
      pattern: '^[a-z]{2}(-[A-Z]{2})?$',
      description: 'en, de or a region such as de-AT (default en)',
    }),
  ),
})

export const previewSchema = t.Object(
  {
    template: t.String(),
    locale: t.String(),
    subject: t.String(),
    html: t.String(),
    text: t.String(),
  },
  { description: "A template's email rendered with its sample data" },
)
