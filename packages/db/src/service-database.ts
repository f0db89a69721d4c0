import { embeddedAutovacuum } from './autovacuum.ts'
import { connect, type Db } from './connect.ts'
import { startEmbeddedPostgres } from './embedded.ts'
import { migrate } from './migrate.ts'

export interface ServiceDatabaseOptions {
  /** A pool the embedding process shares (embedded mode runs every service on one connection). */
  shared?: Db | undefined
  /** The service's PostgreSQL URL; without one (and without `shared`) an embedded PGlite is started. */
  url?: string | undefined
  /** Where the embedded database keeps its files. */
  dataDir: string
  /** The service's schema and migrations, applied before the pool is handed out. */
  schema: string
  migrationsDir: string
  applicationName: string
  /** Told what the embedded database's autovacuum did, or that a round failed. */
  logger?: MaintenanceLogger | undefined
}

/** The part of a logger the embedded database's upkeep reports to. */
export interface MaintenanceLogger {
  debug(obj: object, msg: string): void
  warn(obj: object, msg: string): void
}

/** Embedded PostgreSQL's autovacuum, reporting to `logger`. */
export const startEmbeddedAutovacuum = (sql: Db, logger?: MaintenanceLogger) =>
  embeddedAutovacuum(sql, {
    onVacuumed: (tables) => logger?.debug({ tables }, 'embedded database vacuumed'),
    onError: (err) => logger?.warn({ err }, 'embedded database vacuum failed'),
  })

export interface ServiceDatabase {
  sql: Db
  /** Migrations applied by this boot, e.g. `['0001_init']`. */
  applied: string[]
  /** Closes what this call opened; a shared pool is left to its owner. */
  close(): Promise<void>
}

/** The database a service boots with: shared, at its URL, or embedded; migrated to the latest version. */
export const openServiceDatabase = async (o: ServiceDatabaseOptions): Promise<ServiceDatabase> => {
  let sql = o.shared
  let close = async () => {}
  if (!sql && o.url) {
    const own = connect(o.url, { applicationName: o.applicationName })
    sql = own
    close = async () => own.end({ timeout: 5 })
  } else if (!sql) {
    const embedded = await startEmbeddedPostgres({ dataDir: `${o.dataDir}/pg` })
    const own = connect(embedded.url, { max: 1, applicationName: o.applicationName })
    sql = own
    const vacuum = startEmbeddedAutovacuum(own, o.logger)
    close = async () => {
      await vacuum.stop()
      await own.end({ timeout: 5 })
      await embedded.stop()
    }
  }
  try {
    const { applied } = await migrate(sql, o.schema, o.migrationsDir)
    return { sql, applied, close }
  } catch (error) {
    await close()
    throw error
  }
}
