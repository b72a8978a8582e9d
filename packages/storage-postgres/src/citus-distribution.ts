import type { ModelDef } from "@linli/core";
import { resolvePostgresOptions } from "./postgres-options";
import { quoteIdentifier } from "./sql-identifier";

/** The distribution column of every linli table. */
export const DISTRIBUTION_COLUMN = "community_id";

/** Options of {@link citusDistributionSql}. */
export interface CitusDistributionOptions {
  /** The schema holding linli's tables (as given to `postgresStorage`). @default "linli" */
  readonly schema?: string;
  /**
   * The table every other one is colocated with (a model name). Colocated tables keep the
   * rows of one community on the same shard group, so a command's transaction (which only
   * touches its own community) runs on one worker.
   * @default the first model given (the kernel's `core_resident` when the models are a community's)
   */
  readonly colocateWith?: string;
  /** Shards per table (Citus' `shard_count`); omitted to keep the cluster's `citus.shard_count`. */
  readonly shardCount?: number;
}

/**
 * The statements that distribute linli's tables by community on a Citus cluster: one
 * `SELECT create_distributed_table('<schema>.<table>', 'community_id', colocate_with => …)`
 * per model, in the order given, every table colocated with the first one (which is created
 * with `colocate_with => 'none'`, starting its own colocation group). Run them once on the
 * coordinator after `setup` (an empty schema distributes instantly; Citus copies existing
 * rows to the shards). Valid because every table's primary key, unique index and index leads
 * with `community_id` (the adapter creates them so; the Citus readiness test checks the
 * catalog), and linli declares no foreign keys. The adapter's own `linli_meta` table is not
 * distributed: it stays a local table of the coordinator, read and written only by `setup`.
 *
 * @example
 * ```ts
 * import { kernelModels } from "@linli/core/adapter";
 * const statements = citusDistributionSql([...kernelModels, ...bookingPlugin().models], { schema: "city" });
 * for (const sql of statements) await coordinator.query(sql);
 * ```
 */
export function citusDistributionSql(
  models: readonly Pick<ModelDef, "name">[],
  options: CitusDistributionOptions = {},
): string[] {
  const schema = resolvePostgresOptions({
    connectionString: "postgres://distribution",
    schema: options.schema,
  }).schema;
  if (options.shardCount !== undefined && (!Number.isInteger(options.shardCount) || options.shardCount < 1))
    throw new RangeError(`shardCount must be a positive integer, got ${options.shardCount}`);
  const names = [...new Set(models.map((m) => m.name))];
  const anchor = options.colocateWith ?? names[0];
  if (anchor === undefined) return [];
  if (!names.includes(anchor)) throw new RangeError(`colocateWith: no model named ${anchor}`);
  const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const table = (name: string) => literal(`${quoteIdentifier(schema)}.${quoteIdentifier(name)}`);
  const shards = options.shardCount === undefined ? "" : `, shard_count => ${options.shardCount}`;
  const ordered = [anchor, ...names.filter((n) => n !== anchor)];
  return ordered.map((name) => {
    const colocate = name === anchor ? literal("none") : table(anchor);
    return `SELECT create_distributed_table(${table(name)}, ${literal(DISTRIBUTION_COLUMN)}, colocate_with => ${colocate}${name === anchor ? shards : ""});`;
  });
}
