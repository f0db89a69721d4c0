import { Elysia } from 'elysia'
import type { OpenAPIV3 } from 'openapi-types'
import type { UserDeps } from '../deps.ts'
import { jwksSchema } from './schemas.ts'

// Documented rather than validated: the keys come from the key store, which builds them.
const jwksDetail = {
  tags: ['auth'],
  responses: {
    200: {
      description: 'The JSON Web Key Set (RFC 7517); cacheable for five minutes',
      content: { 'application/json': { schema: jwksSchema as OpenAPIV3.SchemaObject } },
    },
  },
}

/** The public keys that verify access tokens, at the well-known path verifiers fetch them from. */
export const keyRoutes = (deps: UserDeps) => {
  const serveJwks = async ({ set }: { set: { headers: Record<string, unknown> } }) => {
    set.headers['cache-control'] = 'public, max-age=300'
    return deps.keys.jwks()
  }
  return new Elysia()
    .get('/.well-known/jwks.json', serveJwks, {
      detail: { ...jwksDetail, summary: 'Public keys that verify access tokens', operationId: 'getJwks' },
    })
    .get('/api/v1/.well-known/jwks.json', serveJwks, {
      detail: {
        ...jwksDetail,
        summary: 'The same public keys, under the API prefix',
        operationId: 'getApiJwks',
      },
    })
}
