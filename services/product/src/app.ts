import { createHttpApp, type ReadinessCheck } from '@myshop/http'
import type { Elysia } from 'elysia'
import { categoryRoutes } from './categories/routes.ts'
import type { ProductDeps } from './deps.ts'
import { productRoutes } from './products/routes.ts'

export interface AppOptions {
  /** Probes of the dependencies the service answers without (Redis, a search engine): see "When a dependency is down". */
  degradable?: Record<string, ReadinessCheck>
  /** Feature routes mounted beside the catalog (media upload and serving). */
  // biome-ignore lint/suspicious/noExplicitAny: any Elysia plugin instance
  extra?: Elysia<any, any, any, any, any, any, any>[]
}

/** The product service's HTTP app, built from its dependencies and nothing else. */
export const createApp = (deps: ProductDeps, { degradable, extra = [] }: AppOptions = {}) => {
  let app = createHttpApp({
    service: 'product',
    description: 'Catalog: products, variants, categories, search and media',
    logger: deps.logger,
    maxBodyBytes: Math.max(deps.settings.maxImageBytes + 64 * 1024, 4 * 1024 * 1024),
    readiness: { database: () => deps.sql`select 1` },
    degradable,
  })
    .use(categoryRoutes(deps))
    .use(productRoutes(deps))
  for (const plugin of extra) app = app.use(plugin) as typeof app
  return app
}
