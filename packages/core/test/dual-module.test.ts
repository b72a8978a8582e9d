// The dual-package hazard, for real: an app that `import`s @linli/core and also `require`s it
// (directly or through a CommonJS dependency) loads dist/index.js AND dist/index.cjs, two
// LinliError classes. This test builds core with the repo's tsup config into a temp directory
// (never packages/core/dist), installs it there as node_modules/@linli/core, and checks in a
// child Node process that errors cross between the two builds in both directions.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import baseConfig from "../../../tsup.config.base";

const coreDir = fileURLToPath(new URL("..", import.meta.url));
const rootDir = join(coreDir, "..", "..");
let appDir: string;

/** Where the workspace installed a dependency of core (hoisted to the root, or nested). */
function installedDir(name: string): string {
  for (const base of [join(coreDir, "node_modules"), join(rootDir, "node_modules")]) {
    const dir = join(base, name);
    if (existsSync(join(dir, "package.json"))) return dir;
  }
  throw new Error(`dependency ${name} of @linli/core is not installed`);
}

beforeAll(() => {
  appDir = mkdtempSync(join(tmpdir(), "linli-dual-module-"));
  const pkgDir = join(appDir, "node_modules", "@linli", "core");
  mkdirSync(pkgDir, { recursive: true });
  copyFileSync(join(coreDir, "package.json"), join(pkgDir, "package.json"));
  // The repo's build config, without declaration files and source maps (not needed here).
  // `config: false` keeps tsup from bundling packages/core/tsup.config.ts next to it.
  const options = {
    ...baseConfig,
    outDir: join(pkgDir, "dist"),
    dts: false,
    sourcemap: false,
    silent: true,
    config: false,
  };
  // tsup reads the package's dependencies (to keep them external) from the working directory.
  const build = "import { build } from 'tsup'; await build(JSON.parse(process.env.TSUP_OPTIONS));";
  execFileSync(process.execPath, ["--input-type=module", "-e", build], {
    cwd: coreDir,
    env: { ...process.env, TSUP_OPTIONS: JSON.stringify(options) },
    stdio: "pipe",
  });
  const pkg = JSON.parse(readFileSync(join(coreDir, "package.json"), "utf8"));
  for (const name of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) {
    const link = join(appDir, "node_modules", name);
    mkdirSync(dirname(link), { recursive: true });
    if (!existsSync(link)) symlinkSync(installedDir(name), link, "junction");
  }
}, 60_000);

afterAll(() => {
  if (appDir) rmSync(appDir, { recursive: true, force: true });
});

/** Runs in the child process: `import` and `require` of the same package. */
const app = `
import { createRequire } from "node:module";
import * as esm from "@linli/core";
const cjs = createRequire(import.meta.url)("@linli/core");
const text = { "zh-CN": "测试", en: "test" };
function caught(run) {
  try { run(); } catch (error) { return error; }
  throw new Error("expected a throw");
}
function view(error, core) {
  return {
    isLinliError: core.isLinliError(error),
    withCode: core.isLinliError(error, error.code),
    otherCode: core.isLinliError(error, "SOME_OTHER_CODE"),
    instanceOf: error instanceof core.LinliError,
  };
}
const fromEsm = caught(() => esm.money(1.5, "CNY"));
const fromCjs = caught(() => cjs.money(1.5, "CNY"));
class CjsSubclass extends cjs.LinliError {}
const sub = new CjsSubclass("SUB", text);
console.log(JSON.stringify({
  twoCopies: esm.LinliError !== cjs.LinliError,
  codes: [fromEsm.code, fromCjs.code],
  esmErrorSeenByCjs: view(fromEsm, cjs),
  cjsErrorSeenByEsm: view(fromCjs, esm),
  esmNewSeenByCjs: view(new esm.LinliError("NEW", text), cjs),
  cjsNewSeenByEsm: view(new cjs.LinliError("NEW", text), esm),
  cjsSubclassSeenByEsm: view(sub, esm),
  esmErrorIsNotCjsSubclass: fromEsm instanceof CjsSubclass,
  plainErrorSeenByBoth: [esm.isLinliError(new Error("x")), cjs.isLinliError(new Error("x"))],
}));
`;

describe("one LinliError across the ESM and CommonJS builds", () => {
  it("recognises an error of either build in the other, both ways", () => {
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", app], {
      cwd: appDir,
      encoding: "utf8",
    });
    const same = { isLinliError: true, withCode: true, otherCode: false, instanceOf: true };
    expect(JSON.parse(output)).toEqual({
      twoCopies: true,
      codes: ["INVALID_AMOUNT", "INVALID_AMOUNT"],
      esmErrorSeenByCjs: same,
      cjsErrorSeenByEsm: same,
      esmNewSeenByCjs: same,
      cjsNewSeenByEsm: same,
      cjsSubclassSeenByEsm: same,
      esmErrorIsNotCjsSubclass: false,
      plainErrorSeenByBoth: [false, false],
    });
  });
});
