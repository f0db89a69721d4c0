// Gateway cost: the same client hits an upstream directly and through the edge gateway (JWT verify,
// session lookup and rate limits on Redis), in one run; only 2xx responses count.
// Usage: bun run bench:gateway   (env: REDIS_URL, BENCH_SECONDS, BENCH_CONNECTIONS, GATEWAY_WORKERS)
import { join } from 'node:path'
import { createVerifier } from '@myshop/auth'
import Redis from 'ioredis'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'

const root = join(import.meta.dir, '..')

// The upstream role: answers GET /api/v1/users/me after verifying the token like a service would.
if (process.argv[2] === '--upstream') {
  const jwks = JSON.parse(process.env.BENCH_JWKS!)
  const verifier = createVerifier({
    issuer: 'myshop',
    audience: 'myshop-api',
    jwks: () => jwks,
    cacheSize: 10_000,
  })
  const server = Bun.serve({
    port: Number(process.env.BENCH_PORT),
    hostname: '127.0.0.1',
    async fetch(req) {
      const path = new URL(req.url).pathname
      if (path === '/.well-known/jwks.json') return Response.json(jwks)
      if (path === '/health') return Response.json({ status: 'ok' })
      const token = req.headers.get('authorization')?.slice(7) ?? ''
      const v = await verifier.verify(token)
      if (!v.ok) return Response.json({ code: 'invalid_token' }, { status: 401 })
      return Response.json({
        id: v.principal.userId,
        email: 'bench@example.test',
        name: 'Bench',
        roles: v.principal.roles,
      })
    },
  })
  console.log(`upstream on ${server.port}`)
  await new Promise(() => {})
}

const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)
const workers = Number(process.env.GATEWAY_WORKERS ?? 2)
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

const freePort = () => {
  const s = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response() })
  const p = s.port!
  s.stop(true)
  return p
}

const waitFor = async (url: string) => {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).status < 500) return
    } catch {}
    await Bun.sleep(50)
  }
  throw new Error(`${url} never came up`)
}

interface Run {
  rps: number
  ok: number
  non2xx: number
  p50: number
  p99: number
}

const cannon = async (url: string, token: string, extra: string[] = [], duration = seconds): Promise<Run> => {
  const proc = Bun.spawn(
    [
      'node',
      join(root, 'node_modules/autocannon/autocannon.js'),
      '--json',
      '-c',
      String(connections),
      '-d',
      String(duration),
      '-H',
      `authorization=Bearer ${token}`,
      ...extra,
      url,
    ],
    { stdout: 'pipe', stderr: 'ignore' },
  )
  const out = JSON.parse(await new Response(proc.stdout).text())
  const ok = out['2xx'] as number
  return { rps: ok / duration, ok, non2xx: out.non2xx, p50: out.latency.p50, p99: out.latency.p99 }
}

const { privateKey, publicKey } = await generateKeyPair('ES256')
const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'bench-1', alg: 'ES256', use: 'sig' }] }
const token = await new SignJWT({ sid: 'ses_bench', roles: ['customer'] })
  .setProtectedHeader({ alg: 'ES256', kid: 'bench-1' })
  .setIssuer('myshop')
  .setAudience('myshop-api')
  .setSubject('usr_bench')
  .setIssuedAt()
  .setExpirationTime('1h')
  .sign(privateKey)

// The gateway asks Redis whether the session is active, as in production.
const redis = new Redis(redisUrl)
await redis.set('myshop:session:ses_bench', 'usr_bench', 'EX', 3600)
await redis.del('myshop:rl:ip:default:127.0.0.1', 'myshop:rl:user:usr_bench')
redis.disconnect()

const upPort = freePort()
const gwPort = freePort()
const env = { ...process.env, LOG_LEVEL: 'warn' }
const upstream = Bun.spawn([process.execPath, import.meta.path, '--upstream'], {
  env: { ...env, BENCH_PORT: String(upPort), BENCH_JWKS: JSON.stringify(jwks) },
  stdout: 'ignore',
  stderr: 'inherit',
})
const gateway = Bun.spawn([process.execPath, join(root, 'edge-gateway/src/entry/bun.ts')], {
  env: {
    ...env,
    GATEWAY_PORT: String(gwPort),
    GATEWAY_WORKERS: String(workers),
    USER_SERVICE_URL: `http://127.0.0.1:${upPort}`,
    REDIS_URL: redisUrl,
    RATE_LIMIT_PER_IP: '1000000000',
    RATE_LIMIT_PER_USER: '1000000000',
  },
  stdout: 'ignore',
  stderr: 'inherit',
})

try {
  const direct = `http://127.0.0.1:${upPort}/api/v1/users/me`
  const edge = `http://127.0.0.1:${gwPort}/api/v1/users/me`
  await waitFor(`http://127.0.0.1:${upPort}/health`)
  await waitFor(`http://127.0.0.1:${gwPort}/health`)
  await cannon(direct, token, [], 2)
  await cannon(edge, token, [], 2)

  const maxDirect = await cannon(direct, token)
  const maxEdge = await cannon(edge, token)
  // Latency is compared at half the direct maximum, where neither side is saturated.
  const rate = ['--overallRate', String(Math.round(maxDirect.rps / 2))]
  const halfDirect = await cannon(direct, token, rate)
  const halfEdge = await cannon(edge, token, rate)

  const row = (name: string, r: Run) =>
    `${name.padEnd(28)} ${r.rps.toFixed(0).padStart(8)} req/s 2xx  p50 ${String(r.p50).padStart(3)} ms  p99 ${String(r.p99).padStart(3)} ms  non-2xx ${r.non2xx}`
  console.log(`connections ${connections}, ${seconds} s per run, gateway processes ${workers} (reusePort)`)
  console.log(row('direct (max)', maxDirect))
  console.log(row('through gateway (max)', maxEdge))
  console.log(`throughput ratio gateway/direct: ${(maxEdge.rps / maxDirect.rps).toFixed(2)}`)
  console.log(row(`direct @ ${rate[1]} req/s`, halfDirect))
  console.log(row(`through gateway @ ${rate[1]} req/s`, halfEdge))
  console.log(`added p99 at half load: ${halfEdge.p99 - halfDirect.p99} ms`)
} finally {
  gateway.kill()
  upstream.kill()
  await Promise.all([gateway.exited, upstream.exited])
}
