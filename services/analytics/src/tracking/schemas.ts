import { t } from '@myshop/http'
import { eventTypes } from './model.ts'

const eventDescription =
  'An event: { id?, type, anonymousId, sessionId, time, properties }; each is checked on its own and a bad one is ' +
  `reported by index in \`rejected\`. Types: ${eventTypes.join(', ')}.`

/**
 * The envelope only: a batch of at most `batchMax` events. Each event is checked by the service, so one bad event
 * does not refuse its batch.
 */
export const trackBody = (batchMax: number) =>
  t.Object({
    consent: t.Optional(t.Boolean({ description: 'false: the shopper did not consent; nothing is stored' })),
    events: t.Array(t.Unknown({ description: eventDescription }), { maxItems: batchMax }),
  })

const rejection = t.Object({
  index: t.Integer({ minimum: 0, description: 'The event’s position in `events`' }),
  errors: t.Array(t.Object({ path: t.String(), message: t.String() })),
})

export const trackAnswer = t.Object({
  accepted: t.Integer({ minimum: 0, description: 'Events taken; they are stored within moments' }),
  rejected: t.Array(rejection),
  dropped: t.Union([t.Null(), t.Literal('consent'), t.Literal('bot')], {
    description: 'Why the whole batch was set aside without being stored, if it was',
  }),
})

export const importBody = t.Object({
  events: t.Array(
    t.Unknown({ description: `${eventDescription} Here \`id\` is required and \`userId\` may be given.` }),
    { maxItems: 1000 },
  ),
})

export const importAnswer = t.Object({
  accepted: t.Integer({ minimum: 0, description: 'Events stored by this request' }),
  duplicates: t.Integer({ minimum: 0, description: 'Valid events already stored (same id and time)' }),
  rejected: t.Array(rejection),
})
