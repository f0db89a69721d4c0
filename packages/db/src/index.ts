export {
  type EmbeddedAutovacuum,
  type EmbeddedAutovacuumOptions,
  embeddedAutovacuum,
  tablesDueForVacuum,
} from './autovacuum.ts'
export { type ConnectOptions, connect, type Db, type Fragment, type Queryable, type Tx } from './connect.ts'
export { type EmbeddedPostgres, type EmbeddedPostgresOptions, startEmbeddedPostgres } from './embedded.ts'
export { type MigrateResult, type Migration, migrate, readMigrations } from './migrate.ts'
export { ping } from './ping.ts'
export { assertSchemaName } from './schema-name.ts'
export {
  type EmbeddedDatabase,
  type MaintenanceLogger,
  openEmbeddedDatabase,
  openServiceDatabase,
  type ServiceDatabase,
  type ServiceDatabaseOptions,
} from './service-database.ts'
export { isUniqueViolation } from './unique-violation.ts'
