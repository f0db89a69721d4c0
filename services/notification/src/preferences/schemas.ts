import { t } from '@myshop/http'
import { e164Pattern } from './model.ts'

const flags = t.Object({ email: t.Boolean(), sms: t.Boolean(), push: t.Boolean() })
const flagsPatch = t.Partial(flags, { additionalProperties: false })
const nullable = <T extends Parameters<typeof t.Union>[0][number]>(schema: T) => t.Union([schema, t.Null()])

const phone = t.String({
  pattern: e164Pattern,
  maxLength: 16,
  description: 'E.164',
  examples: ['+4915112345678'],
})
const timeZone = t.String({
  minLength: 1,
  maxLength: 64,
  description: 'IANA time zone for SMS quiet hours',
  examples: ['Europe/Berlin'],
})
const locale = t.Union([t.Literal('en'), t.Literal('de')], {
  description: 'The language messages are written in',
})

export const preferencesSchema = t.Object({
  preferences: t.Object(
    { account: flags, order: flags, staff: flags, marketing: flags },
    { description: 'Per category and channel; transactional email (account, order, staff) is always on' },
  ),
  contact: t.Object({
    email: nullable(t.String()),
    phone: nullable(t.String()),
    phoneOptIn: t.Boolean(),
    timeZone: nullable(t.String()),
    locale: nullable(t.String()),
  }),
})

export const preferencesPatchSchema = t.Object(
  {
    preferences: t.Optional(
      t.Partial(
        t.Object({ account: flagsPatch, order: flagsPatch, staff: flagsPatch, marketing: flagsPatch }),
        { additionalProperties: false },
      ),
    ),
    phone: t.Optional(nullable(phone)),
    phoneOptIn: t.Optional(t.Boolean({ description: 'Consent to SMS; a new phone number needs it again' })),
    timeZone: t.Optional(nullable(timeZone)),
    locale: t.Optional(nullable(locale)),
  },
  { additionalProperties: false },
)

export const unsubscribeQuerySchema = t.Object({
  token: t.String({ minLength: 1, maxLength: 2048, description: 'The signed token of the unsubscribe link' }),
})

export const htmlPageSchema = t.String({ description: 'An HTML page for the person who opened the link' })
