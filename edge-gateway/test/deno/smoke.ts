// Runs the gateway's Deno entry on a real Deno (the `deno` npm package) and smoke-tests it over HTTP.
// Usage: bun edge-gateway/test/deno/smoke.ts
import { join } from 'node:path'
import { fixtures, freePort, waitFor } from '../runtimes/harness.ts'

const root = join(import.meta.dir, '../../..')
// `.bin/deno` is a Node wrapper that spawns the real binary as a child, so a signal sent to it would
// orphan the gateway; the wrapper is run once to make sure the binary exists, then bypassed.
const wrapper = join(root, 'node_modules/.bin/deno')
const version = Bun.spawnSync([wrapper, '--version'])
const binary = join(root, 'node_modules/deno/deno')
const deno = (await Bun.file(binary).exists()) ? binary : wrapper
if (version.exitCode !== 0) {
  console.log(
    `SKIP deno smoke: the deno binary from the npm package does not run here (${version.stderr.toString().trim()})`,
  )
  process.exit(0)
}

// Never hang CI: a stuck runtime fails the smoke test after a minute.
setTimeout(() => {
  console.log('(fail) deno > timed out after 60 s')
  console.log('0 passed, 1 failed')
  process.exit(1)
}, 60_000).unref()

const f = await fixtures()
const port = freePort()
const gateway = Bun.spawn(
  [
    deno,
    'run',
    '--allow-net',
    '--allow-env',
    '--allow-read',
    '--allow-sys',
    join(root, 'edge-gateway/src/entry/deno.ts'),
  ],
  {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DENO_NO_UPDATE_CHECK: '1',
      GATEWAY_PORT: String(port),
      USER_SERVICE_URL: f.upstreamUrl,
      JWKS_URL: f.jwksUrl,
      LOG_LEVEL: 'warn',
    },
    stdout: 'inherit',
    stderr: 'inherit',
  },
)
let ok = false
try {
  await waitFor(`http://127.0.0.1:${port}/ready`)
  ok = await f.check('deno', (path, init) => fetch(`http://127.0.0.1:${port}${path}`, init))
} catch (e) {
  console.log(`(fail) deno > gateway did not start: ${e}`)
  console.log('0 passed, 1 failed')
} finally {
  gateway.kill('SIGTERM')
  const exited = await Promise.race([gateway.exited.then(() => true), Bun.sleep(7_000).then(() => false)])
  if (!exited) {
    console.log('(fail) deno > the gateway did not stop within 7 s of SIGTERM')
    gateway.kill('SIGKILL')
    ok = false
  }
  f.stop()
}
process.exit(ok ? 0 : 1)
