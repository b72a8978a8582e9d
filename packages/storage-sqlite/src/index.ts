export {
  type MigrationContext,
  SCHEMA_VERSION,
  type SchemaMigration,
  schemaMigrations,
} from "./schema-migrations";
export type { SqliteBackupResult } from "./sqlite-backup";
export * from "./sqlite-errors";
export {
  type ResolvedSqliteOptions,
  type SqliteStorageOptions,
  type SqliteSynchronous,
  sqliteStorageOptionsSchema,
} from "./sqlite-options";
export * from "./sqlite-storage";
