/** The files of the reference UI's package (`swagger-ui-dist`, pinned in package.json) that `/docs` loads. */
export const referencePackageFiles = ['swagger-ui-bundle.js', 'swagger-ui.css'] as const
export type ReferencePackageFile = (typeof referencePackageFiles)[number]

/**
 * Reads one file of the reference UI's package. Runtimes with a file system read the installed package
 * (`@myshop/api-reference/package-files`); Workers get the files bundled into the script.
 */
export type ReferenceAssetReader = (file: ReferencePackageFile) => Promise<string | Uint8Array<ArrayBuffer>>

/**
 * The policy of the reference UI's page: its script, styles, fonts and images come from the server itself, and it
 * fetches only the server's own `/openapi.json` (and the API when an operation is tried). `data:` images are the
 * small icons the UI's stylesheet carries inline; they load nothing from anywhere.
 */
export const docsContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

/**
 * The page served at `/docs`. Relative URLs: the page is `/docs`, so they resolve under the server's root, also
 * behind a proxy that mounts it under a prefix. Scripts are files, never inline, so the policy can allow 'self' only.
 */
export const referencePage = (title: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
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

const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
}

/** What `/docs/assets/<name>` answers: a file with its headers, no such asset, or the package cannot be read. */
export type ReferenceAsset =
  | { kind: 'file'; body: string | Uint8Array<ArrayBuffer>; headers: Record<string, string> }
  | { kind: 'unknown' }
  | { kind: 'unavailable' }

/**
 * Looks up the reference UI's assets by name, for a server's `/docs/assets/:name` route. Only the listed files are
 * served (never a path into the package). Each is read once, on first use, and kept: the package does not change
 * while the server runs; a failed read is retried by the next request, not remembered.
 */
export const referenceAssets = (read: ReferenceAssetReader | undefined) => {
  const loaded = new Map<ReferencePackageFile, Promise<string | Uint8Array<ArrayBuffer>>>()
  const load = (file: ReferencePackageFile) => {
    let bytes = loaded.get(file)
    if (!bytes) {
      bytes = read!(file)
      bytes.catch(() => loaded.delete(file))
      loaded.set(file, bytes)
    }
    return bytes
  }
  return async (name: string): Promise<ReferenceAsset> => {
    if (name === 'reference.js')
      return {
        kind: 'file',
        body: start,
        headers: { 'content-type': contentTypes.js!, 'cache-control': 'no-cache' },
      }
    if (!referencePackageFiles.includes(name as ReferencePackageFile)) return { kind: 'unknown' }
    if (!read) return { kind: 'unavailable' }
    try {
      const body = await load(name as ReferencePackageFile)
      return {
        kind: 'file',
        body,
        headers: {
          'content-type': contentTypes[name.slice(name.lastIndexOf('.') + 1)]!,
          'cache-control': 'public, max-age=3600',
        },
      }
    } catch {
      // The package is listed as a dependency but its files cannot be read here (pruned, or a runtime without them).
      return { kind: 'unavailable' }
    }
  }
}
