export { connect, type Db, type Queryable, type Tx, type ConnectOptions } from './connect.ts'
export { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded.ts'
export { migrate, readMigrations, type Migration, type MigrateResult } from './migrate.ts'
