// The configuration reference (docs/configuration-reference.md) and the JSON Schema published with
// @linli/presets (linli.schema.json) are committed: regenerate both and compare, so a schema change
// without `npm run docs` fails here with the command to run.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configReference, JSON_SCHEMA_PATH, REFERENCE_PATH } from "../scripts/config-reference-doc";

const root = new URL("../", import.meta.url);
const generated = configReference(root);
const stale =
  "stale: run `npm run docs` (or `node --conditions=@linli/source --import tsx scripts/config-reference.ts`) and commit";

describe("generated configuration reference", () => {
  it("docs/configuration-reference.md is up to date", () => {
    expect(readFileSync(new URL(REFERENCE_PATH, root), "utf8"), stale).toBe(generated.markdown);
  });

  it("packages/presets/linli.schema.json is up to date", () => {
    expect(readFileSync(new URL(JSON_SCHEMA_PATH, root), "utf8"), stale).toBe(generated.schema);
  });

  it("every field of every section has a description", () => {
    expect(generated.undescribed).toEqual([]);
  });

  it("covers every section: kernel, booking, pricing, lending, volunteers", () => {
    for (const section of [
      "community",
      "places",
      "walking",
      "groups",
      "resources",
      "resourceGroups",
      "members",
      "permissions",
      "booking",
      "pricing",
      "lending",
      "volunteers",
    ]) {
      expect(generated.markdown).toContain(`## \`${section}\``);
    }
    for (const kind of [
      "opening-hours",
      "quota",
      "requires-membership",
      "per-use",
      "graduated",
      "max-loans",
    ]) {
      expect(generated.markdown).toContain(`#### \`${kind}\``);
    }
  });

  it("the JSON Schema validates the presets and carries descriptions", async () => {
    const { Ajv2020 } = await import("ajv/dist/2020.js");
    const schema = JSON.parse(generated.schema);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    for (const preset of ["wangjialong.json", "library-of-things.json"]) {
      const config = JSON.parse(readFileSync(new URL(`packages/presets/${preset}`, root), "utf8"));
      expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(schema.properties.resources.description).toMatch(/catalog/);
  });
});
