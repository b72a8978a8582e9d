/** Quotes an SQL identifier (table, column, index name) for SQLite. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The column name of a field: snake_case of the field name (`householdId` becomes
 * `household_id`, `communityId` becomes `community_id`). Names that are already snake_case
 * are kept, so columns read naturally in SQL tools.
 */
export function columnName(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}
