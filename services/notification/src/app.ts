import { ping } from '@myshop/db'
import { createHttpApp, type ReadinessCheck } from '@myshop/http'
import { adminRoutes } from './admin/routes.ts'
import type { NotificationDeps } from './deps.ts'
import { preferencesRoutes } from './preferences/routes.ts'
import { pushRoutes } from './push/routes.ts'
import { webhookRoutes } from './webhooks/routes.ts'

/** The notification service's HTTP app, built from its dependencies and nothing else. */
export const createApp = (deps: NotificationDeps, degradable: Record<string, ReadinessCheck> = {}) =>
  createHttpApp({
    service: 'notification',
    description: 'Email, text and push messages from the shop’s events, their deliveries and retries',
    logger: deps.logger,
    readiness: { database: () => ping(deps.sql) },
    degradable,
  })
    .use(adminRoutes(deps))
    .use(preferencesRoutes(deps.features))
    .use(pushRoutes(deps.features))
    .use(webhookRoutes(deps))
