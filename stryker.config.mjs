// StrykerJS (`npm run mutate`, not in CI): mutation testing of the files behind the promises
// of docs/guarantees.md. Scopes and their tests are in mutation/scopes.mjs; run one with
// `LINLI_MUTATE_SCOPE=core-capacity npm run mutate`. Reports go to reports/mutation/.
import { chosenScopes } from "./mutation/scopes.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "mutation/vitest.mutate.config.ts", related: false },
  mutate: chosenScopes().flatMap((scope) => scope.mutate),
  coverageAnalysis: "perTest",
  concurrency: 1,
  timeoutMS: 60_000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 90, low: 80 },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
