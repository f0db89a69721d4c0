import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { serviceNames } from '@myshop/edge-gateway/config'
import { freshPgliteDir, type OwnTestDatabase, openTestDatabase } from '@myshop/testing'
import type { RunningPlatform } from '../src/platform.ts'
import { type AnyService, loadServices, serviceNamesInBootOrder } from '../src/services.ts'
import { startTestPlatform } from './test-platform.ts'

const root = join(import.meta.dir, '../..')
const guide = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8')

/** The guide's code blocks that name the file they are, as ```ts services/inventory/src/index.ts. */
const guideFiles = (): { path: string; text: string }[] =>
  [...guide.matchAll(/^```[a-z]+ (\S+)\n([\s\S]*?)^```$/gm)].map((m) => ({ path: m[1]!, text: m[2]! }))

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1)

/**
 * A new, empty service made the way CONTRIBUTING.md says, in a folder of its own laid out like the repository
 * (its packages resolved from the repository's node_modules), under a name the gateway routes to that no
 * registered service has taken yet. Once every name is taken, it takes the last service's place (the one booted
 * last, which no other calls), and boots instead of it.
 */
const scaffold = async () => {
  const taken = new Set((await loadServices()).map((service) => service.name))
  // The guide's own name while it is free; `order` is left out, being a reserved word in SQL (its schema needs another).
  const name =
    ['inventory', ...serviceNames].find((candidate) => candidate !== 'order' && !taken.has(candidate)) ??
    serviceNamesInBootOrder.at(-1)!
  const folder = mkdtempSync(join(tmpdir(), 'myshop-new-service-'))
  symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'), 'dir')
  const rename = (text: string) =>
    name
      ? text
          .replaceAll('inventory', name)
          .replaceAll('Inventory', capital(name))
          .replaceAll('INVENTORY', name.toUpperCase())
      : text
  for (const file of guideFiles()) {
    const path = join(folder, rename(file.path))
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, rename(file.text))
  }
  return { name, folder, entry: join(folder, `services/${name}/src/index.ts`) }
}

test('the registry lists its services in the boot order tests and benchmarks give ports to', async () => {
  expect((await loadServices()).map((service) => service.name)).toEqual([...serviceNamesInBootOrder])
})

describe('a new service made by following CONTRIBUTING.md', async () => {
  const made = await scaffold()
  const { name, entry } = made
  let platform: RunningPlatform
  // On a server, a database of its own: the suite's shared one may hold the schema of the service whose name it took.
  const own: OwnTestDatabase | null = process.env.DATABASE_URL ? await openTestDatabase() : null

  beforeAll(async () => {
    const module = (await import(entry)) as Record<string, AnyService>
    const service = module[`${name}Service`]!
    platform = await startTestPlatform(
      undefined,
      {
        [`${name.toUpperCase()}_PORT`]: '0',
        ...(own && { [`${name.toUpperCase()}_DATABASE_URL`]: own.url }),
      },
      [...(await loadServices()).filter((registered) => registered.name !== name), service],
    )
  }, 60_000)
  afterAll(async () => {
    await platform?.stop()
    await own?.close()
    rmSync(made.folder, { recursive: true, force: true })
  })

  test('the guide names every file of it', () => {
    expect(guideFiles().map((file) => file.path)).toEqual([
      'services/inventory/package.json',
      'services/inventory/src/config.ts',
      'services/inventory/src/deps.ts',
      'services/inventory/src/app.ts',
      'services/inventory/src/index.ts',
      'db/migrations/inventory/0001_init.sql',
    ])
  })

  test('boots under myshop start, answers /health, and the gateway’s /ready reports it', async () => {
    const url = platform.services[name]!
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const health = await fetch(`${url}/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok', service: name })

    const ready = await fetch(`${platform.gatewayUrl}/ready`)
    expect(ready.status).toBe(200)
    const body = (await ready.json()) as { services: Record<string, { status: string }> }
    expect(body.services[name]).toMatchObject({ status: 'ok', httpStatus: 200 })
    expect(body.services.user).toMatchObject({ status: 'ok' })
    expect(body.services.product).toMatchObject({ status: 'ok' })
  })

  // The embedded database takes one connection, the platform's; on a server the test can look for itself.
  test.skipIf(!process.env.DATABASE_URL)(
    'its migration made its schema with the outbox the relay reads',
    async () => {
      const { sql } = own!
      const [applied] = await sql`select count(*)::int as n from ${sql(`${name}.schema_migrations`)}`
      expect(applied!.n).toBe(1)
      const [outbox] = await sql`select count(*)::int as n from ${sql(`${name}.outbox`)}`
      expect(outbox!.n).toBe(0)
    },
  )

  test('runs as a process of its own from its entry file, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'myshop-new-service-data-'))
    // Embedded, it opens its own database there: a copy of an initialised one saves the first boot's initdb.
    if (!process.env.DATABASE_URL) await freshPgliteDir(join(dataDir, 'pg'))
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      [`${name.toUpperCase()}_PORT`]: '0',
      MYSHOP_DATA_DIR: dataDir,
      LOG_FORMAT: 'json',
      ...(own && { DATABASE_URL: own.url }),
      ...(process.env.REDIS_URL && { REDIS_URL: process.env.REDIS_URL }),
    }
    const child = Bun.spawn([process.execPath, entry], { env, stdout: 'pipe', stderr: 'pipe' })
    try {
      let url: string | undefined
      const decoder = new TextDecoder()
      let text = ''
      for await (const chunk of child.stdout as unknown as AsyncIterable<Uint8Array>) {
        text += decoder.decode(chunk)
        url = /"url":"(http:[^"]+)"/.exec(text)?.[1]
        if (url && text.includes(`${name} service listening`)) break
      }
      expect(url).toBeDefined()
      expect((await fetch(`${url}/health`)).status).toBe(200)
      child.kill('SIGTERM')
      expect(await child.exited).toBe(0)
    } finally {
      child.kill('SIGKILL')
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 60_000)
})
