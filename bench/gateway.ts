// Gateway cost. The same load hits GET /api/v1/users/me on the real user service (PostgreSQL + Redis) four
// ways in one run: directly; through a plain proxy (Bun.serve + fetch, nothing else); through the edge gateway
// in its own process (JWT verification, session check, per-IP and per-user limits on Redis, request ids,
// metrics), as in a distributed deployment; and through the gateway in the service's process, as `myshop
// start` runs it (same policy, requests handed to the service's handler without a loopback hop). The user
// service runs inside a `myshop start` platform process, so every target reaches the same service instance.
// Runs are interleaved round by round so drift on a shared machine hits all of them alike; the tables give
// medians with the CPU each measured process spent per request, and each ratio is the median of the rounds'
// own ratios (paired). Only 2xx responses count. A second comparison, the listing, hits the public product listing
// (served from the response cache) with a small body and a large one, directly and through both gateways.
//
// Usage: bun run bench:gateway
//   env: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL (default
//   redis://127.0.0.1:6379), BENCH_SECONDS (5), BENCH_ROUNDS (3), BENCH_CONNECTIONS (50), GATEWAY_WORKERS (1),
//   BENCH_SECTIONS (me,listing), BENCH_MODE (distributed; embedded: the platform on PGlite with Redis's roles in
//   process, and the gateway process without Redis).
// Needs `wrk` (apt-get install wrk). Every target is on 127.0.0.1; each run is bounded by BENCH_SECONDS.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from '@myshop/db'
import { generateCatalog } from '../cli/src/catalog/generator.ts'
import { cpuSeconds, freePort, parseWrk, requireWrk, waitFor } from './lib.ts'

const root = join(import.meta.dir, '..')

if (process.argv[2] === '--plain-proxy') {
  // The reference: the least a proxy on this runtime can do.
  const upstream = process.env.UPSTREAM!
  Bun.serve({
    port: Number(process.env.PORT),
    hostname: '127.0.0.1',
    async fetch(req) {
      const url = new URL(req.url)
      const res = await fetch(`${upstream}${url.pathname}${url.search}`, { headers: req.headers })
      return new Response(res.body, { status: res.status, headers: res.headers })
    },
  })
  await new Promise(() => {})
}

if (process.argv[2] === '--platform') {
  // What `myshop start` runs, with the bench's limits: prints its URLs as one JSON line.
  const { startPlatform } = await import('../cli/src/platform.ts')
  const platform = await startPlatform(process.env)
  console.log(
    JSON.stringify({
      gateway: platform.gatewayUrl,
      user: platform.services.user,
      product: platform.services.product,
    }),
  )
  await new Promise(() => {})
}

const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
/** Which comparisons run: `me` (GET /api/v1/users/me, four ways) and `listing` (the product listing). */
const sections = (process.env.BENCH_SECTIONS ?? 'me,listing').split(',')
/** Products in the listing's catalog: enough for a full page of 20. */
const listingProducts = 40
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)
const workers = process.env.GATEWAY_WORKERS ?? '1'
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

requireWrk('bench:gateway')

interface Run {
  rps: number
  p50: number
  p99: number
  /** CPU microseconds the measured proxy spent per 2xx response (0 for the direct runs). */
  cpuUs: number
}

/** One wrk run against `url`, as the user of `token` (anonymous without one). */
const wrk = async (url: string, token: string | null, pid?: number, ratePerSecond?: number): Promise<Run> => {
  const script = join(root, 'bench/out/pace.lua')
  const args = ['wrk', '-t1', `-c${connections}`, `-d${seconds}s`, '--latency']
  if (token) args.push('-H', `authorization: Bearer ${token}`)
  if (ratePerSecond) {
    // Closed-loop pacing: each connection waits so that all of them together send about this rate.
    await Bun.write(
      script,
      `function delay() return ${Math.round((connections * 1000) / ratePerSecond)} end\n`,
    )
    args.push('-s', script)
  }
  const before = pid ? cpuSeconds(pid) : 0
  const proc = Bun.spawn([...args, url], { stdout: 'pipe', stderr: 'pipe' })
  const out = await new Response(proc.stdout).text()
  await proc.exited
  const cpu = pid ? cpuSeconds(pid) - before : 0
  const { total, non2xx, p50, p99 } = parseWrk(out)
  const ok = total - non2xx
  return {
    rps: ok / seconds,
    p50,
    p99,
    cpuUs: pid && ok ? (cpu * 1e6) / ok : 0,
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const summarize = (runs: Run[]): Run => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  cpuUs: median(runs.map((r) => r.cpuUs)),
})

// A database of its own, dropped at the end.
const dbName = `myshop_bench_${Date.now().toString(36)}`
const admin = connect(serverUrl, { max: 1 })
await admin.unsafe(`create database ${dbName}`)
const dbUrl = new URL(serverUrl)
dbUrl.pathname = `/${dbName}`

const proxyPort = freePort()
const gatewayPort = freePort()
const limits = {
  RATE_LIMIT_PER_IP: '1000000000',
  RATE_LIMIT_PER_USER: '1000000000',
  RATE_LIMIT_AUTH_PER_IP: '1000000000',
}
const embedded = process.env.BENCH_MODE === 'embedded'
const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env
const env = { ...inherited, LOG_LEVEL: 'warn', ...(!embedded && { REDIS_URL: redisUrl }), ...limits }
const dataDir = mkdtempSync(join(tmpdir(), 'myshop-bench-gateway-'))
const adminEmail = 'bench-admin@myshop.test'
const adminPassword = 'bench-Copper-Meadow-71'
const platform = Bun.spawn([process.execPath, import.meta.path, '--platform'], {
  env: {
    ...env,
    ...(embedded ? { MYSHOP_DATA_DIR: dataDir } : { DATABASE_URL: dbUrl.toString() }),
    MYSHOP_ADMIN_EMAIL: adminEmail,
    MYSHOP_ADMIN_PASSWORD: adminPassword,
    GATEWAY_PORT: String(freePort()),
    USER_PORT: String(freePort()),
    PRODUCT_PORT: String(freePort()),
    INVENTORY_PORT: String(freePort()),
    PAYMENT_PORT: String(freePort()),
    ORDER_PORT: String(freePort()),
  },
  stdout: 'pipe',
  stderr: 'inherit',
})
const reader = platform.stdout.getReader()
let line = ''
while (!line.includes('\n')) {
  const { value, done } = await reader.read()
  if (done) throw new Error('the platform process exited before it started')
  line += new TextDecoder().decode(value)
}
const urls = JSON.parse(line) as { gateway: string; user: string; product: string }
const children = [
  platform,
  Bun.spawn([process.execPath, import.meta.path, '--plain-proxy'], {
    env: { ...env, PORT: String(proxyPort), UPSTREAM: urls.user },
    stdout: 'ignore',
    stderr: 'inherit',
  }),
  Bun.spawn([process.execPath, join(root, 'edge-gateway/src/entry/bun.ts')], {
    env: {
      ...env,
      GATEWAY_PORT: String(gatewayPort),
      GATEWAY_WORKERS: workers,
      USER_SERVICE_URL: urls.user,
      PRODUCT_SERVICE_URL: urls.product,
    },
    stdout: 'ignore',
    stderr: 'inherit',
  }),
]
const [, plainProxy, gateway] = children

try {
  const direct = urls.user
  await waitFor(`${direct}/health`)
  await waitFor(`http://127.0.0.1:${gatewayPort}/health`)
  const email = `bench.${Date.now()}@example.com`
  const password = 'violet-Harbor-93-lantern'
  const post = (path: string, body: unknown) =>
    fetch(`${direct}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  await post('/api/v1/auth/register', { email, password, name: 'Bench' })
  const login = async (email: string, password: string) =>
    ((await (await post('/api/v1/auth/login', { email, password })).json()) as { accessToken: string })
      .accessToken
  const accessToken = await login(email, password)

  /**
   * The public product listing (`GET /api/v1/products`, anonymous, served from the response cache) with a small
   * body (limit=1) and a large one (limit=20, about 27 KB): directly, through the gateway in its own process, and
   * through the gateway in the service's process.
   */
  const benchListing = async () => {
    const adminToken = await login(adminEmail, adminPassword)
    const rows = [...generateCatalog({ products: listingProducts, seed: 1 })]
    const imported = await fetch(`${urls.product}/api/v1/catalog/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ rows }),
    })
    if (!imported.ok) throw new Error(`catalog import failed: ${imported.status} ${await imported.text()}`)
    const sizes = { small: '/api/v1/products?limit=1', large: '/api/v1/products?limit=20' }
    const runs: Record<string, Record<string, Run[]>> = {}
    const listingTargets = (path: string) => ({
      direct: { url: `${urls.product}${path}`, pid: platform.pid as number | undefined },
      gateway: { url: `http://127.0.0.1:${gatewayPort}${path}`, pid: gateway!.pid },
      'in process': { url: `${urls.gateway}${path}`, pid: platform.pid },
    })
    const bytes: Record<string, number> = {}
    for (const [size, path] of Object.entries(sizes)) {
      bytes[size] = (await (await fetch(`${urls.product}${path}`)).arrayBuffer()).byteLength
      runs[size] = { direct: [], gateway: [], 'in process': [] }
      for (const t of Object.values(listingTargets(path))) await wrk(t.url, null) // warm-up
    }
    for (let r = 0; r < rounds; r++)
      for (const [size, path] of Object.entries(sizes))
        for (const [name, t] of Object.entries(listingTargets(path)))
          runs[size]![name]!.push(await wrk(t.url, null, t.pid))
    const row = (name: string, r: Run) =>
      `| ${name.padEnd(18)} | ${r.rps.toFixed(0).padStart(8)} | ${r.p50.toFixed(2).padStart(7)} | ${r.p99.toFixed(2).padStart(7)} | ${r.cpuUs.toFixed(0).padStart(6)} |`
    console.log(
      `\nwrk -t1 -c${connections}, ${seconds} s per run, median of ${rounds} interleaved rounds, ${embedded ? 'embedded' : 'distributed'}\nGET /api/v1/products, anonymous, ${listingProducts} products: small = limit=1 (${bytes.small} bytes), large = limit=20 (${bytes.large} bytes)`,
    )
    console.log(
      '| target             | 2xx/s    | p50 ms  | p99 ms  | CPU µs/req of the process |\n|---|---:|---:|---:|---:|',
    )
    for (const size of Object.keys(sizes))
      for (const [name, rs] of Object.entries(runs[size]!)) console.log(row(`${size} ${name}`, summarize(rs)))
    const listingRatio = (size: string, name: string) =>
      median(runs[size]![name]!.map((r, i) => r.rps / runs[size]!.direct![i]!.rps)).toFixed(2)
    console.log('')
    for (const size of Object.keys(sizes))
      for (const name of ['gateway', 'in process'])
        console.log(`listing ${size} ${name}/direct: ${listingRatio(size, name)}  (target >= 0.8)`)
  }

  if (sections.includes('me')) {
    const path = '/api/v1/users/me'
    const targets = {
      // The platform process's CPU: the service alone here, the service and the gateway for 'in process'.
      direct: { url: `${direct}${path}`, pid: platform.pid as number | undefined },
      'plain proxy': { url: `http://127.0.0.1:${proxyPort}${path}`, pid: plainProxy!.pid },
      gateway: { url: `http://127.0.0.1:${gatewayPort}${path}`, pid: gateway!.pid },
      // Its CPU column is the whole platform process: the service's work and the gateway's together.
      'in process': { url: `${urls.gateway}${path}`, pid: platform.pid },
    }
    for (const t of Object.values(targets)) await wrk(t.url, accessToken) // warm-up: JIT, pools, caches

    const max: Record<string, Run[]> = { direct: [], 'plain proxy': [], gateway: [], 'in process': [] }
    for (let r = 0; r < rounds; r++)
      for (const [name, t] of Object.entries(targets)) max[name]!.push(await wrk(t.url, accessToken, t.pid))
    const m = Object.fromEntries(Object.entries(max).map(([k, v]) => [k, summarize(v)])) as Record<
      string,
      Run
    >

    // Latency is compared at half the maximum load of the path under test: each proxy path and the direct path run
    // at half the lower of their two maxima, so neither is near saturation (half the direct maximum alone would run
    // the slower paths at or past theirs), paired round by round.
    const proxies = ['plain proxy', 'gateway', 'in process'] as const
    const paceOf = Object.fromEntries(
      proxies.map((name) => [name, Math.round(Math.min(m.direct!.rps, m[name]!.rps) / 2)]),
    ) as Record<(typeof proxies)[number], number>
    const at = Object.fromEntries(
      proxies.map((name) => [name, { direct: [] as Run[], proxied: [] as Run[] }]),
    )
    for (let r = 0; r < rounds; r++)
      for (const name of proxies) {
        at[name]!.direct.push(await wrk(targets.direct.url, accessToken, targets.direct.pid, paceOf[name]))
        at[name]!.proxied.push(await wrk(targets[name].url, accessToken, targets[name].pid, paceOf[name]))
      }

    const row = (name: string, r: Run) =>
      `| ${name.padEnd(12)} | ${r.rps.toFixed(0).padStart(8)} | ${r.p50.toFixed(2).padStart(7)} | ${r.p99.toFixed(2).padStart(7)} | ${r.cpuUs ? r.cpuUs.toFixed(0).padStart(6) : '     –'} |`
    const header =
      '| target       | 2xx/s    | p50 ms  | p99 ms  | CPU µs/req of the process |\n|---|---:|---:|---:|---:|'
    console.log(
      `wrk -t1 -c${connections}, ${seconds} s per run, median of ${rounds} interleaved rounds, gateway processes: ${workers}`,
    )
    console.log('\nmaximum throughput')
    console.log(header)
    for (const [k, v] of Object.entries(m)) console.log(row(k, v))
    for (const name of proxies) {
      console.log(`\npaced at ~${paceOf[name]} req/s (half the lower maximum of direct and ${name})`)
      console.log(header)
      console.log(row('direct', summarize(at[name]!.direct)))
      console.log(row(name, summarize(at[name]!.proxied)))
    }
    console.log('')
    // Paired: each round's ratio to (or difference from) the other target's run of the same round, under the same
    // machine conditions, then the median of those, which a single noisy round moves less than two medians do.
    const ratio = (a: string, b: string) => median(max[a]!.map((r, i) => r.rps / max[b]![i]!.rps)).toFixed(2)
    const addedP99 = (name: (typeof proxies)[number]) =>
      median(at[name]!.proxied.map((r, i) => r.p99 - at[name]!.direct[i]!.p99)).toFixed(2)
    console.log(`throughput in process/direct:   ${ratio('in process', 'direct')}  (target >= 0.8)`)
    console.log(`throughput gateway/direct:      ${ratio('gateway', 'direct')}  (target >= 0.8)`)
    console.log(`throughput plain proxy/direct:  ${ratio('plain proxy', 'direct')}`)
    console.log(`throughput gateway/plain proxy: ${ratio('gateway', 'plain proxy')}`)
    console.log(
      `CPU per request gateway/plain proxy: ${median(max.gateway!.map((r, i) => r.cpuUs / max['plain proxy']![i]!.cpuUs)).toFixed(2)}`,
    )
    // The platform process is the bottleneck in both (one JavaScript thread), so this is the throughput ratio the
    // CPU alone allows, steadier than the measured one on a machine whose other processes come and go.
    console.log(
      `CPU per request direct/in process: ${median(max.direct!.map((r, i) => r.cpuUs / max['in process']![i]!.cpuUs)).toFixed(2)}`,
    )
    console.log(
      `added p99 at half load (target <= 1 ms): in process ${addedP99('in process')} ms, gateway ${addedP99('gateway')} ms, plain proxy ${addedP99('plain proxy')} ms`,
    )
  }
  if (sections.includes('listing')) await benchListing()
} finally {
  for (const c of children) c.kill()
  await Promise.all(children.map((c) => c.exited))
  await admin.unsafe(`drop database if exists ${dbName} with (force)`)
  await admin.end()
  rmSync(dataDir, { recursive: true, force: true })
}
