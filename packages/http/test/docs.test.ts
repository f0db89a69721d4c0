import { describe, expect, test } from 'bun:test'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { docsContentSecurityPolicy } from '@myshop/api-reference'
import { silentLogger } from '@myshop/logger'
import { createHttpApp } from '../src/index.ts'

const app = createHttpApp({ service: 'demo', logger: silentLogger() }).get('/things', () => [])
const get = (target: { handle: (r: Request) => Promise<Response> }, path: string) =>
  target.handle(new Request(`http://service.test${path}`))

/** Every URL the page loads: `src` and `href` attributes. */
const loadedUrls = (html: string) => [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!)

describe("a service's /docs", () => {
  test('is a page of its own origin only, under the reference policy', async () => {
    const res = await get(app, '/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toStartWith('text/html')
    expect(res.headers.get('content-security-policy')).toBe(docsContentSecurityPolicy)
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    const html = await res.text()
    expect(html).toContain('<title>MyShop demo service</title>')
    const urls = loadedUrls(html)
    expect(urls).toContain('docs/assets/swagger-ui-bundle.js')
    // Relative or data: only; nothing with a scheme or a host of its own.
    for (const url of urls)
      expect({ url, remote: /^[a-z]+:\/\/|^\/\//i.test(url) }).toEqual({ url, remote: false })
    expect(html).not.toMatch(/https?:\/\//)
  })

  test('every asset the page loads answers 200 with its type; the package files are the installed ones', async () => {
    const packageDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
    const html = await (await get(app, '/docs')).text()
    const types: Record<string, string> = { js: 'text/javascript', css: 'text/css' }
    for (const url of loadedUrls(html).filter((u) => u.startsWith('docs/assets/'))) {
      const res = await get(app, `/${url}`)
      expect({ url, status: res.status }).toEqual({ url, status: 200 })
      expect(res.headers.get('content-type')).toStartWith(types[url.slice(url.lastIndexOf('.') + 1)]!)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      const file = url.slice('docs/assets/'.length)
      if (file !== 'reference.js')
        expect(new Uint8Array(await res.arrayBuffer())).toEqual(
          new Uint8Array(await readFile(join(packageDir, file))),
        )
    }
  })

  test('serves nothing else of the package or the disk', async () => {
    for (const name of ['package.json', 'swagger-ui-bundle.js.map', '..%2Fpackage.json', '%2Fetc%2Fpasswd']) {
      const path = `/docs/assets/${name}`
      const res = await get(app, path)
      expect({ path, status: res.status }).toEqual({ path, status: 404 })
      expect(res.headers.get('content-type')).toContain('application/problem+json')
    }
  })

  test('files that cannot be read answer 503, and are read again on the next request', async () => {
    let reads = 0
    const flaky = createHttpApp({
      service: 'demo',
      logger: silentLogger(),
      docsAssets: async () => {
        reads++
        if (reads === 1) throw new Error('ENOENT')
        return 'body { margin: 0 }'
      },
    })
    const failed = await get(flaky, '/docs/assets/swagger-ui.css')
    expect(failed.status).toBe(503)
    expect(await failed.json()).toMatchObject({ code: 'unavailable' })
    const served = await get(flaky, '/docs/assets/swagger-ui.css')
    expect(served.status).toBe(200)
    expect(await served.text()).toBe('body { margin: 0 }')
  })

  test('without the files /docs answers 503, not a blank page', async () => {
    const bare = createHttpApp({ service: 'demo', logger: silentLogger(), docsAssets: undefined })
    const res = await get(bare, '/docs')
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ code: 'unavailable' })
  })

  test('the service still documents its routes at /openapi.json, without /docs', async () => {
    const res = await get(app, '/openapi.json')
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { paths: Record<string, unknown> }
    expect(Object.keys(doc.paths)).toContain('/things')
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/docs'))).toEqual([])
  })
})
