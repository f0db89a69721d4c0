import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Db } from '@myshop/db'
import { type Command, InvalidArgumentError } from 'commander'
import type { CommandContext } from '../command.ts'
import { CliError, exitCodes } from '../errors.ts'
import { Table } from '../output.tsx'
import { loadServices } from '../services.ts'

/** Every service's schema, migrations folder and own database variable, in boot order. */
const loadMigrations = async () =>
  (await loadServices()).map((service) => ({
    service: service.name,
    schema: service.database.schema,
    dir: service.database.migrationsDir,
    databaseVar: `${service.name.toUpperCase()}_DATABASE_URL`,
  }))

type Row = { service: string; schema: string; applied: string; current: string }

type MigrateOptions = { databaseUrl?: string; dataDir?: string; create?: boolean }

const postgresUrl = (value: string): string => {
  try {
    if (/^postgres(ql)?:$/.test(new URL(value).protocol)) return value
  } catch {}
  throw new InvalidArgumentError('expected a PostgreSQL URL such as postgres://user@host:5432/myshop')
}

/** A database URL fit to print: its password left out. */
const withoutPassword = (url: string): string => {
  try {
    const parsed = new URL(url)
    parsed.password = ''
    return parsed.toString()
  } catch {
    return '(a database URL)'
  }
}

/** `myshop db migrate`: applies every service's forward-only migrations (services also do it at boot). */
export const registerDb = (program: Command, { action }: CommandContext): void => {
  const db = program.command('db').description('database maintenance')
  action<MigrateOptions>(
    db
      .command('migrate')
      .description(
        "apply every service's pending migrations to the shop's database: DATABASE_URL (or one per service) when " +
          'set, else the embedded one in MYSHOP_DATA_DIR',
      )
      .option(
        '--database-url <url>',
        'migrate the PostgreSQL database at this URL (every service)',
        postgresUrl,
      )
      .option(
        '--data-dir <dir>',
        'migrate the embedded database of the shop in this folder (MYSHOP_DATA_DIR)',
      )
      .option('--create', 'create the embedded database when the folder holds none yet'),
    async ({ opts, out, deps }) => {
      const [{ connect, migrate, startEmbeddedPostgres }, { runningPid }] = await Promise.all([
        import('@myshop/db'),
        import('../platform.ts'),
      ])
      const [services, config] = await Promise.all([
        loadMigrations(),
        loadServices().then(([first]) => first!.loadConfig(deps.env)),
      ])
      const rows: Row[] = []
      const urlOf = (s: (typeof services)[number]) =>
        opts.databaseUrl || deps.env[s.databaseVar] || config.DATABASE_URL || undefined
      let embedded: { url: string; stop(): Promise<void> } | undefined
      let embeddedSql: Db | undefined
      if (services.some((s) => !urlOf(s))) {
        const dataDir = resolve(opts.dataDir ?? config.MYSHOP_DATA_DIR)
        const pid = runningPid(dataDir)
        if (pid) {
          // PGlite is one process's database: opening it here beside the running shop would corrupt it.
          throw new CliError(
            'busy',
            `MyShop is running on ${dataDir} (pid ${pid}) and applied its migrations at boot; stop it to migrate offline`,
          )
        }
        // Without this, a run from another folder would quietly create and migrate a new, empty shop.
        if (!opts.create && !existsSync(join(dataDir, 'pg'))) {
          const unset =
            opts.dataDir === undefined && !deps.env.MYSHOP_DATA_DIR ? ' (MYSHOP_DATA_DIR is not set)' : ''
          throw new CliError(
            'no_database',
            `no MyShop database in ${dataDir}${unset}. Name the shop to migrate: MYSHOP_DATA_DIR or --data-dir for ` +
              'an embedded one, DATABASE_URL or --database-url for PostgreSQL; or add --create to start a new one there',
            exitCodes.usage,
          )
        }
        out.note(`migrating the embedded database in ${dataDir}`)
        embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg') })
        embeddedSql = connect(embedded.url, { max: 1 })
      }
      for (const url of new Set(services.map(urlOf))) if (url) out.note(`migrating ${withoutPassword(url)}`)
      try {
        for (const s of services) {
          const url = urlOf(s)
          const sql = url ? connect(url, { max: 1 }) : embeddedSql!
          try {
            const result = await out.during(`Migrating ${s.service}`, () => migrate(sql, s.schema, s.dir))
            rows.push({
              service: s.service,
              schema: s.schema,
              applied: result.applied.join(', ') || 'none (up to date)',
              current: String(result.current).padStart(4, '0'),
            })
          } finally {
            if (url) await sql.end({ timeout: 5 })
          }
        }
      } finally {
        await embeddedSql?.end({ timeout: 5 })
        await embedded?.stop()
      }
      if (out.json) out.printJson(rows)
      else
        out.print(
          <Table
            columns={[
              { header: 'SERVICE', value: (r: Row) => r.service },
              { header: 'SCHEMA', value: (r: Row) => r.schema },
              { header: 'VERSION', value: (r: Row) => r.current },
              { header: 'APPLIED NOW', value: (r: Row) => r.applied },
            ]}
            rows={rows}
            color={out.color}
            width={out.width}
          />,
        )
      return undefined
    },
    { remote: false },
  )
}
