import { createHash } from "node:crypto";

/** PostgreSQL truncates identifiers to this many bytes (NAMEDATALEN - 1). */
const MAX_IDENTIFIER_BYTES = 63;

/** Quotes an SQL identifier (schema, table, column, index name) for PostgreSQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The column name of a field: snake_case of the field name (`householdId` becomes
 * `household_id`, `communityId` becomes `community_id`). Names that are already snake_case
 * are kept, so columns read naturally in `psql`.
 */
export function columnName(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

/** A short stable hash of a text, in hex. */
export function shortHash(text: string, length = 16): string {
  return createHash("sha1").update(text).digest("hex").slice(0, length);
}

/**
 * An identifier that fits PostgreSQL's 63-byte limit: kept as is when short enough,
 * otherwise cut and suffixed with a hash of the whole name, so two long names never
 * collapse into one (PostgreSQL would silently truncate both to the same prefix).
 */
export function fitIdentifier(name: string): string {
  if (Buffer.byteLength(name) <= MAX_IDENTIFIER_BYTES) return name;
  return `${name.slice(0, 40)}_${shortHash(name)}`;
}
