import { join } from 'node:path'
import type { Db } from '@myshop/db'
import type { Command } from 'commander'
import type { CommandContext } from '../command.ts'
import { CliError } from '../errors.ts'
import { Table } from '../output.tsx'

/** Every service's schema and migrations folder; a new service adds one entry. Loaded on demand. */
const loadServices = async () => [
  {
    service: 'user',
    schema: 'users',
    dir: (await import('@myshop/user-service')).migrationsDir,
    databaseVar: 'USER_DATABASE_URL',
  },
  {
    service: 'product',
    schema: 'catalog',
    dir: (await import('@myshop/product-service')).migrationsDir,
    databaseVar: 'PRODUCT_DATABASE_URL',
  },
]

type Row = { service: string; schema: string; applied: string; current: string }

/** `myshop db migrate`: applies every service's forward-only migrations (services also do it at boot). */
export const registerDb = (program: Command, { action }: CommandContext): void => {
  const db = program.command('db').description('database maintenance')
  action(
    db.command('migrate').description("apply every service's pending migrations"),
    async ({ out, deps }) => {
      const [{ connect, migrate, startEmbeddedPostgres }, { loadUserConfig }, { runningPid }, services] =
        await Promise.all([
          import('@myshop/db'),
          import('@myshop/user-service/config'),
          import('../platform.ts'),
          loadServices(),
        ])
      const config = loadUserConfig(deps.env)
      const rows: Row[] = []
      const embeddedNeeded = services.some((s) => !deps.env[s.databaseVar] && !config.DATABASE_URL)
      let embedded: { url: string; stop(): Promise<void> } | undefined
      let embeddedSql: Db | undefined
      if (embeddedNeeded) {
        const pid = runningPid(config.MYSHOP_DATA_DIR)
        if (pid) {
          throw new CliError(
            'busy',
            `MyShop is running on ${config.MYSHOP_DATA_DIR} (pid ${pid}) and applied its migrations at boot; stop it to migrate offline`,
          )
        }
        embedded = await startEmbeddedPostgres({ dataDir: join(config.MYSHOP_DATA_DIR, 'pg') })
        embeddedSql = connect(embedded.url, { max: 1 })
      }
      try {
        for (const s of services) {
          const url = deps.env[s.databaseVar] || config.DATABASE_URL
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
          />,
        )
      return undefined
    },
  )
}
