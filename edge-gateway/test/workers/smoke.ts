// Bundles the gateway's Workers entry with `bun build` and runs it on workerd (via Miniflare, the
// npm package), then smoke-tests it over HTTP. Usage: bun edge-gateway/test/workers/smoke.ts
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fixtures } from '../runtimes/harness.ts'

setTimeout(() => {
  console.log('(fail) workers > timed out after 90 s')
  console.log('0 passed, 1 failed')
  process.exit(1)
}, 90_000).unref()

let Miniflare: typeof import('miniflare').Miniflare
try {
  ;({ Miniflare } = await import('miniflare'))
} catch (e) {
  console.log(`SKIP workers smoke: miniflare is not installed (${e})`)
  process.exit(0)
}

const root = join(import.meta.dir, '../../..')
const out = mkdtempSync(join(tmpdir(), 'gateway-worker-'))
const build = await Bun.build({
  entrypoints: [join(root, 'edge-gateway/src/entry/workers.ts')],
  outdir: out,
  target: 'browser',
  format: 'esm',
  minify: false,
})
if (!build.success) {
  console.log(`(fail) workers > bundle failed:\n${build.logs.join('\n')}`)
  console.log('0 passed, 1 failed')
  process.exit(1)
}
const script = await build.outputs[0]!.text()
rmSync(out, { recursive: true, force: true })

const f = await fixtures()
const mf = new Miniflare({
  modules: true,
  script,
  compatibilityDate: '2025-09-01',
  bindings: { USER_SERVICE_URL: f.upstreamUrl, JWKS_URL: f.jwksUrl, LOG_LEVEL: 'warn' },
})
let ok = false
try {
  const url = await mf.ready
  ok = await f.check('workers', async (path, init) => {
    // cf-connecting-ip is what Cloudflare's edge sets; the gateway keys its per-IP limit on it.
    const headers = new Headers(init?.headers)
    headers.set('cf-connecting-ip', '203.0.113.50')
    return fetch(new URL(path, url), { ...init, headers })
  })
} catch (e) {
  console.log(`(fail) workers > ${e}`)
  console.log('0 passed, 1 failed')
} finally {
  await mf.dispose()
  f.stop()
}
process.exit(ok ? 0 : 1)
