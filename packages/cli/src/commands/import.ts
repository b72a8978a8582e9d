import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Option } from "commander";
import type { CliContext, CommandModule } from "../cli-context";
import { type CheckedConfig, CLI_STAFF, loadChecked, openCommunityDb } from "../community-db";
import { type CsvRow, parseCsv } from "../csv";
import { importInventoryRows } from "./import-inventory";

/** The columns of a residents CSV (header row required; only `name` is required in it). */
export const RESIDENT_COLUMNS = ["id", "name", "phone", "birthYear", "placeId", "groups"] as const;

/** One resident to import, checked. */
interface ResidentRow {
  readonly id: string | undefined;
  readonly name: string;
  readonly phone: string | null;
  readonly birthYear: number | null;
  readonly placeId: string | null;
  readonly groups: readonly string[];
}

/** Checks every row against the configuration: the rows to import, or every row's problem with its line. */
export function residentRows(
  rows: readonly CsvRow[],
  config: CheckedConfig,
): { ok: true; residents: ResidentRow[] } | { ok: false; problems: string[] } {
  const [header, ...body] = rows;
  const problems: string[] = [];
  const columns = header?.cells.map((c) => c.trim()) ?? [];
  const unknown = columns.filter((c) => !(RESIDENT_COLUMNS as readonly string[]).includes(c));
  if (!columns.includes("name") || unknown.length > 0) {
    return {
      ok: false,
      problems: [
        `line 1: the header names the columns ${RESIDENT_COLUMNS.join(",")} (name required)${unknown.length ? `; unknown: ${unknown.join(", ")}` : ""}`,
      ],
    };
  }
  const groups = new Set(config.groups.map((g) => g.id));
  const places = new Set(config.places.map((p) => p.id));
  const ids = new Set<string>();
  const residents: ResidentRow[] = [];
  for (const row of body) {
    const cell = (name: string) => row.cells[columns.indexOf(name)]?.trim() ?? "";
    const at = `line ${row.line}`;
    const name = cell("name");
    const id = cell("id") || undefined;
    const year = cell("birthYear");
    const birthYear = year === "" ? null : Number(year);
    const placeId = cell("placeId") || null;
    const rowGroups =
      cell("groups") === ""
        ? []
        : cell("groups")
            .split(";")
            .map((g) => g.trim());
    if (name === "" || name.length > 200) problems.push(`${at}: name is required (at most 200 characters)`);
    if (id !== undefined && (id.length > 200 || ids.has(id)))
      problems.push(`${at}: id "${id}" is repeated or too long`);
    if (birthYear !== null && !(Number.isInteger(birthYear) && birthYear >= 1900 && birthYear <= 2100))
      problems.push(`${at}: birthYear "${year}" is not a year from 1900 to 2100`);
    if (placeId !== null && !places.has(placeId)) problems.push(`${at}: unknown place "${placeId}"`);
    for (const g of rowGroups) if (!groups.has(g)) problems.push(`${at}: unknown eligibility group "${g}"`);
    if (id) ids.add(id);
    residents.push({ id, name, phone: cell("phone") || null, birthYear, placeId, groups: rowGroups });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, residents };
}

/** The options of `linli import`. */
interface ImportOptions {
  config: string;
  db: string;
  csv: string;
  what: "residents" | "inventory";
}

async function importCsv(options: ImportOptions, context: CliContext) {
  const config = loadChecked(options.config, context);
  if (!config) return;
  let rows: CsvRow[];
  try {
    rows = parseCsv(readFileSync(resolve(context.io.cwd, options.csv), "utf8"));
  } catch (error) {
    context.io.err(`${options.csv}: ${(error as Error).message}\n`);
    return context.fail(1);
  }
  if (options.what === "inventory") return importInventoryRows(options, config, rows, context);
  const checked = residentRows(rows, config);
  if (!checked.ok) {
    context.io.err(`${checked.problems.map((p) => `${options.csv}:${p}`).join("\n")}\nnothing imported\n`);
    return context.fail(1);
  }
  const community = await openCommunityDb(config, options.db, context);
  let grants = 0;
  try {
    for (const r of checked.residents) {
      const resident = await community.residents.register({
        actor: CLI_STAFF,
        ...(r.id ? { id: r.id } : {}),
        name: r.name,
        phone: r.phone,
        birthYear: r.birthYear,
        placeId: r.placeId,
      });
      for (const groupId of r.groups) {
        await community.eligibility.grant({ actor: CLI_STAFF, forResident: resident.id, groupId });
        grants++;
      }
    }
  } finally {
    await community.close();
  }
  context.io.out(
    `imported ${checked.residents.length} residents and ${grants} eligibility grants into ${options.db}\n`,
  );
}

/**
 * `linli import --config <file> --db <file.sqlite> --csv <file.csv> [--what residents|inventory]`:
 * residents from a spreadsheet (columns id, name, phone, birthYear, placeId, groups separated
 * by `;`), or the tool room's inventory (`--what inventory`: one unit per row, the columns of
 * `@linli/lending`'s `INVENTORY_COLUMNS` without status and donor). Every row is checked first
 * (groups, places and categories against the config); nothing is written when one is wrong.
 */
export const importCommand: CommandModule = (program, context) => {
  program
    .command("import")
    .description("import residents or the tool inventory from a CSV file into a community's SQLite database")
    .requiredOption("--config <file>", "the community configuration (YAML or JSON)")
    .requiredOption("--db <file>", "the SQLite database (created when missing)")
    .requiredOption(
      "--csv <file>",
      "residents: id,name,phone,birthYear,placeId,groups (groups separated by ;); inventory: one unit per row",
    )
    .addOption(
      new Option("--what <kind>", "what the file holds")
        .choices(["residents", "inventory"])
        .default("residents"),
    )
    .action((options: ImportOptions) => importCsv(options, context));
};
