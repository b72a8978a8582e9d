import { type Community, createCommunity } from "@linli/core";
import { sqliteStorage } from "@linli/storage-sqlite";
import { resolve } from "node:path";
import { type CliContext, type CliLang, langOf } from "./cli-context";
import { checkLoadedConfig } from "./config/check-config";
import { loadConfig } from "./config/load-config";
import { type CommunityPlugins, communityPlugins, installedPlugins } from "./plugins";
import { formatReport } from "./problem-report";

/** The staff actor of import and export. */
export const CLI_STAFF = { kind: "staff", id: "linli-cli" } as const;

/**
 * The configuration with the CLI's own operator declared as a member: linli verifies every
 * acting id, and whoever runs the CLI on a database file already holds all of its data.
 * Unchanged when the configuration declares that id itself.
 */
export function withOperator<C>(
  config: C,
  operator: { readonly kind: "staff" | "system"; readonly id: string },
): C {
  const members = ((config as { members?: { id: string }[] }).members ?? []) as { id: string }[];
  if (members.some((m) => m.id === operator.id)) return config;
  return { ...config, members: [...members, { id: operator.id, kind: operator.kind }] };
}

/** What commands read of a checked configuration. */
export interface CheckedConfig {
  readonly community: { readonly id: string; readonly timeZone: string; readonly locale?: string };
  readonly groups: readonly { readonly id: string }[];
  readonly places: readonly { readonly id: string }[];
  readonly resources: readonly { readonly id: string }[];
}

/** Loads and checks a configuration file; prints its problems (and fails) when it has any. */
export function loadChecked(file: string, context: CliContext, lang?: CliLang) {
  const loaded = loadConfig(file, { cwd: context.io.cwd });
  const problems = checkLoadedConfig(loaded, installedPlugins());
  if (problems.length === 0) return loaded.value as CheckedConfig;
  const locale = (loaded.value as { community?: { locale?: unknown } } | undefined)?.community?.locale;
  context.io.err(formatReport(loaded.files[0]?.name ?? file, problems, langOf(lang, locale)));
  context.fail(1);
  return undefined;
}

/** A community on a SQLite file (created when missing) with the configuration's plugins. Close it after use. */
export function openCommunityDb(
  config: CheckedConfig,
  db: string,
  context: CliContext,
): Promise<Community<CommunityPlugins>> {
  return createCommunity({
    // Parsed YAML or JSON, checked above; createCommunity validates it again.
    config: withOperator(config, CLI_STAFF) as Parameters<typeof createCommunity>[0]["config"],
    storage: sqliteStorage({ filename: resolve(context.io.cwd, db) }),
    plugins: communityPlugins(),
  });
}
