import { serviceIdentities } from '@myshop/auth'
import { t } from 'elysia'

export const serviceTokenBody = t.Object({
  service: t.Union(
    serviceIdentities.map((name) => t.Literal(name)),
    { description: 'The calling service' },
  ),
  secret: t.String({
    minLength: 1,
    maxLength: 128,
    description: 'The service’s secret, derived from SERVICE_AUTH_SECRET (`myshop services secret NAME`)',
  }),
})

export const serviceTokenSchema = t.Object({
  accessToken: t.String(),
  expiresIn: t.Integer({ description: 'Seconds until the access token expires' }),
  tokenType: t.Literal('Bearer'),
})
