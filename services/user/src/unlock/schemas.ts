import { t } from 'elysia'
import { emailSchema } from '../users/schemas.ts'

export const unlockResultSchema = t.Object({
  userId: t.String({ examples: ['usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8'] }),
  cleared: t.Integer({ description: 'Failure counters removed', examples: [3] }),
  unlockCode: t.Optional(
    t.String({
      description: 'A one-time code for the owner to sign in with',
      examples: ['K7QX-2M9P-4RTW-8HJN'],
    }),
  ),
  expiresAt: t.Optional(t.String({ format: 'date-time', examples: ['2026-03-01T12:15:00.000Z'] })),
})

export const unlockRequestBody = t.Object({ email: emailSchema })

export const unlockOptionsBody = t.Optional(
  t.Object(
    {
      issueCode: t.Optional(t.Boolean({ description: 'Also issue an unlock code to hand to the owner' })),
    },
    { additionalProperties: false },
  ),
)
