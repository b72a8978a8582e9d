export * from "./postgres-errors";
export { type PostgresStorageOptions, postgresStorageOptionsSchema } from "./postgres-options";
export * from "./postgres-storage";
export {
  type MigrationContext,
  SCHEMA_VERSION,
  type SchemaMigration,
  schemaMigrations,
} from "./schema-migrations";
export {
  type CitusDistributionOptions,
  citusDistributionSql,
  DISTRIBUTION_COLUMN,
} from "./citus-distribution";
