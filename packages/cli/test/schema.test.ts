import { presetCopy, presetNames } from "@linli/presets";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { run } from "./run-cli";

describe("linli schema", () => {
  test("prints a JSON Schema that accepts both presets (with extends) and rejects a wrong kind", async () => {
    const { code, out } = await run(["schema"]);
    expect(code).toBe(0);
    const schema = JSON.parse(out);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["extends", "community", "resources", "booking", "pricing", "volunteers"]),
    );
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const check = ajv.compile(schema);
    for (const name of presetNames) {
      expect(check(presetCopy(name)), JSON.stringify(check.errors)).toBe(true);
    }
    expect(check({ extends: "wangjialong", community: presetCopy("wangjialong").community })).toBe(true);
    const broken = presetCopy("wangjialong");
    (broken.resources as { kind: string }[])[0]!.kind = "hall";
    expect(check(broken)).toBe(false);
    expect(check.errors?.some((e) => e.instancePath === "/resources/0/kind")).toBe(true);
  });
});
