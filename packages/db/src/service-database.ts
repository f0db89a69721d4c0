import { embeddedAutovacuum } from './autovacuum.ts'
import { connect, type Db } from './connect.ts'
import { type EmbeddedPostgresOptions, startEmbeddedPostgres } from './embedded.ts'
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

export interface EmbeddedDatabase {
  /** The one connection the embedded server takes; share it, do not open another. */
  sql: Db
  url: string
  /** Stops the autovacuum, then the connection, then the server. */
  close(timeoutSeconds?: number): Promise<void>
}

/**
 * Embedded PostgreSQL (PGlite) with its one connection and the autovacuum PGlite lacks, which reports to
 * `logger`. Whatever boots an embedded database boots it through here.
 */
export const openEmbeddedDatabase = async (
  options: EmbeddedPostgresOptions & { applicationName: string; logger?: MaintenanceLogger | undefined },
): Promise<EmbeddedDatabase> => {
  const { applicationName, logger, ...server } = options
  const pg = await startEmbeddedPostgres(server)
  const sql = connect(pg.url, { max: 1, applicationName })
  const vacuum = embeddedAutovacuum(sql, {
    onVacuumed: (tables) => logger?.debug({ tables }, 'embedded database vacuumed'),
    onError: (err) => logger?.warn({ err }, 'embedded database vacuum failed'),
  })
  return {
    sql,
    url: pg.url,
    async close(timeoutSeconds = 5) {
      await vacuum.stop()
      await sql.end({ timeout: timeoutSeconds })
      await pg.stop()
    },
  }
}

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
    const embedded = await openEmbeddedDatabase({
      dataDir: `${o.dataDir}/pg`,
      applicationName: o.applicationName,
      logger: o.logger,
    })
    sql = embedded.sql
    close = () => embedded.close()
  }
  try {
    const { applied } = await migrate(sql, o.schema, o.migrationsDir)
    return { sql, applied, close }
  } catch (error) {
    await close()
    throw error
  }
}
