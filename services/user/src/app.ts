import { createHttpApp, type PeerSource, type ProxyTrust, type ReadinessCheck, t } from '@myshop/http'
import type { OpenAPIV3 } from 'openapi-types'
import { authRoutes } from './auth/routes.ts'
import type { UserDeps } from './deps.ts'
import { unlockRoutes } from './unlock/routes.ts'
import { userRoutes } from './users/routes.ts'

export interface AppOptions {
  /** Peers whose `x-real-ip` / `x-forwarded-for` are believed (TRUSTED_PROXIES). */
  trustedProxies: ProxyTrust
  /** The server the app answers on, to learn each request's socket peer; null when called only in process. */
  peers: PeerSource | null
  /** Probes of the dependencies the service answers without (Redis: see "When a dependency is down"). */
  degradable?: Record<string, ReadinessCheck>
}

const jwkSchema = t.Object({
  kty: t.String({ examples: ['EC'] }),
  crv: t.String({ examples: ['P-256'] }),
  x: t.String({ examples: ['f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU'] }),
  y: t.String({ examples: ['x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0'] }),
  kid: t.String({ examples: ['01JD8X5ZQ4V3N6M2K7P9R1T0W5'] }),
  alg: t.String({ examples: ['ES256'] }),
  use: t.Literal('sig'),
})

// Documented rather than validated: the keys come from the key store, which builds them.
const jwksDetail = {
  tags: ['auth'],
  responses: {
    200: {
      description: 'The JSON Web Key Set (RFC 7517); cacheable for five minutes',
      content: {
        'application/json': { schema: t.Object({ keys: t.Array(jwkSchema) }) as OpenAPIV3.SchemaObject },
      },
    },
  },
}

/** The user service's HTTP app, built from its dependencies and nothing else. */
export const createApp = (deps: UserDeps, { trustedProxies, peers, degradable }: AppOptions) => {
  const addressing = { peers, trustedProxies }
  const serveJwks = async ({ set }: { set: { headers: Record<string, unknown> } }) => {
    set.headers['cache-control'] = 'public, max-age=300'
    return deps.keys.jwks()
  }
  return createHttpApp({
    service: 'user',
    description: 'Accounts, sign-in, sessions and roles',
    logger: deps.logger,
    readiness: { database: () => deps.sql`select 1` },
    degradable,
  })
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
    .use(authRoutes(deps, addressing))
    .use(userRoutes(deps, addressing))
    .use(unlockRoutes(deps, addressing))
}

export type UserApp = ReturnType<typeof createApp>
