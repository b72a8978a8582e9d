import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { presetJson, presetNames, presets } from "./index";

describe("the shipped JSON of each preset", () => {
  test.each(presetNames)(
    "%s.json is what the TypeScript data generates (run `npm run build:json -w @linli/presets`)",
    (name) => {
      const file = readFileSync(new URL(`../${name}.json`, import.meta.url), "utf8");
      expect(file).toBe(presetJson(name));
      expect(JSON.parse(file)).toEqual(presets[name]);
    },
  );
});
