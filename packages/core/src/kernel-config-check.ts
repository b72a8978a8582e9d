import type { KernelConfig } from "./config-schema";
import type { ReportProblem } from "./plugin";

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
export function checkKernelConfig(config: KernelConfig, report: ReportProblem): void {
  const lists = {
    places: config.places,
    groups: config.groups,
    resources: config.resources,
    resourceGroups: config.resourceGroups,
    members: config.members,
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
