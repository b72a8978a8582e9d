// The configuration reference and the published JSON Schema, generated from the zod schemas that
// validate a community's config (their `.describe()` texts), so they cannot drift from the code.
// Pure: `scripts/config-reference.ts` writes the files, `examples/config-reference.test.ts`
// regenerates them and fails when the committed copies are stale.
import { readFileSync } from "node:fs";
import { bookingPlugin, bookingRuleKinds } from "@linli/booking";
import { communityConfigJsonSchema, registriesOf } from "@linli/core";
import { lendingPlugin, lendingPolicyKinds } from "@linli/lending";
import { pricingPlugin } from "@linli/pricing";
import { volunteersPlugin } from "@linli/volunteers";

/** Where the generated files live, relative to the repository root. */
export const REFERENCE_PATH = "docs/configuration-reference.md";
/** The JSON Schema shipped with `@linli/presets` (point an editor's `$schema` at it). */
export const JSON_SCHEMA_PATH = "packages/presets/linli.schema.json";

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
};

type Row = { path: string; type: string; required: boolean; fallback: unknown; description: string };
type VariantGroup = { path: string; variants: JsonSchema[] };

const plugins = [bookingPlugin(), pricingPlugin(), lendingPlugin(), volunteersPlugin()];
const registries = registriesOf(plugins);

/** Kind descriptions that live in registries rather than in the schemas (rule and policy kinds). */
const kindDescriptions = new Map<string, string>([
  ...registries.get(bookingRuleKinds).map((k) => [`booking.rules[]:${k.kind}`, k.description.en] as const),
  ...registries
    .get(lendingPolicyKinds)
    .map((k) => [`lending.policies[]:${k.kind}`, k.description.en] as const),
]);

/** The presets, as examples of each section. */
function presetExamples(root: URL): Record<string, unknown>[] {
  return ["wangjialong.json", "library-of-things.json"].map((name) =>
    JSON.parse(readFileSync(new URL(`packages/presets/${name}`, root), "utf8")),
  );
}

function variantsOf(s: JsonSchema): JsonSchema[] | undefined {
  const list = s.oneOf ?? s.anyOf;
  if (!list || list.length < 2) return undefined;
  return list.every((v) => v.type === "object" && v.properties?.kind?.const !== undefined) ? list : undefined;
}

function bounds(s: JsonSchema): string {
  const parts: string[] = [];
  const lo = s.minimum ?? s.exclusiveMinimum ?? s.minItems ?? s.minLength;
  const hi = s.maximum ?? s.maxItems ?? s.maxLength;
  if (s.exclusiveMinimum !== undefined && hi !== undefined && hi < Number.MAX_SAFE_INTEGER) {
    parts.push(`> ${lo}, ≤ ${hi}`);
  } else if (lo !== undefined && hi !== undefined && hi < Number.MAX_SAFE_INTEGER) parts.push(`${lo}–${hi}`);
  else if (lo !== undefined) parts.push(s.exclusiveMinimum !== undefined ? `> ${lo}` : `≥ ${lo}`);
  else if (hi !== undefined && hi < Number.MAX_SAFE_INTEGER) parts.push(`≤ ${hi}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(" \\| ");
  const variants = variantsOf(s);
  if (variants) return `one of the kinds below`;
  const list = s.anyOf ?? s.oneOf;
  if (list) return list.map(typeOf).join(" \\| ");
  if (s.type === "array") return `${s.items ? typeOf(s.items) : "any"}[]${bounds(s)}`;
  if (s.type === "object" && s.properties) return "object";
  if (s.type === "object" && typeof s.additionalProperties === "object") {
    return `record of ${typeOf(s.additionalProperties)}`;
  }
  if (s.type === "string" && s.pattern === "^[a-z0-9][a-z0-9-]*$") return "id";
  if (Array.isArray(s.type)) return s.type.join(" \\| ");
  return `${s.type ?? "any"}${bounds(s)}`;
}

/** The rows of an object's fields, nested objects flattened, kind unions collected for sections of their own. */
function rowsOf(s: JsonSchema, prefix: string, groups: VariantGroup[], out: Row[]): Row[] {
  for (const [name, field] of Object.entries(s.properties ?? {})) {
    const path = `${prefix}${name}`;
    const item = field.type === "array" ? field.items : undefined;
    const variants = variantsOf(item ?? field);
    out.push({
      path,
      type: variants ? (item ? "entry[] (one of the kinds below)" : "one of the kinds below") : typeOf(field),
      required: s.required?.includes(name) ?? false,
      fallback: field.default,
      description: field.description ?? item?.description ?? "",
    });
    if (variants) groups.push({ path: item ? `${path}[]` : path, variants });
    else if (item?.type === "object" && item.properties) rowsOf(item, `${path}[].`, groups, out);
    else if (field.type === "object" && field.properties) rowsOf(field, `${path}.`, groups, out);
    else if (field.type === "object" && typeof field.additionalProperties === "object") {
      const value = field.additionalProperties;
      if (value.type === "object" && value.properties) rowsOf(value, `${path}.<key>.`, groups, out);
    }
  }
  return out;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function table(rows: Row[]): string[] {
  if (rows.length === 0) return ["(no parameters besides `kind`)"];
  return [
    "| field | type | required | default | description |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| \`${r.path}\` | ${r.type} | ${r.required ? "yes" : ""} | ${
          r.fallback === undefined ? "" : `\`${cell(JSON.stringify(r.fallback))}\``
        } | ${cell(r.description)} |`,
    ),
  ];
}

function example(value: unknown): string[] {
  const text = JSON.stringify(value, null, 2);
  const lines = text.split("\n");
  const shown = lines.length > 40 ? [...lines.slice(0, 38), "  …"] : lines;
  return ["Example (from a preset):", "", "```json", ...shown, "```"];
}

/** The value of a dotted path like `booking.rules[]` in a preset: the array or object it names. */
function valueAt(preset: unknown, path: string): unknown {
  let value: unknown = preset;
  for (const key of path.replace(/\[\]/g, "").split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function exampleOf(presets: unknown[], section: string): unknown {
  for (const preset of presets) {
    const value = valueAt(preset, section);
    if (Array.isArray(value) ? value.length > 0 : value !== undefined)
      return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

function kindExample(presets: unknown[], path: string, kind: unknown): unknown {
  for (const preset of presets) {
    const list = valueAt(preset, path);
    const found = Array.isArray(list) ? list.find((e) => e?.kind === kind) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Every field of the reference without a description, as `section: path` (should be empty). */
export type Undescribed = string[];

/** The configuration reference (markdown) and the JSON Schema (text), as committed. */
export function configReference(root: URL): { markdown: string; schema: string; undescribed: Undescribed } {
  const json = communityConfigJsonSchema(plugins, registries) as JsonSchema & Record<string, unknown>;
  const schema = {
    $id: "https://unpkg.com/@linli/presets/linli.schema.json",
    title: "linli community configuration (kernel, booking, pricing, lending, volunteers)",
    ...json,
  };
  const presets = presetExamples(root);
  const undescribed: string[] = [];
  const lines = [
    "# Configuration reference",
    "",
    "<!-- Generated by `npm run docs` (scripts/config-reference.ts) from the zod schemas that validate a",
    "     community's config. Do not edit: change the schemas' `.describe()` texts and regenerate;",
    "     examples/config-reference.test.ts fails when this file is stale. -->",
    "",
    "Every section of a community config with the booking, pricing, lending and volunteers plugins:",
    "each field's path, type, whether it is required, its default and what it means. The same",
    "schemas validate a config when `createCommunity` loads it, so this page cannot drift from the code.",
    "A guide with worked examples is [configuration.md](./configuration.md). The JSON Schema is",
    "published as `@linli/presets/linli.schema.json`: put",
    '`"$schema": "./node_modules/@linli/presets/linli.schema.json"` at the top of a JSON config for',
    "completion and checks in an editor.",
    "",
    "Paths: `a.b` is field `b` of object `a`; `a[]` is each entry of list `a`; `<key>` is any key of a record.",
    "",
  ];
  for (const [section, s] of Object.entries(json.properties ?? {})) {
    const groups: VariantGroup[] = [];
    const isList = s.type === "array" && s.items;
    const body = isList ? (s.items as JsonSchema) : s;
    lines.push(`## \`${section}\``, "", cell(s.description ?? body.description ?? ""), "");
    if (isList) lines.push(`A list; each entry:`, "");
    const rows =
      body.type === "object" && body.properties
        ? rowsOf(body, "", groups, [])
        : [
            {
              path: section,
              type: typeOf(s),
              required: false,
              fallback: s.default,
              description: s.description ?? "",
            },
          ];
    if (!s.description && !body.description) undescribed.push(section);
    for (const r of rows) if (!r.description && !/^`/.test(r.type)) undescribed.push(`${section}.${r.path}`);
    lines.push(...table(rows), "");
    const ex = exampleOf(presets, section);
    if (ex !== undefined) lines.push(...example(ex), "");
    for (const group of groups) {
      const where = `${section}.${isList ? "[]." : ""}${group.path}`.replace(".[].", "[].");
      lines.push(`### Kinds of \`${where}\``, "");
      for (const variant of group.variants) {
        const kind = variant.properties?.kind?.const;
        const description = variant.description ?? kindDescriptions.get(`${where}:${kind}`) ?? "";
        if (!description) undescribed.push(`${where} kind ${JSON.stringify(kind)}`);
        const nested: VariantGroup[] = [];
        const own = { ...variant, properties: { ...variant.properties } };
        delete own.properties.kind;
        const variantRows = rowsOf(own, "", nested, []);
        for (const r of variantRows) {
          if (!r.description && !/^`/.test(r.type))
            undescribed.push(`${where} ${JSON.stringify(kind)}.${r.path}`);
        }
        lines.push(`#### \`${String(kind)}\``, "", cell(description), "", ...table(variantRows), "");
        const kx = kindExample(presets, where, kind);
        if (kx !== undefined) lines.push(...example(kx), "");
      }
    }
  }
  if (undescribed.length > 0) {
    lines.push("## Fields without a description yet", "", ...undescribed.map((u) => `- \`${u}\``), "");
  }
  return {
    markdown: `${lines
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd()}\n`,
    schema: `${JSON.stringify(schema, null, 2)}\n`,
    undescribed,
  };
}
