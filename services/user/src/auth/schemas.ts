import { t } from 'elysia'
import { emailSchema, nameSchema, passwordSchema } from '../users/schemas.ts'

export const tokenPairSchema = t.Object({
  accessToken: t.String(),
  refreshToken: t.String(),
  expiresIn: t.Integer({ description: 'Seconds until the access token expires' }),
  tokenType: t.Literal('Bearer'),
})

export const registrationBody = t.Object({ email: emailSchema, password: passwordSchema, name: nameSchema })

export const credentialsBody = t.Object({
  email: t.String({ minLength: 1, maxLength: 254 }),
  password: passwordSchema,
  deviceToken: t.Optional(t.String({ maxLength: 4096 })),
  unlockCode: t.Optional(
    t.String({
      maxLength: 64,
      description: 'A one-time code from /auth/unlock, while sign-ins are paused',
      examples: ['K7QX-2M9P-4RTW-8HJN'],
    }),
  ),
})

export const signInSchema = t.Composite([
  tokenPairSchema,
  t.Object({
    deviceToken: t.String({ description: 'Send it back on later sign-ins from this device' }),
  }),
])

export const refreshBody = t.Object({ refreshToken: t.String({ minLength: 1, maxLength: 512 }) })

export const logoutBody = t.Optional(t.Object({ refreshToken: t.Optional(t.String({ maxLength: 512 })) }))

export const rotatedKeySchema = t.Object({ kid: t.String(), retiring: t.Array(t.String()) })
