import { z } from "zod";
import { addProblem, type Problem, validate } from "./config-problem";
import { kernelConfigShape } from "./config-schema";
import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";
import type { AnyPlugin, CommunityConfig, ReportProblem } from "./plugin";
import { resolvePlugins } from "./plugin-set";
import type { Registries } from "./registry";

type KernelShape = z.output<z.ZodObject<typeof kernelConfigShape>>;

function duplicates(ids: readonly string[]): Set<number> {
  const seen = new Set<string>();
  const dup = new Set<number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) dup.add(i);
    seen.add(id);
  });
  return dup;
}

/** The kernel's cross-reference checks: unique ids, and every reference names something defined. */
export function checkKernelConfig(config: KernelShape, report: ReportProblem): void {
  const lists = {
    places: config.places,
    groups: config.groups,
    resources: config.resources,
    resourceGroups: config.resourceGroups,
  };
  for (const [key, list] of Object.entries(lists)) {
    for (const i of duplicates(list.map((x) => x.id))) {
      report([key, i, "id"], "DUPLICATE_ID", {
        "zh-CN": `重复的 id "${list[i]!.id}"`,
        en: `Duplicate id "${list[i]!.id}"`,
      });
    }
  }
  const places = new Set(config.places.map((p) => p.id));
  const unknownPlace = (path: PropertyKey[], id: string) =>
    report(path, "UNKNOWN_PLACE", { "zh-CN": `未定义的地点 "${id}"`, en: `Unknown place "${id}"` });
  config.places.forEach((p, i) => {
    if (p.parent !== undefined && !places.has(p.parent)) unknownPlace(["places", i, "parent"], p.parent);
  });
  config.walking.forEach((w, i) => {
    if (!places.has(w.from)) unknownPlace(["walking", i, "from"], w.from);
    if (!places.has(w.to)) unknownPlace(["walking", i, "to"], w.to);
  });
  config.resources.forEach((r, i) => {
    if (r.place !== undefined && !places.has(r.place)) unknownPlace(["resources", i, "place"], r.place);
  });
  const resources = new Set(config.resources.map((r) => r.id));
  config.resourceGroups.forEach((g, i) => {
    g.resources.forEach((id, j) => {
      if (!resources.has(id)) {
        report(["resourceGroups", i, "resources", j], "UNKNOWN_RESOURCE", {
          "zh-CN": `未定义的资源 "${id}"`,
          en: `Unknown resource "${id}"`,
        });
      }
    });
  });
}

/**
 * The zod schema of a whole community configuration for these plugins: the kernel's part,
 * one section per plugin (keyed by plugin id), and every cross-reference check. Cross
 * references are checked once the structure is valid, all of them at once.
 */
export function communityConfigSchema(plugins: readonly AnyPlugin[], registries: Registries) {
  const shape: Record<string, z.ZodType> = { ...kernelConfigShape };
  for (const plugin of plugins) {
    if (!plugin.config) continue;
    const part = typeof plugin.config === "function" ? plugin.config(registries) : plugin.config;
    shape[plugin.id] = part;
  }
  return z.object(shape).superRefine((value, ctx) => {
    const report: ReportProblem = (path, code, message) => addProblem(ctx, path, code, message);
    const config = value as unknown as CommunityConfig;
    checkKernelConfig(config, report);
    for (const plugin of plugins) plugin.checkConfig?.(config[plugin.id], config, report);
  });
}

/** Validates a configuration: the parsed config, or every problem with path, code and zh-CN/en message. */
export function parseCommunityConfig(
  input: unknown,
  plugins: readonly AnyPlugin[],
  registries: Registries = resolvePlugins(plugins).registries,
): { ok: true; config: CommunityConfig } | { ok: false; problems: Problem[] } {
  const result = validate(communityConfigSchema(plugins, registries), input);
  return result.ok ? { ok: true, config: result.value as CommunityConfig } : result;
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
