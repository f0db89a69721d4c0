import { ping } from '@myshop/db'
import { createHttpApp, type PeerSource, type ProxyTrust, type ReadinessCheck } from '@myshop/http'
import { authRoutes } from './auth/routes.ts'
import type { UserDeps } from './deps.ts'
import { keyRoutes } from './keys/routes.ts'
import { serviceTokenRoutes } from './service-tokens/routes.ts'
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

/** The user service's HTTP app, built from its dependencies and nothing else. */
export const createApp = (deps: UserDeps, { trustedProxies, peers, degradable }: AppOptions) => {
  const addressing = { peers, trustedProxies }
  return createHttpApp({
    service: 'user',
    description: 'Accounts, sign-in, sessions and roles',
    logger: deps.logger,
    readiness: { database: () => ping(deps.sql) },
    degradable,
  })
    .use(keyRoutes(deps))
    .use(authRoutes(deps, addressing))
    .use(userRoutes(deps, addressing))
    .use(unlockRoutes(deps, addressing))
    .use(serviceTokenRoutes(deps))
}

export type UserApp = ReturnType<typeof createApp>
