// Writes <name>.json for every preset from the TypeScript data (`npm run build:json`);
// src/preset-json.test.ts fails when a committed file is stale.
import { writeFileSync } from "node:fs";
import { presetJson, presetNames } from "../src/index";

for (const name of presetNames) {
  writeFileSync(new URL(`../${name}.json`, import.meta.url), presetJson(name));
  console.log(`${name}.json`);
}
