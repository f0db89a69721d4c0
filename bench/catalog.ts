// Catalog at scale, on the real platform as `myshop start` boots it (gateway + user + product services in one
// process, PostgreSQL + Redis): how fast `myshop seed` imports through the gateway and the CPU each process spends
// per imported product (the platform, PostgreSQL, the CLI, Redis: an import is bound by CPU), search and autocomplete
// latency over that catalog, product detail throughput through the gateway with the response cache warm and cold, and the
// Elysia product service against a raw Bun.serve answering the same cached bytes.
//
// Usage: bun run bench:catalog
//   env: BENCH_PRODUCTS (100000), BENCH_SECONDS (5 per wrk run), BENCH_CONNECTIONS (50), BENCH_REINDEX (off),
//   BENCH_PIN (on with 2+ cores: the servers of part 4 run on core 1 and wrk on core 0, via taskset),
//   DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; a fresh database is created and
//   dropped), REDIS_URL (default redis://127.0.0.1:6379). Needs wrk. Everything listens on 127.0.0.1.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from '@myshop/db'
import { startPlatform } from '../cli/src/platform.ts'
import { servicePorts } from '../cli/src/services.ts'
import {
  childCpuSeconds,
  commandCpuSeconds,
  cpuSeconds,
  freePort,
  parseWrk,
  pinnedTo,
  requireWrk,
} from './lib.ts'

const root = join(import.meta.dir, '..')

if (process.argv[2] === '--raw-server') {
  const body = await Bun.file(process.env.BODY_FILE!).text()
  const headers = JSON.parse(process.env.HEADERS!) as Record<string, string>
  const { requestIdFrom } = await import('@myshop/request-meta')
  // The floor: a server that does nothing but answer the bytes and headers the product service's cache holds.
  const bytesOnly = () => new Response(body, { headers })
  // A hand-written server doing what the service does on a cached read, without the framework: find the entry
  // by the path's id, look at the manager token, answer If-None-Match with 304, carry the caller's request id
  // or a new one.
  const prefix = '/api/v1/products/'
  const entries = new Map([[process.env.PRODUCT_ID!, { body, etag: headers.etag! }]])
  const template = new Headers(headers)
  const sameWork = (req: Request) => {
    const url = req.url
    const path = url.slice(url.indexOf('/', 11))
    const entry = path.startsWith(prefix) ? entries.get(path.slice(prefix.length)) : undefined
    if (!entry || req.headers.get('authorization')) return new Response(null, { status: 404 })
    const out = new Headers(template)
    out.set('x-request-id', requestIdFrom(req.headers.get('x-request-id')))
    if (req.headers.get('if-none-match') === entry.etag)
      return new Response(null, { status: 304, headers: out })
    return new Response(entry.body, { headers: out })
  }
  // The framework's own floor: a bare Elysia route answering the same fixed bytes.
  const { Elysia } = await import('elysia')
  const bareElysia = new Elysia().get(`${prefix}:id`, bytesOnly)
  const modes = { bytes: bytesOnly, 'same-work': sameWork, 'bare-elysia': bareElysia.fetch }
  Bun.serve({
    port: Number(process.env.PORT),
    hostname: '127.0.0.1',
    fetch: modes[process.env.RAW_MODE as keyof typeof modes],
  })
  await new Promise(() => {})
}

const products = Number(process.env.BENCH_PRODUCTS ?? 100_000)
const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

requireWrk('bench:catalog')

/** One wrk run; `cpuUs` is the server's CPU time per response when its pid was given. */
type WrkRun = { rps: number; p50: number; p99: number; non2xx: number; cpuUs?: number }

const work = mkdtempSync(join(tmpdir(), 'myshop-bench-catalog-'))

const wrk = async (
  url: string,
  options: { token?: string; script?: string; pid?: number; pin?: string[] } = {},
): Promise<WrkRun> => {
  const args = [...(options.pin ?? []), 'wrk', '-t1', `-c${connections}`, `-d${seconds}s`, '--latency']
  if (options.token) args.push('-H', `Authorization: Bearer ${options.token}`)
  if (options.script) args.push('-s', options.script)
  const cpuBefore = options.pid ? cpuSeconds(options.pid) : 0
  const proc = Bun.spawn([...args, url], { stdout: 'pipe', stderr: 'pipe' })
  const out = await new Response(proc.stdout).text()
  await proc.exited
  const { total, non2xx, p50, p99 } = parseWrk(out)
  const run: WrkRun = { rps: (total - non2xx) / seconds, p50, p99, non2xx }
  if (options.pid) run.cpuUs = ((cpuSeconds(options.pid) - cpuBefore) * 1e6) / Math.max(1, total)
  return run
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!

// A database of its own, dropped at the end.
const dbName = `myshop_bench_${Date.now().toString(36)}`
const admin = connect(serverUrl, { max: 1 })
await admin.unsafe(`create database ${dbName}`)
const dbUrl = new URL(serverUrl)
dbUrl.pathname = `/${dbName}`

const adminEmail = 'bench-admin@myshop.test'
const adminPassword = 'bench-Copper-Meadow-71'
const limit = '1000000000'
const platform = await startPlatform({
  ...process.env,
  GATEWAY_PORT: '0',
  ...servicePorts(),
  MYSHOP_DATA_DIR: join(work, 'data'),
  USER_DATABASE_URL: dbUrl.toString(),
  PRODUCT_DATABASE_URL: dbUrl.toString(),
  INVENTORY_DATABASE_URL: dbUrl.toString(),
  PAYMENT_DATABASE_URL: dbUrl.toString(),
  ORDER_DATABASE_URL: dbUrl.toString(),
  REDIS_URL: redisUrl,
  MYSHOP_ADMIN_EMAIL: adminEmail,
  MYSHOP_ADMIN_PASSWORD: adminPassword,
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_IP: limit,
  RATE_LIMIT_PER_USER: limit,
  RATE_LIMIT_AUTH_PER_IP: limit,
})
const gateway = platform.gatewayUrl
const children: ReturnType<typeof Bun.spawn>[] = []

const lines: string[] = []
const say = (line = '') => {
  lines.push(line)
  console.log(line)
}

try {
  // 1. Import: the real CLI, `myshop seed`, through the gateway.
  const home = join(work, 'home')
  // Asynchronous: the platform answering the CLI runs on this process's event loop.
  const cli = async (...args: string[]) => {
    const proc = Bun.spawn([process.execPath, join(root, 'cli/src/index.ts'), ...args, '--url', gateway], {
      env: { ...process.env, MYSHOP_HOME: home, NO_COLOR: '1' },
      stdout: 'pipe',
      stderr: 'pipe',
    })
    const [stdout, stderr, exitCode] = await Promise.all([
      new Response(proc.stdout).text(),
      new Response(proc.stderr).text(),
      proc.exited,
    ])
    return { stdout, stderr, exitCode }
  }
  const login = await cli('login', '--email', adminEmail, '--password', adminPassword)
  if (login.exitCode !== 0) throw new Error(`login failed: ${login.stderr}`)
  // The CPU each side spends on the import: this process (the platform), the CLI (a child), PostgreSQL and Redis.
  const cpuNow = () => ({
    platform: cpuSeconds(process.pid),
    cli: childCpuSeconds(),
    postgres: commandCpuSeconds('postgres'),
    redis: commandCpuSeconds('redis-server'),
  })
  const cpuBefore = cpuNow()
  const started = performance.now()
  const seeded = await cli('seed', '--products', String(products), '--seed', '1', '--json', '--yes')
  const importSeconds = (performance.now() - started) / 1000
  const cpuAfter = cpuNow()
  if (seeded.exitCode !== 0) throw new Error(`seed failed: ${seeded.stderr}`)
  const counts = JSON.parse(seeded.stdout) as {
    created: number
    updated: number
    failed: unknown[]
  }
  const token = (
    (await (
      await fetch(`${gateway}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: adminEmail, password: adminPassword }),
      })
    ).json()) as { accessToken: string }
  ).accessToken

  // Reindex runs as a background job; it is started and polled until done. Off by default: the PostgreSQL
  // engine searches the catalog tables themselves (its reindex only walks the documents).
  const reindexStarted = performance.now()
  const reindex = async (): Promise<{ engine: string; indexed: number } | string> => {
    const auth = { authorization: `Bearer ${token}` }
    const started = await fetch(`${gateway}/api/v1/catalog/reindex`, { method: 'POST', headers: auth })
    if (started.status !== 202) return `HTTP ${started.status}`
    let job = (await started.json()) as {
      jobId: string
      status: string
      engine: string
      indexed: number
      error: string | null
    }
    while (job.status === 'running') {
      await Bun.sleep(250)
      job = (await (
        await fetch(`${gateway}/api/v1/catalog/reindex/${job.jobId}`, { headers: auth })
      ).json()) as typeof job
    }
    return job.status === 'succeeded' ? { engine: job.engine, indexed: job.indexed } : (job.error ?? 'failed')
  }
  const reindexed = !process.env.BENCH_REINDEX ? 'skipped (set BENCH_REINDEX=1)' : await reindex()
  const reindexSeconds = (performance.now() - reindexStarted) / 1000
  const engine =
    typeof reindexed === 'string'
      ? process.env.ELASTICSEARCH_URL
        ? 'elasticsearch'
        : 'postgres'
      : reindexed.engine

  say(`products: ${products}, wrk -t1 -c${connections} ${seconds} s per run, search engine: ${engine}`)
  say()
  say('import (myshop seed through the gateway, batches of 1000, 2 in flight)')
  say(
    `  ${products} products in ${counts.created + counts.updated + counts.failed.length} rows (one per variant): ` +
      `${counts.created} created, ${counts.updated} updated, ${counts.failed.length} failed in ${importSeconds.toFixed(1)} s: ` +
      `${Math.round(products / importSeconds)} products/s, ${Math.round((counts.created + counts.updated) / importSeconds)} rows/s`,
  )
  const perProduct = (side: keyof typeof cpuAfter) => ((cpuAfter[side] - cpuBefore[side]) * 1e6) / products
  const sides = ['platform', 'postgres', 'cli', 'redis'] as const
  const cpuTotal = sides.reduce((sum, side) => sum + perProduct(side), 0)
  const busy = (cpuTotal * products) / 1e6 / importSeconds / availableParallelism()
  say(
    `  CPU per product: platform ${perProduct('platform').toFixed(0)} µs, PostgreSQL ${perProduct('postgres').toFixed(0)} µs, ` +
      `CLI ${perProduct('cli').toFixed(0)} µs, Redis ${perProduct('redis').toFixed(0)} µs; ${cpuTotal.toFixed(0)} µs in all, ` +
      `${availableParallelism()} cores ${Math.round(busy * 100)} % busy`,
  )
  say(
    typeof reindexed === 'string'
      ? `  reindex: ${reindexed.startsWith('skipped') ? reindexed : `failed after ${reindexSeconds.toFixed(1)} s (${reindexed})`}`
      : `  reindex (${engine}): ${reindexed.indexed} products in ${reindexSeconds.toFixed(1)} s`,
  )

  // 2. Search latency, sequential, through the gateway. Each request has a distinct price floor so it
  // misses the listing cache and reaches the search engine; a second pass repeats them from the cache.
  const queries = [
    'iphone 15',
    'samsung galaxy',
    'headphones',
    'noise cancelling',
    'espresso machine',
    'running shoe',
    'waterproof jacket',
    'laptop 16 GB',
    'nordvik',
    'tent',
    'coffee beans',
    'kettlebel',
  ]
  const perQuery = 15
  const timeSearch = async (path: string) => {
    const t = performance.now()
    const res = await fetch(`${gateway}${path}`)
    await res.arrayBuffer()
    if (!res.ok) throw new Error(`${path}: ${res.status}`)
    return performance.now() - t
  }
  const paths = queries.flatMap((q) =>
    Array.from({ length: perQuery }, (_, i) => `/api/v1/products?q=${encodeURIComponent(q)}&minPrice=${i}`),
  )
  // Browsing without words: the whole shop, a category, a small category in price order both ways, a brand, a
  // price facet, and variant options (the most frequent value, the least frequent listed one in price order, two
  // options together). A distinct page size per request misses the listing cache without adding a filter (a price
  // floor would change what is counted).
  const sample = (await (await fetch(`${gateway}/api/v1/products?limit=1`)).json()) as {
    facets: {
      categories: { value: string }[]
      brands: { value: string }[]
      options: { name: string; values: { value: string }[] }[]
    }
  }
  const option = (i: number, value: 'first' | 'last') => {
    const o = sample.facets.options[i]!
    return `option=${encodeURIComponent(`${o.name}:${(value === 'first' ? o.values[0] : o.values.at(-1))!.value}`)}`
  }
  const browses = [
    'sort=newest',
    `category=${sample.facets.categories[0]!.value}`,
    // The smallest listed category in price order both ways: the shop's price order finds it last.
    `category=${sample.facets.categories.at(-1)!.value}&sort=price_asc`,
    `category=${sample.facets.categories.at(-1)!.value}&sort=price_desc`,
    `brand=${encodeURIComponent(sample.facets.brands[0]!.value)}&sort=price_asc`,
    'minPrice=2500&maxPrice=4999',
    option(0, 'first'),
    `${option(0, 'last')}&sort=price_asc`,
    `${option(0, 'first')}&${option(1, 'first')}&sort=price_desc`,
  ]
  const browsePaths = browses.flatMap((b) =>
    Array.from({ length: perQuery }, (_, i) => `/api/v1/products?${b}&limit=${10 + i}`),
  )
  paths.push(...browsePaths)
  const cold: number[] = []
  const timed: { path: string; ms: number; order: number }[] = []
  for (const path of paths) {
    const ms = await timeSearch(path)
    cold.push(ms)
    timed.push({ path, ms, order: timed.length + 1 })
  }
  const warm: number[] = []
  for (const path of paths) warm.push(await timeSearch(path))
  const browseCold = timed.filter((t) => browsePaths.includes(t.path)).map((t) => t.ms)
  const searchCold = timed.filter((t) => !browsePaths.includes(t.path)).map((t) => t.ms)
  for (const xs of [cold, warm, browseCold, searchCold]) xs.sort((a, b) => a - b)
  say()
  say(
    `search through the gateway (${queries.length} queries and ${browses.length} browses without words, ${paths.length} requests, one at a time)`,
  )
  say('| cache | p50 ms | p95 ms | p99 ms |')
  say('|---|---:|---:|---:|')
  for (const [name, xs] of [
    ['miss (search engine)', cold],
    ['miss, queries only', searchCold],
    ['miss, browses only', browseCold],
    ['hit', warm],
  ] as const) {
    say(
      `| ${name} | ${percentile(xs, 0.5).toFixed(2)} | ${percentile(xs, 0.95).toFixed(2)} | ${percentile(xs, 0.99).toFixed(2)} |`,
    )
  }

  const slowest = [...timed].sort((a, b) => b.ms - a.ms).slice(0, 3)
  say(
    `slowest misses: ${slowest.map((t) => `${t.path.replace('/api/v1/products', '')} (#${t.order}, ${t.ms.toFixed(0)} ms)`).join('; ')}`,
  )

  // Autocomplete as a shopper types: every prefix of every query, one keystroke at a time. Each distinct prefix
  // is asked twice: first a cache miss (the search engine answers), then a hit.
  const keystrokes = [
    ...new Set(
      queries
        .flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1).trim()))
        .filter(Boolean),
    ),
  ]
  const suggested: { q: string; ms: number }[] = []
  for (const q of keystrokes)
    suggested.push({ q, ms: await timeSearch(`/api/v1/products/suggest?q=${encodeURIComponent(q)}`) })
  const suggestHits: number[] = []
  for (const q of keystrokes)
    suggestHits.push(await timeSearch(`/api/v1/products/suggest?q=${encodeURIComponent(q)}`))
  const suggestMs = suggested.map((x) => x.ms).sort((a, b) => a - b)
  suggestHits.sort((a, b) => a - b)
  say()
  say(
    `suggestions through the gateway (every distinct prefix of the ${queries.length} queries, ${keystrokes.length} prefixes)`,
  )
  say('| cache | p50 ms | p95 ms | p99 ms |')
  say('|---|---:|---:|---:|')
  for (const [name, xs] of [
    ['miss (search engine)', suggestMs],
    ['hit', suggestHits],
  ] as const)
    say(
      `| ${name} | ${percentile(xs, 0.5).toFixed(2)} | ${percentile(xs, 0.95).toFixed(2)} | ${percentile(xs, 0.99).toFixed(2)} |`,
    )
  const slowestSuggestions = [...suggested].sort((a, b) => b.ms - a.ms).slice(0, 3)
  say(`slowest misses: ${slowestSuggestions.map((x) => `"${x.q}" (${x.ms.toFixed(0)} ms)`).join('; ')}`)

  // 3. Product detail throughput. Warm: one product over and over (response cache hit). Cold: a different
  // product each request, from a shuffled list of every id (cache miss, a few queries each).
  const ids: string[] = []
  {
    let cursor: string | null = null
    do {
      const page = (await (
        await fetch(`${gateway}/api/v1/catalog/export?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { items: { id: string; status: string }[]; nextCursor: string | null }
      for (const p of page.items) if (p.status === 'active') ids.push(p.id)
      cursor = page.nextCursor
    } while (cursor)
  }
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[ids[i], ids[j]] = [ids[j]!, ids[i]!]
  }
  const script = join(work, 'unique-ids.lua')
  writeFileSync(
    script,
    `local ids = {${ids.map((id) => `"${id}"`).join(',')}}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format("GET", "/api/v1/products/" .. ids[(i % #ids) + 1])\nend\n`,
  )
  const one = ids[0]!
  await fetch(`${gateway}/api/v1/products/${one}`).then((r) => r.arrayBuffer()) // fill the cache
  await wrk(`${gateway}/api/v1/products/${one}`) // warm-up: JIT, pools
  const gatewayWarm = await wrk(`${gateway}/api/v1/products/${one}`)
  const gatewayCold = await wrk(gateway, { script })
  const managerBypass = await wrk(`${gateway}/api/v1/products/${one}`, { token })

  // 4. The product service directly (Elysia, cache hit) against a raw Bun.serve with the same bytes. The service
  // runs in a process of its own, as in a distributed deployment, so neither side shares its thread with the
  // gateway, the user service or the relay that `myshop start` puts beside it. With two or more cores each server
  // runs on core 1 and wrk on core 0, so neither waits for the other's turn on a core; CPU time per response
  // is measured for each server.
  const serverCore = pinnedTo(1)
  const loadCore = pinnedTo(0)
  const servicePort = freePort()
  const standalone = `http://127.0.0.1:${servicePort}`
  const service = Bun.spawn([...serverCore, process.execPath, join(root, 'services/product/src/index.ts')], {
    env: {
      ...process.env,
      PRODUCT_PORT: String(servicePort),
      PRODUCT_DATABASE_URL: dbUrl.toString(),
      REDIS_URL: redisUrl,
      USER_SERVICE_URL: platform.services.user!,
      MYSHOP_DATA_DIR: join(work, 'data'),
      LOG_LEVEL: 'warn',
    },
    stdout: 'ignore',
    stderr: 'inherit',
  })
  children.push(service)
  const direct = await (async () => {
    for (let i = 0; i < 300; i++) {
      const res = await fetch(`${standalone}/api/v1/products/${one}`).catch(() => null)
      if (res?.ok) return res
      await Bun.sleep(100)
    }
    throw new Error('the standalone product service never answered')
  })()
  const body = await direct.text()
  const bodyFile = join(work, 'body.json')
  writeFileSync(bodyFile, body)
  // Every header the service sends, but those that change per response.
  const headers: Record<string, string> = {}
  for (const [name, value] of direct.headers)
    if (!['date', 'content-length', 'x-request-id'].includes(name)) headers[name] = value
  type RawMode = 'bytes' | 'same-work' | 'bare-elysia'
  const rawServer = async (mode: RawMode) => {
    const port = freePort()
    const proc = Bun.spawn([...serverCore, process.execPath, import.meta.path, '--raw-server'], {
      env: {
        ...process.env,
        PORT: String(port),
        RAW_MODE: mode,
        PRODUCT_ID: one,
        BODY_FILE: bodyFile,
        HEADERS: JSON.stringify(headers),
      },
      stdout: 'ignore',
      stderr: 'inherit',
    })
    children.push(proc)
    const url = `http://127.0.0.1:${port}/api/v1/products/${one}`
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(url).then(
          (r) => r.ok,
          () => false,
        )
      )
        break
      await Bun.sleep(50)
    }
    return { url, pid: proc.pid }
  }
  // Warm-up, then interleaved rounds so drift on a shared machine hits all alike; medians are reported.
  const targets = {
    elysia: { url: `${standalone}/api/v1/products/${one}`, pid: service.pid },
    raw: await rawServer('bytes'),
    sameWork: await rawServer('same-work'),
    bareElysia: await rawServer('bare-elysia'),
  }
  type Target = keyof typeof targets
  const runs: Record<Target, WrkRun[]> = { elysia: [], raw: [], sameWork: [], bareElysia: [] }
  for (const { url } of Object.values(targets)) await wrk(url, { pin: loadCore })
  for (let round = 0; round < 3; round++)
    for (const [name, { url, pid }] of Object.entries(targets))
      runs[name as Target].push(await wrk(url, { pid, pin: loadCore }))
  const median = (xs: WrkRun[]) => [...xs].sort((a, b) => a.rps - b.rps)[1]!
  const medianCpu = (xs: WrkRun[]) => [...xs].map((r) => r.cpuUs ?? 0).sort((a, b) => a - b)[1]!
  const elysia = median(runs.elysia)
  const raw = median(runs.raw)
  const sameWork = median(runs.sameWork)
  const bareElysia = median(runs.bareElysia)

  say()
  say(`GET /api/v1/products/:id (${body.length} bytes)`)
  say('| target | 2xx/s | p50 ms | p99 ms | non-2xx |')
  say('|---|---:|---:|---:|---:|')
  const row = (name: string, r: WrkRun) =>
    say(`| ${name} | ${Math.round(r.rps)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.non2xx} |`)
  row('gateway, cache warm (same product)', gatewayWarm)
  row(`gateway, cache cold (unique products, ${ids.length} ids)`, gatewayCold)
  row('gateway, manager token (cache bypassed)', managerBypass)
  say()
  say(
    `one server each, median of 3 interleaved runs${serverCore.length ? ', server on core 1, wrk on core 0' : ''}`,
  )
  say('| target | 2xx/s | p50 ms | p99 ms | non-2xx | CPU µs/req |')
  say('|---|---:|---:|---:|---:|---:|')
  const served = (name: string, target: Target) => {
    const r = median(runs[target])
    say(
      `| ${name} | ${Math.round(r.rps)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.non2xx} | ${medianCpu(runs[target]).toFixed(1)} |`,
    )
  }
  served('product service, own process (Elysia, cache hit)', 'elysia')
  served('raw Bun.serve doing the same work per read', 'sameWork')
  served('raw Bun.serve, same bytes and headers, request unread', 'raw')
  served('bare Elysia route, same bytes and headers', 'bareElysia')
  say()
  say(`throughput gateway warm/cold:          ${(gatewayWarm.rps / gatewayCold.rps).toFixed(2)}`)
  say(`throughput gateway warm/bypass:        ${(gatewayWarm.rps / managerBypass.rps).toFixed(2)}`)
  say(`throughput Elysia/raw bytes:           ${(elysia.rps / raw.rps).toFixed(2)}  (target >= 0.9)`)
  say(`throughput Elysia/raw same work:       ${(elysia.rps / sameWork.rps).toFixed(2)}`)
  say(
    `throughput bare Elysia/raw bytes:      ${(bareElysia.rps / raw.rps).toFixed(2)}  (the framework's floor)`,
  )
  say(`throughput gateway warm/Elysia:        ${(gatewayWarm.rps / elysia.rps).toFixed(2)}`)
  mkdirSync(join(root, 'bench/out'), { recursive: true })
  writeFileSync(join(root, 'bench/out/catalog.txt'), `${lines.join('\n')}\n`)
} finally {
  for (const child of children) child.kill()
  await platform.stop()
  await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {})
  await admin.end({ timeout: 5 })
  rmSync(work, { recursive: true, force: true })
}
