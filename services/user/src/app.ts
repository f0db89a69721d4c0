import { createHttpApp } from '@myshop/http'
import { authRoutes } from './auth/routes.ts'
import type { UserDeps } from './deps.ts'
import { userRoutes } from './users/routes.ts'

export interface AppOptions {
  trustProxy: boolean
  readiness?: Parameters<typeof createHttpApp>[0]['readiness']
}

/** The user service's HTTP app, built from its dependencies and nothing else. */
export const createApp = (deps: UserDeps, { trustProxy, readiness }: AppOptions) => {
  const jwks = async () => deps.keys.jwks()
  return createHttpApp({
    service: 'user',
    description: 'Accounts, sign-in, sessions and roles',
    logger: deps.logger,
    readiness: { database: () => deps.sql`select 1`, ...readiness },
  })
    .get(
      '/.well-known/jwks.json',
      async ({ set }) => {
        set.headers['cache-control'] = 'public, max-age=300'
        return jwks()
      },
      { detail: { summary: 'Public keys that verify access tokens', tags: ['auth'] } },
    )
    .get(
      '/api/v1/.well-known/jwks.json',
      async ({ set }) => {
        set.headers['cache-control'] = 'public, max-age=300'
        return jwks()
      },
      { detail: { hide: true } },
    )
    .use(authRoutes(deps, trustProxy))
    .use(userRoutes(deps, trustProxy))
}

export type UserApp = ReturnType<typeof createApp>
