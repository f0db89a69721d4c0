import { type ReferenceAssetReader, referenceAssets, referencePage } from '@myshop/api-reference'
import type { Hono } from 'hono'
import { fail, type GatewayContext, type GatewayEnv } from './context.ts'

/**
 * Reads one file of the reference UI's package. Each runtime entry supplies its own: Bun and Deno read the
 * installed package from disk, Workers (no file system) get the files bundled into the script.
 */
export type DocsAssetReader = ReferenceAssetReader

const page = referencePage('MyShop API')

/** `/docs`, the API reference, and `/docs/assets/*`, its files, served by the gateway itself with no other origin. */
export const mountDocs = (app: Hono<GatewayEnv>, read: DocsAssetReader | undefined) => {
  const assets = referenceAssets(read)
  const missing = (c: GatewayContext) =>
    fail(c, 'unavailable', 'The API reference is not installed with this gateway.')

  app.get('/docs', (c) => (read ? c.html(page, 200, { 'cache-control': 'no-cache' }) : missing(c)))
  app.get('/docs/assets/:file', async (c) => {
    const asset = await assets(c.req.param('file'))
    if (asset.kind === 'unknown')
      return fail(c, 'route_not_found', `No route for ${c.req.method} ${c.req.path}.`)
    if (asset.kind === 'unavailable') return missing(c)
    return c.body(asset.body, 200, asset.headers)
  })
}
