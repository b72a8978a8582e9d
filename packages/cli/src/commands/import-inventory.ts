import { isLinliError } from "@linli/core";
import { INVENTORY_COLUMNS, type InventoryRow, inventoryRowSchema } from "@linli/lending";
import type { CliContext } from "../cli-context";
import { type CheckedConfig, CLI_STAFF, openCommunityDb } from "../community-db";
import type { CsvRow } from "../csv";

/** The columns an inventory CSV may have (the export's, without its export-only `status` and `donor`). */
export const INVENTORY_IMPORT_COLUMNS = INVENTORY_COLUMNS.filter((c) => c !== "status" && c !== "donor");
/** The columns every inventory CSV names. */
const REQUIRED = ["itemTypeId", "category", "nameZh", "nameEn", "code"] as const;
/** Most units one import loads (`lending.catalog.importInventory` takes them in one transaction). */
export const MAX_INVENTORY_ROWS = 5000;

/** What the inventory check reads of a configuration besides the kernel's parts: the lending categories. */
interface LendingView {
  readonly lending?: { readonly categories?: readonly { readonly id: string }[] };
}

/**
 * Checks an inventory CSV (one unit per row, `@linli/lending`'s `inventoryRowSchema`) against
 * the configuration: every cell's shape, categories of the lending section, training groups,
 * places, and codes repeated in the file. The rows to import, or every problem with its line.
 */
export function inventoryRows(
  rows: readonly CsvRow[],
  config: CheckedConfig,
): { ok: true; rows: InventoryRow[] } | { ok: false; problems: string[] } {
  const [header, ...body] = rows;
  const columns = header?.cells.map((c) => c.trim()) ?? [];
  const unknown = columns.filter((c) => !(INVENTORY_IMPORT_COLUMNS as readonly string[]).includes(c));
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (unknown.length > 0 || missing.length > 0)
    return {
      ok: false,
      problems: [
        `line 1: the header names the columns ${INVENTORY_IMPORT_COLUMNS.join(",")} (${REQUIRED.join(", ")} required)${missing.length ? `; missing: ${missing.join(", ")}` : ""}${unknown.length ? `; unknown: ${unknown.join(", ")}` : ""}`,
      ],
    };
  if (body.length === 0) return { ok: false, problems: ["the file has no inventory rows"] };
  if (body.length > MAX_INVENTORY_ROWS)
    return { ok: false, problems: [`more than ${MAX_INVENTORY_ROWS} rows: split the file`] };
  const categories = new Set(((config as LendingView).lending?.categories ?? []).map((c) => c.id));
  const groups = new Set(config.groups.map((g) => g.id));
  const places = new Set(config.places.map((p) => p.id));
  const codes = new Map<string, number>();
  const problems: string[] = [];
  const parsed: InventoryRow[] = [];
  for (const row of body) {
    const at = `line ${row.line}`;
    // Empty cells are "not given": the schema's defaults apply.
    const raw = Object.fromEntries(
      columns.flatMap((c, i) => {
        const cell = row.cells[i]?.trim() ?? "";
        return cell === "" ? [] : [[c, cell]];
      }),
    );
    const result = inventoryRowSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push(`${at}: ${issue.path.join(".") || "row"}: ${issue.message}`);
      continue;
    }
    const r = result.data;
    if (!categories.has(r.category))
      problems.push(`${at}: unknown category "${r.category}" (not in the lending section)`);
    if (r.trainingGroup !== "" && !groups.has(r.trainingGroup))
      problems.push(`${at}: unknown eligibility group "${r.trainingGroup}"`);
    if (r.location !== "" && !places.has(r.location)) problems.push(`${at}: unknown place "${r.location}"`);
    const first = codes.get(r.code);
    if (first !== undefined) problems.push(`${at}: code "${r.code}" is already on line ${first}`);
    else codes.set(r.code, row.line);
    parsed.push(r);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows: parsed };
}

/**
 * Loads checked inventory rows into the community's database in one `importInventory`
 * command: all or nothing (a code already in the catalog fails the whole file).
 */
export async function importInventoryRows(
  options: { db: string; csv: string },
  config: CheckedConfig,
  rows: readonly CsvRow[],
  context: CliContext,
): Promise<void> {
  const checked = inventoryRows(rows, config);
  if (!checked.ok) {
    context.io.err(`${checked.problems.map((p) => `${options.csv}:${p}`).join("\n")}\nnothing imported\n`);
    return context.fail(1);
  }
  const community = await openCommunityDb(config, options.db, context);
  try {
    const { types, units } = await community.lending.catalog.importInventory({
      actor: CLI_STAFF,
      rows: checked.rows,
    });
    context.io.out(`imported ${units} units (${types} new item types) into ${options.db}\n`);
  } catch (error) {
    if (!isLinliError(error)) throw error;
    context.io.err(`${options.csv}: ${error.messages.en}\nnothing imported\n`);
    return context.fail(1);
  } finally {
    await community.close();
  }
}
