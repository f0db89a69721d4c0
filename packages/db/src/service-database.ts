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
    const embedded = await startEmbeddedPostgres({ dataDir: `${o.dataDir}/pg` })
    const own = connect(embedded.url, { max: 1, applicationName: o.applicationName })
    sql = own
    close = async () => {
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
