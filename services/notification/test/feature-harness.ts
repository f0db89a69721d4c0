import { join } from 'node:path'
import { migrate } from '@myshop/db'
import { createHttpApp } from '@myshop/http'
import { silentLogger } from '@myshop/logger'
import { appCaller, testDatabase, testTokens } from '@myshop/testing'
import type { PreferencesDeps } from '../src/preferences/routes.ts'
import { preferencesRoutes } from '../src/preferences/routes.ts'
import type { PushDeps } from '../src/push/routes.ts'
import { pushRoutes } from '../src/push/routes.ts'

export const migrationsDir = join(import.meta.dir, '../../../db/migrations/notification')

/**
 * The preferences and push routes on an app of their own over the test database, as the service mounts them, with
 * a clock tests can move forward and tokens for people of each role.
 */
export const featureHarness = async (overrides: Partial<PreferencesDeps & PushDeps> = {}) => {
  const { sql, kind } = await testDatabase()
  await migrate(sql, 'notifications', migrationsDir)
  const tokens = await testTokens()
  let offsetMs = 0
  const deps: PreferencesDeps & PushDeps = {
    sql,
    verifier: tokens.verifier(async () => true),
    now: () => Date.now() + offsetMs,
    logger: silentLogger(),
    config: { NOTIFICATION_UNSUBSCRIBE_SECRET: 'test-unsubscribe-secret-of-at-least-32-chars' },
    ...overrides,
  }
  const app = createHttpApp({ service: 'notification', logger: deps.logger, docsAssets: undefined })
    .use(preferencesRoutes(deps))
    .use(pushRoutes(deps))
  const call = appCaller(app)
  const as = (token: string) => ({ authorization: `Bearer ${token}` })
  /** A new person with a token of their own. */
  const person = async (roles: ('customer' | 'admin')[] = ['customer']) => {
    const userId = `usr_${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`
    return { userId, auth: as(await tokens.sign({ sub: userId, roles })) }
  }
  return {
    person,
    /** Moves the service's clock forward. */
    advance: (ms: number) => {
      offsetMs += ms
    },
    call,
    deps,
    sql,
    kind,
    app,
  }
}
