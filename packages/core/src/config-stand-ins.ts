import type { StandIn } from "./config-repair";

const TEXT = { "zh-CN": "（无效）", en: "(invalid)" };

const COMMUNITY: Record<string, unknown> = {
  id: "community",
  name: TEXT,
  timeZone: "UTC",
  currency: "CNY",
};

const KINDS: Record<string, string> = { places: "area", resources: "space" };

/**
 * Stand-ins for broken required fields of the kernel's sections, so that checks still run on
 * a configuration with structural problems and a reference to a broken entry still finds it:
 * a broken `name` of a list entry becomes a placeholder text, a broken `kind` a fixed kind
 * (`area`, `space`), and a broken community section (or field) a neutral one (UTC, CNY). An entry whose
 * `id` is broken has no stand-in: it is left out, and references to it are broken too.
 */
export const kernelStandIn: StandIn = (path) => {
  const [section, index, field] = path;
  if (section === "community") {
    if (path.length === 1) return COMMUNITY;
    if (path.length === 2 && typeof index === "string") return COMMUNITY[index];
    return undefined;
  }
  if (path.length !== 3 || typeof index !== "number") return undefined;
  if (field === "name") return TEXT;
  if (field === "kind" && typeof section === "string") return KINDS[section];
  return undefined;
};
