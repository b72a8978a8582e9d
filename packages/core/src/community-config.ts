import * as z from "zod";
import { formatPath, type LocatedProblem, locateProblems, type Problem } from "./config-problem";
import { type IndexMaps, originalPath, repairInput, type StandIn } from "./config-repair";
import { kernelConfigShape } from "./config-schema";
import { kernelStandIn } from "./config-stand-ins";
import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";
import { checkKernelConfig } from "./kernel-config-check";
import type { AnyPlugin, CommunityConfig, ConfigCheckContext, ReportProblem } from "./plugin";
import { resolvePlugins } from "./plugin-set";
import type { Registries } from "./registry";

/** One top-level section of a configuration: a kernel section or a plugin's. */
interface Section {
  readonly key: string;
  readonly schema: z.ZodType;
  /** Stand-ins for broken required fields (kernel sections only). */
  readonly standIn?: StandIn;
}

/**
 * The sections built for a registries object and its plugins: communities created with the
 * same plugin instances share one `PluginSet` (see `resolvePlugins`), so they share the plugins'
 * zod schemas too, compiled once, instead of building them again for every community.
 */
const builtSections = new WeakMap<Registries, { plugins: readonly AnyPlugin[]; sections: Section[] }>();

function sectionsOf(plugins: readonly AnyPlugin[], registries: Registries): Section[] {
  const built = builtSections.get(registries);
  if (built && built.plugins.length === plugins.length && built.plugins.every((p, i) => p === plugins[i]))
    return built.sections;
  const sections = buildSections(plugins, registries);
  builtSections.set(registries, { plugins: [...plugins], sections });
  return sections;
}

function buildSections(plugins: readonly AnyPlugin[], registries: Registries): Section[] {
  const sections: Section[] = Object.entries(kernelConfigShape).map(([key, schema]) => ({
    key,
    schema,
    standIn: kernelStandIn,
  }));
  for (const plugin of plugins) {
    if (!plugin.config) continue;
    const schema = typeof plugin.config === "function" ? plugin.config(registries) : plugin.config;
    sections.push({ key: plugin.id, schema });
  }
  return sections;
}

/**
 * The zod schema of a whole community configuration's structure for these plugins: the
 * kernel's part and one section per plugin (keyed by plugin id). Cross-reference and semantic
 * checks are not part of it: {@link parseCommunityConfig} runs them.
 */
export function communityConfigSchema(plugins: readonly AnyPlugin[], registries: Registries) {
  return z.object(Object.fromEntries(sectionsOf(plugins, registries).map((s) => [s.key, s.schema])));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const startsWith = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]) =>
  prefix.length <= path.length && prefix.every((key, i) => key === path[i]);

/**
 * Validates a configuration in one pass: the parsed config, or every problem with path, code
 * and zh-CN/en message: structural problems of every section, and the cross-reference and
 * semantic checks of the kernel and of every plugin, all at once.
 *
 * Each section is parsed on its own. Checks run on what parsed: a section with structural
 * problems is repaired for them (its broken list entries left out, broken fields with a
 * default given it; broken required fields of the kernel's entries given a stand-in, see
 * `kernelStandIn`), and a plugin's `checkConfig` runs only when its own section parsed or
 * could be repaired. Paths that checks report into a repaired section are translated back to
 * the document, and `isBroken` tells a check which parts it sees are incomplete.
 */
export function parseCommunityConfig(
  input: unknown,
  plugins: readonly AnyPlugin[],
  registries: Registries = resolvePlugins(plugins).registries,
): { ok: true; config: CommunityConfig } | { ok: false; problems: Problem[] } {
  const sections = sectionsOf(plugins, registries);
  if (!isPlainObject(input)) {
    const whole = locateProblems(communityConfigSchema(plugins, registries), input);
    return whole.ok
      ? { ok: true, config: whole.value as CommunityConfig }
      : { ok: false, problems: whole.problems.map((p) => p.problem) };
  }
  const structural: LocatedProblem[] = [];
  const parsed: Record<string, unknown> = {};
  const views: Record<string, unknown> = {};
  const maps: IndexMaps = new Map();
  for (const { key, schema, standIn } of sections) {
    const raw = input[key];
    const result = locateProblems(schema, raw, [key]);
    if (result.ok) {
      if (result.value !== undefined || key in input) parsed[key] = result.value;
      views[key] = result.value;
      continue;
    }
    structural.push(...result.problems);
    const repaired = repairInput(schema, raw, [key], standIn);
    const view = repaired.ok ? schema.safeParse(repaired.input) : undefined;
    if (!repaired.ok || !view?.success) continue;
    views[key] = view.data;
    for (const [list, indexes] of repaired.maps) maps.set(list, indexes);
  }

  const checks: LocatedProblem[] = [];
  const report: ReportProblem = (path, code, message) => {
    const keys = originalPath(path, maps);
    checks.push({ keys, problem: { path: formatPath(keys), code, message } });
  };
  const context: ConfigCheckContext = {
    isBroken: (path) => {
      const keys = originalPath(path, maps);
      return structural.some((p) => startsWith(p.keys, keys) || startsWith(keys, p.keys));
    },
    registries,
  };
  // The kernel's sections always have a view: lists default to empty, the community section has a stand-in.
  const config = views as CommunityConfig;
  checkKernelConfig(config, report);
  for (const plugin of plugins) {
    if (!plugin.checkConfig) continue;
    if (plugin.config && !(plugin.id in views)) continue;
    plugin.checkConfig(views[plugin.id], config, report, context);
  }
  if (structural.length + checks.length === 0) return { ok: true, config: parsed as CommunityConfig };
  return { ok: false, problems: [...structural, ...checks].map((p) => p.problem) };
}

/** Like {@link parseCommunityConfig}, but throws `CONFIG_INVALID` with `details.problems`. */
export function loadCommunityConfig(
  input: unknown,
  plugins: readonly AnyPlugin[],
  registries: Registries,
): CommunityConfig {
  const result = parseCommunityConfig(input, plugins, registries);
  if (!result.ok) {
    throw LinliError.from(
      coreErrors,
      "CONFIG_INVALID",
      { count: result.problems.length },
      { details: { problems: result.problems } },
    );
  }
  return result.config;
}

/** The JSON Schema of a community configuration for these plugins (for editors and validators). */
export function communityConfigJsonSchema(
  plugins: readonly AnyPlugin[],
  registries: Registries = resolvePlugins(plugins).registries,
): Record<string, unknown> {
  return z.toJSONSchema(communityConfigSchema(plugins, registries), {
    io: "input",
    unrepresentable: "any",
  }) as Record<string, unknown>;
}
