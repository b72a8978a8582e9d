// `npm run mutate`: runs StrykerJS with stryker.config.mjs. StrykerJS 10 declares Node >= 22
// and its command line refuses to start on older versions; linli's toolchain is Node 20, so
// this starts Stryker through its `Stryker` class (the same run, without the command line's
// version guard). On Node 22 or later, `npx stryker run stryker.config.mjs` does the same.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const core = dirname(require.resolve("@stryker-mutator/core/package.json"));
const { Stryker } = await import(pathToFileURL(join(core, "dist/src/stryker.js")).href);
const results = await new Stryker({ configFile: "stryker.config.mjs" }).runMutationTest();
const counts = {};
for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
console.log("mutants by status:", counts);
