import { ping } from '@myshop/db'
import { createHttpApp, type ReadinessCheck } from '@myshop/http'
import { categoryRoutes } from './categories/routes.ts'
import type { ProductDeps } from './deps.ts'
import { importRoutes } from './import/routes.ts'
import type { FileStorage } from './media/fs-storage.ts'
import { mediaFileRoutes, mediaRoutes } from './media/routes.ts'
import { productRoutes } from './products/routes.ts'
import { imageHooks } from './products/service.ts'
import { reindexRoutes } from './reindex/routes.ts'

export interface AppOptions {
  /** Probes of the dependencies the service answers without (Redis, a search engine): see "When a dependency is down". */
  degradable?: Record<string, ReadinessCheck>
  /** The media storage when it is the filesystem, which the service then serves at `/media/*` itself. */
  files?: FileStorage | undefined
}

/** The product service's HTTP app, built from its dependencies and nothing else. */
export const createApp = (deps: ProductDeps, { degradable, files }: AppOptions = {}) => {
  const app = createHttpApp({
    service: 'product',
    description: 'Catalog: products, variants, categories, search and media',
    logger: deps.logger,
    maxBodyBytes: Math.max(deps.settings.maxImageBytes + 64 * 1024, 4 * 1024 * 1024),
    readiness: { database: () => ping(deps.sql) },
    degradable,
  })
    .use(categoryRoutes(deps))
    .use(productRoutes(deps))
    .use(importRoutes(deps))
    .use(reindexRoutes(deps))
    // Adding or removing an image changes its product: announced and uncached as any other product change.
    .use(mediaRoutes(deps, imageHooks(deps)))
  // The file route is left out of the app's type either way: nothing calls it through a typed client.
  return files ? (app.use(mediaFileRoutes(files)) as unknown as typeof app) : app
}
