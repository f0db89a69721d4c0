import { afterEach, describe, expect, test } from 'bun:test'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '@myshop/config'
import { defineEvent, eventTablesSql, memoryBus, outbox } from '@myshop/events'
import { createHttpApp } from '@myshop/http'
import { silentLogger } from '@myshop/logger'
import { testDatabase } from '@myshop/testing'
import { z } from 'zod'
import {
  broadcast,
  consumer,
  defineService,
  type RunningService,
  serviceEndpoint,
  serviceVars,
  withRedisPrefix,
} from '../src/index.ts'

const widgetMade = defineEvent({
  type: 'widget.made',
  version: 1,
  schema: z.object({ widgetId: z.string() }),
})

/** A schema of its own and a migrations folder that creates its outbox, for one service under test. */
const ownSchema = () => {
  const schema = `kit_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`
  const dir = mkdtempSync(join(tmpdir(), 'myshop-kit-migrations-'))
  writeFileSync(
    join(dir, '0001_init.sql'),
    `create table ${schema}.widgets (id text primary key);\n${eventTablesSql(schema)}`,
  )
  return { schema, migrationsDir: dir }
}

const loadWidgetConfig = (env: Record<string, string | undefined>) =>
  withRedisPrefix(
    'widget',
    loadConfig({ ...serviceVars('widget', 8099), WIDGET_GREETING: z.string().default('hi') }, env),
  )

const env = { WIDGET_PORT: '0', LOG_LEVEL: 'silent' } as const

const running: RunningService[] = []
afterEach(async () => {
  for (const service of running.splice(0)) await service.stop().catch(() => {})
})

describe('serviceVars', () => {
  test('gives a service its own host, port and database variables and the shared ones, with their defaults', () => {
    const config = loadWidgetConfig({ DATABASE_URL: 'postgres://db.internal:5432/shop' })
    expect(config).toMatchObject({
      WIDGET_PORT: 8099,
      WIDGET_HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://db.internal:5432/shop',
      REDIS_COMMAND_TIMEOUT_MS: 500,
      REDIS_PREFIX: 'myshop:shop',
      MYSHOP_DATA_DIR: './.myshop',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'auto',
      WIDGET_GREETING: 'hi',
    })
    expect(serviceEndpoint('widget', config)).toEqual({
      hostname: '127.0.0.1',
      port: 8099,
      databaseUrl: 'postgres://db.internal:5432/shop',
    })
  })

  test('a database of its own is used by the service, while the namespace follows the shared one', () => {
    const config = loadWidgetConfig({
      DATABASE_URL: 'postgres://db.internal/shop',
      WIDGET_DATABASE_URL: 'postgres://other.internal/widgets',
    })
    expect(serviceEndpoint('widget', config).databaseUrl).toBe('postgres://other.internal/widgets')
    expect(config.REDIS_PREFIX).toBe('myshop:shop')
  })

  test('reports every bad variable at once, by name', () => {
    expect(() => loadWidgetConfig({ WIDGET_PORT: 'eighty', REDIS_URL: 'not a url' })).toThrow(
      /WIDGET_PORT[\s\S]*REDIS_URL|REDIS_URL[\s\S]*WIDGET_PORT/,
    )
  })
})

describe('defineService', () => {
  test('boots a declared service: migrations, deps, preparation, consumers, relay and routes, then stops in reverse', async () => {
    const { sql } = await testDatabase()
    const { schema, migrationsDir } = ownSchema()
    const bus = memoryBus()
    const steps: string[] = []
    const seen: string[] = []
    const widget = defineService({
      name: 'widget',
      loadConfig: loadWidgetConfig,
      database: { schema, migrationsDir },
      deps: (context) => {
        steps.push('deps')
        context.onStop(() => steps.push('deps cleanup'))
        return { sql: context.sql, logger: silentLogger(), eventsWritten: context.eventsWritten }
      },
      prepare: async (deps) => {
        steps.push('prepare')
        await deps.sql`insert into ${deps.sql(`${schema}.widgets`)} (id) values ('w0')`
      },
      consumers: () => [
        consumer('widget-counter', [widgetMade], (event) => void seen.push(`group ${event.data.widgetId}`)),
        broadcast([widgetMade], (event) => void seen.push(`broadcast ${event.data.widgetId}`)),
      ],
      app: (deps, context) => {
        steps.push('app')
        context.onStop(() => steps.push('app cleanup'))
        return createHttpApp({ service: 'widget', logger: deps.logger, degradable: context.degradable }).post(
          '/widgets',
          async () => {
            await deps.sql.begin(async (tx) => {
              await tx`insert into ${tx(`${schema}.widgets`)} (id) values ('w1')`
              await outbox.add(tx, schema, widgetMade.create({ widgetId: 'w1' }, { source: 'widget' }))
            })
            deps.eventsWritten()
            return { id: 'w1' }
          },
        )
      },
    })
    const service = await widget.start(widget.loadConfig(env), { sql, bus })
    running.push(service)

    expect(steps).toEqual(['deps', 'prepare', 'app'])
    expect(service.name).toBe('widget')
    expect(service.port).toBeGreaterThan(0)
    expect(service.url).toBe(`http://127.0.0.1:${service.port}`)
    const migrated = await sql`select version from ${sql(`${schema}.schema_migrations`)}`
    expect(migrated.map((row) => row.version)).toEqual([1])

    expect((await fetch(`${service.url}/health`)).status).toBe(200)
    const ready = await fetch(`${service.url}/ready`)
    expect(ready.status).toBe(200)
    // The same handler in process, as the gateway calls it under `myshop start`.
    expect((await service.handle(new Request('http://widget/health'))).status).toBe(200)

    const made = await fetch(`${service.url}/widgets`, { method: 'POST' })
    expect(made.status).toBe(200)
    // The write's event leaves through the relay and reaches both kinds of consumer.
    for (let i = 0; i < 100 && seen.length < 2; i++) await Bun.sleep(20)
    expect(seen.sort()).toEqual(['broadcast w1', 'group w1'])

    await service.stop()
    expect(steps).toEqual(['deps', 'prepare', 'app', 'app cleanup', 'deps cleanup'])
    expect(
      await fetch(`${service.url}/health`).then(
        () => 'answered',
        () => 'refused',
      ),
    ).toBe('refused')
  })

  test('answers 503 on its port until the app is in place', async () => {
    const { sql } = await testDatabase()
    let early: Response | undefined
    const widget = defineService({
      name: 'widget',
      loadConfig: loadWidgetConfig,
      database: ownSchema(),
      deps: async (context) => {
        early = await fetch(`${context.url}/health`)
        return { logger: silentLogger() }
      },
      app: (deps) => createHttpApp({ service: 'widget', logger: deps.logger }),
    })
    const service = await widget.start(widget.loadConfig(env), { sql, bus: memoryBus() })
    running.push(service)
    expect(early?.status).toBe(503)
    expect(early?.headers.get('retry-after')).toBe('1')
    expect((await fetch(`${service.url}/health`)).status).toBe(200)
  })

  test('a boot that fails closes what it opened: the port is free again and cleanups ran', async () => {
    const { sql } = await testDatabase()
    let url = ''
    const cleaned: string[] = []
    const widget = defineService({
      name: 'widget',
      loadConfig: loadWidgetConfig,
      database: ownSchema(),
      deps: (context) => {
        url = context.url
        context.onStop(() => cleaned.push('deps'))
        return {}
      },
      prepare: async () => {
        throw new Error('the search index could not be created')
      },
      app: () => ({ fetch: () => new Response('never') }),
    })
    await expect(widget.start(widget.loadConfig(env), { sql, bus: memoryBus() })).rejects.toThrow(
      'the search index could not be created',
    )
    expect(cleaned).toEqual(['deps'])
    expect(
      await fetch(`${url}/health`).then(
        () => 'answered',
        () => 'refused',
      ),
    ).toBe('refused')
  })

  test('a migrations folder that does not apply fails the boot before the port is bound', async () => {
    const { sql } = await testDatabase()
    const dir = mkdtempSync(join(tmpdir(), 'myshop-kit-migrations-'))
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, '0001_init.sql'), 'create tabel nothing ();')
    let built = false
    const widget = defineService({
      name: 'widget',
      loadConfig: loadWidgetConfig,
      database: { schema: ownSchema().schema, migrationsDir: dir },
      deps: () => {
        built = true
        return {}
      },
      app: () => ({ fetch: () => new Response('never') }),
    })
    await expect(widget.start(widget.loadConfig(env), { sql, bus: memoryBus() })).rejects.toThrow()
    expect(built).toBe(false)
  })

  test.skipIf(!process.env.REDIS_URL)(
    'with REDIS_URL it opens its own Redis, reports it among what it can do without, and closes it at stop',
    async () => {
      const { sql } = await testDatabase()
      const widget = defineService({
        name: 'widget',
        loadConfig: loadWidgetConfig,
        database: ownSchema(),
        deps: (context) => ({ logger: silentLogger(), redis: context.redis }),
        app: (deps, context) =>
          createHttpApp({ service: 'widget', logger: deps.logger, degradable: context.degradable }),
      })
      const service = await widget.start(widget.loadConfig({ ...env, REDIS_URL: process.env.REDIS_URL }), {
        sql,
      })
      running.push(service)
      const ready = await fetch(`${service.url}/ready`)
      expect(ready.status).toBe(200)
      expect(await ready.json()).toMatchObject({ status: 'ready', checks: { redis: 'ok' }, degraded: [] })
      const redis = service.deps.redis!
      expect(await redis.ping()).toBe('PONG')
      await service.stop()
      // QUIT is answered before the socket closes.
      for (let i = 0; i < 50 && redis.status !== 'end'; i++) await Bun.sleep(20)
      expect(redis.status).toBe('end')
    },
  )
})
