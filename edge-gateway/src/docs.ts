import type { Hono } from 'hono'
import { fail, type GatewayContext, type GatewayEnv } from './context.ts'

/** The files of the reference UI's package (`swagger-ui-dist`, pinned in package.json) that `/docs` loads. */
export const docsPackageFiles = ['swagger-ui-bundle.js', 'swagger-ui.css'] as const
export type DocsPackageFile = (typeof docsPackageFiles)[number]

/**
 * Reads one file of the reference UI's package. Each runtime entry supplies its own: Bun and Deno read the
 * installed package from disk, Workers (no file system) get the files bundled into the script.
 */
export type DocsAssetReader = (file: DocsPackageFile) => Promise<string | Uint8Array<ArrayBuffer>>

const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
}

// Relative URLs: the page is `/docs`, so they resolve under the gateway's root, also behind a proxy that mounts
// the gateway under a prefix. Scripts are files, never inline, so the page's policy can allow 'self' only.
const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MyShop API</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="docs/assets/swagger-ui.css">
</head>
<body>
<div id="reference"></div>
<script src="docs/assets/swagger-ui-bundle.js"></script>
<script src="docs/assets/reference.js"></script>
</body>
</html>
`

// No validator badge: it would send the document to a third party.
const start = `window.reference = SwaggerUIBundle({
  url: 'openapi.json',
  dom_id: '#reference',
  deepLinking: true,
  validatorUrl: null,
})
`

const assetCacheControl = 'public, max-age=3600'

/** `/docs`, the API reference, and `/docs/assets/*`, its files, served by the gateway itself with no other origin. */
export const mountDocs = (app: Hono<GatewayEnv>, read: DocsAssetReader | undefined) => {
  // Each file is read once, on first use, and kept: the package does not change while the gateway runs.
  const loaded = new Map<DocsPackageFile, Promise<string | Uint8Array<ArrayBuffer>>>()
  const load = (file: DocsPackageFile) => {
    let bytes = loaded.get(file)
    if (!bytes) {
      bytes = read!(file)
      // A failed read is retried by the next request, not remembered.
      bytes.catch(() => loaded.delete(file))
      loaded.set(file, bytes)
    }
    return bytes
  }
  const missing = (c: GatewayContext) =>
    fail(c, 'unavailable', 'The API reference is not installed with this gateway.')

  app.get('/docs', (c) => (read ? c.html(page, 200, { 'cache-control': 'no-cache' }) : missing(c)))
  app.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file')
    if (file === 'reference.js')
      return c.body(start, 200, { 'content-type': contentTypes.js!, 'cache-control': 'no-cache' })
    if (!docsPackageFiles.includes(file as DocsPackageFile))
      return fail(c, 'route_not_found', `No route for ${c.req.method} ${c.req.path}.`)
    if (!read) return missing(c)
    let body: string | Uint8Array<ArrayBuffer>
    try {
      body = await load(file as DocsPackageFile)
    } catch {
      // The package is listed as a dependency but its files cannot be read here (pruned, or a runtime without them).
      return missing(c)
    }
    return c.body(body, 200, {
      'content-type': contentTypes[file.slice(file.lastIndexOf('.') + 1)]!,
      'cache-control': assetCacheControl,
    })
  })
}
