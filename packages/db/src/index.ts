export { type ConnectOptions, connect, type Db, type Queryable, type Tx } from './connect.ts'
export { type EmbeddedPostgres, type EmbeddedPostgresOptions, startEmbeddedPostgres } from './embedded.ts'
export { type MigrateResult, type Migration, migrate, readMigrations } from './migrate.ts'
