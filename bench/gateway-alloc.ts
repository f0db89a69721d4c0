// The gateway's own per-request cost in this process, without sockets, databases or Redis: the same request
// through a bare Hono route and through the gateway (JWT verified from its cache, limits in memory, the service
// replaced by a fixed answer in process), with the time per request and the garbage each leaves for the
// collector. Garbage is read from the engine itself: each side runs in a child with `BUN_JSC_logGC=1`, and the
// "bytes allocated this cycle" of every collection during the measured requests are summed. Time is taken from
// a second run of each side without the log.
//
// Usage: bun run bench:gateway-alloc   (env: BENCH_REQUESTS, default 300000)
import { Hono } from 'hono'
import { bearer, signingKeys, testGateway } from '../edge-gateway/test/helpers.ts'

const requests = Number(process.env.BENCH_REQUESTS ?? 300_000)
const side = process.argv[2]

if (side === 'bare' || side === 'gateway') {
  const keys = await signingKeys()
  const token = await keys.sign()
  const body = JSON.stringify({ id: 'usr_1', email: 'ada@example.com', roles: ['customer'] })
  const answer = () => new Response(body, { headers: { 'content-type': 'application/json' } })
  const never = '1000000000'
  const gateway = testGateway(
    { USER_SERVICE_URL: 'http://127.0.0.1:1', RATE_LIMIT_PER_IP: never, RATE_LIMIT_PER_USER: never },
    keys.jwksUrl,
    { local: { user: async () => answer() }, isSessionActive: async () => true },
  )
  const bare = new Hono().get('/api/v1/users/me', () => answer())
  const handle = side === 'bare' ? (r: Request) => bare.fetch(r) : (r: Request) => gateway.fetch(r)
  const url = 'http://gateway.test:8080/api/v1/users/me'
  const one = async () => {
    const res = await handle(new Request(url, { headers: bearer(token) }))
    if (res.status !== 200) throw new Error(`${side} answered ${res.status}`)
    await res.arrayBuffer()
  }
  for (let i = 0; i < 20_000; i++) await one()
  console.error('MEASURE START')
  const started = performance.now()
  for (let i = 0; i < requests; i++) await one()
  const micros = ((performance.now() - started) * 1000) / requests
  console.error('MEASURE END')
  console.log(JSON.stringify({ micros }))
  keys.stop()
  process.exit(0)
}

/** One side in a child: with `logGC` for the garbage, or without it (logging slows collections) for the time. */
const run = async (which: 'bare' | 'gateway', logGC: boolean) => {
  const env: Record<string, string | undefined> = { ...process.env, BUN_JSC_logGC: logGC ? '1' : undefined }
  const child = Bun.spawn([process.execPath, import.meta.path, which], {
    env,
    stdout: 'pipe',
    stderr: 'pipe',
  })
  const [out, err] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text()])
  if ((await child.exited) !== 0) throw new Error(`${which} failed:\n${err.slice(-2000)}`)
  // The engine logs to stdout or stderr depending on the build; read both.
  const log = `${out}\n${err}`
  const start = log.indexOf('MEASURE START')
  const end = log.indexOf('MEASURE END')
  let bytes = 0
  let collections = 0
  for (const m of log.slice(start, end).matchAll(/bytes allocated this cycle: (\d+)/g)) {
    bytes += Number(m[1])
    collections++
  }
  const { micros } = JSON.parse(out.split('\n').find((l) => l.startsWith('{"micros"'))!) as { micros: number }
  return { micros, bytes: bytes / requests, collections }
}

const measure = async (which: 'bare' | 'gateway') => {
  const { bytes, collections } = await run(which, true)
  const { micros } = await run(which, false)
  return { micros, bytes, collections }
}

const bare = await measure('bare')
const gateway = await measure('gateway')
console.log(`${requests} requests in process each (GET /api/v1/users/me, service replaced by a fixed answer)`)
console.log('| target | µs/request | bytes of garbage/request | collections |')
console.log('|---|---:|---:|---:|')
for (const [name, r] of [
  ['bare Hono route', bare],
  ['gateway', gateway],
] as const)
  console.log(`| ${name} | ${r.micros.toFixed(2)} | ${Math.round(r.bytes)} | ${r.collections} |`)
console.log(`time gateway/bare:    ${(gateway.micros / bare.micros).toFixed(2)}`)
console.log(`garbage gateway/bare: ${(gateway.bytes / bare.bytes).toFixed(2)}`)
