export { type ConnectOptions, connect, type Db, type Fragment, type Queryable, type Tx } from './connect.ts'
export { type EmbeddedPostgres, type EmbeddedPostgresOptions, startEmbeddedPostgres } from './embedded.ts'
export { type MigrateResult, type Migration, migrate, readMigrations } from './migrate.ts'
export { openServiceDatabase, type ServiceDatabase, type ServiceDatabaseOptions } from './service-database.ts'
