// MyShop for a benchmark, as `myshop start` boots it in distributed mode: in a child process of its own (so its CPU
// time can be read apart from the load generator's), on a fresh database of the PostgreSQL server, with rate limits
// set never to reject and a first administrator.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from '@myshop/db'
import { servicePorts } from '../cli/src/services.ts'

/**
 * In the child started by `spawnPlatform` (`<bench> --platform`): boots the platform, prints the gateway's URL as
 * one JSON line and never returns. Does nothing in the benchmark's own process.
 */
export const servePlatformIfChild = async () => {
  if (process.argv[2] !== '--platform') return
  const { startPlatform } = await import('../cli/src/platform.ts')
  const platform = await startPlatform(process.env)
  console.log(JSON.stringify({ gateway: platform.gatewayUrl }))
  await new Promise(() => {})
}

export type BenchPlatform = {
  gateway: string
  /** The benchmark's own database. */
  dbUrl: string
  pid: number
  admin: { email: string; password: string }
  /** Stops the platform and drops its database and data folder. */
  stop: () => Promise<void>
}

/** Starts `entry --platform` (a benchmark calling `servePlatformIfChild` first) and waits for the gateway. */
export const spawnPlatform = async (entry: string, label: string): Promise<BenchPlatform> => {
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
  const dbName = `myshop_bench_${Date.now().toString(36)}`
  const server = connect(serverUrl, { max: 1 })
  await server.unsafe(`create database ${dbName}`)
  const dbUrl = new URL(serverUrl)
  dbUrl.pathname = `/${dbName}`
  const dataDir = mkdtempSync(join(tmpdir(), `myshop-bench-${label}-`))
  const admin = { email: 'bench-admin@myshop.test', password: 'bench-Copper-Meadow-71' }
  const unlimited = '1000000000'
  const child = Bun.spawn([process.execPath, entry, '--platform'], {
    env: {
      ...process.env,
      ...servicePorts(),
      GATEWAY_PORT: '0',
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL: redisUrl,
      MYSHOP_DATA_DIR: dataDir,
      MYSHOP_ADMIN_EMAIL: admin.email,
      MYSHOP_ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_IP: unlimited,
      RATE_LIMIT_PER_USER: unlimited,
      RATE_LIMIT_AUTH_PER_IP: unlimited,
    },
    stdout: 'pipe',
    stderr: 'inherit',
  })
  const stop = async () => {
    child.kill('SIGTERM')
    await child.exited
    await server.unsafe(`drop database if exists ${dbName} with (force)`)
    await server.end()
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    const reader = child.stdout.getReader()
    let text = ''
    while (!text.includes('\n')) {
      const { value, done } = await reader.read()
      if (done) throw new Error('the platform exited before it was up')
      text += new TextDecoder().decode(value)
    }
    reader.releaseLock()
    const { gateway } = JSON.parse(text.slice(0, text.indexOf('\n'))) as { gateway: string }
    return { gateway, dbUrl: dbUrl.toString(), pid: child.pid, admin, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
