import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { Option } from "commander";
import type { CliContext, CommandModule } from "../cli-context";
import { CLI_STAFF, loadChecked, openCommunityDb } from "../community-db";
import { INVENTORY_COLUMNS } from "@linli/lending";
import { formatCsv } from "../csv";

interface ExportOptions {
  config: string;
  db: string;
  csv?: "residents" | "inventory";
  ics?: boolean;
  resource?: string;
  resident?: string;
  lang: "zh-CN" | "en";
  out?: string;
}

async function exportData(options: ExportOptions, context: CliContext) {
  if (!options.csv === !options.ics) {
    context.io.err("linli export: give one of --csv residents, --csv inventory or --ics\n");
    return context.fail(1);
  }
  if (options.ics && !options.resource === !options.resident) {
    context.io.err("linli export --ics: give one of --resource <id> or --resident <id>\n");
    return context.fail(1);
  }
  const config = loadChecked(options.config, context);
  if (!config) return;
  if (options.resource && !config.resources.some((r) => r.id === options.resource)) {
    context.io.err(`unknown resource "${options.resource}"\n`);
    return context.fail(1);
  }
  const community = await openCommunityDb(config, options.db, context);
  let text: string;
  try {
    const staff = community.as(CLI_STAFF);
    if (options.ics && options.resource) {
      text = await staff.booking.resourceCalendar({ resourceId: options.resource, locale: options.lang });
    } else if (options.ics && options.resident) {
      text = await staff.for(options.resident).booking.residentCalendar({ locale: options.lang });
    } else if (options.csv === "inventory") {
      const units = await staff.lending.catalog.exportInventory({ includeRetired: true });
      text = formatCsv([INVENTORY_COLUMNS, ...units.map((u) => INVENTORY_COLUMNS.map((c) => u[c]))]);
    } else {
      const rows: unknown[][] = [["id", "name", "phone", "birthYear", "placeId", "groups"]];
      for (let after: string | undefined; ; ) {
        const page = await staff.residents.list({ limit: 1000, ...(after ? { after } : {}) });
        for (const r of page) {
          const groups = await staff.for(r.id).eligibility.groupsOf({});
          rows.push([r.id, r.name, r.phone, r.birthYear, r.placeId, [...groups].sort().join(";")]);
        }
        after = page.next;
        if (after === undefined) break;
      }
      text = formatCsv(rows);
    }
  } finally {
    await community.close();
  }
  if (options.out) writeFileSync(resolve(context.io.cwd, options.out), text);
  else context.io.out(text);
}

/**
 * `linli export --config <file> --db <file.sqlite> (--csv residents | --csv inventory | --ics --resource <id> | --ics --resident <id>)`:
 * residents or the tool inventory (every unit with its status) as CSV (the columns `linli
 * import` reads), or bookings as an RFC 5545 calendar.
 */
export const exportCommand: CommandModule = (program, context) => {
  program
    .command("export")
    .description(
      "export residents or the tool inventory as CSV, or bookings as ICS, from a community's SQLite database",
    )
    .requiredOption("--config <file>", "the community configuration (YAML or JSON)")
    .requiredOption("--db <file>", "the SQLite database")
    .addOption(
      new Option("--csv <what>", "residents or the tool inventory as CSV").choices([
        "residents",
        "inventory",
      ]),
    )
    .option("--ics", "bookings as an ICS calendar (with --resource or --resident)")
    .option("--resource <id>", "the resource whose bookings to export")
    .option("--resident <id>", "the resident whose bookings to export")
    .addOption(
      new Option("--lang <lang>", "language of ICS summaries").choices(["zh-CN", "en"]).default("zh-CN"),
    )
    .option("--out <file>", "write to this file instead of standard output")
    .action((options: ExportOptions) => exportData(options, context));
};
