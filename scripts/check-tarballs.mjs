// The packages as a stranger meets them, after `npm run build` (`npm run check:tarballs`, a
// .ci/run step): `npm pack` of every publishable package (LICENSE, README.md and every `exports`
// target in each), the tarballs installed into a scratch app outside the repository, then:
// ESM `import` and CJS `require` of every entry point and a priced booking in each format; an app
// mixing both formats (two copies of the kernel, one LinliError to both); `tsc --strict` of the
// scripts/consumer sources under `node16` and under `bundler` resolution; and zod 3: npm refuses
// to install linli next to zod 3 (peer zod ^4); forced in anyway (`--legacy-peer-deps`), loading
// linli fails with ZOD_VERSION_UNSUPPORTED; and zod 3 schemas (`zod/v3`) are refused with it too.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { packAll, root } from "./pack-packages.mjs";

const work = mkdtempSync(join(tmpdir(), "linli-tarballs-"));
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};
const npmInstall = (cwd) =>
  spawnSync("npm", ["install", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund"], {
    cwd,
    encoding: "utf8",
  });
const writeJson = (path, value) => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

try {
  // 1. Pack.
  const packed = packAll(join(work, "tarballs"));
  for (const p of packed)
    check(p.problems.length === 0, `${p.name}: tarball complete ${p.problems.join("; ")}`);
  const fileDeps = Object.fromEntries(packed.map((p) => [p.name, `file:${p.tarball}`]));

  // 2. Install into a scratch app (better-sqlite3 is not compiled: it loads its binary lazily).
  const app = join(work, "app");
  execFileSync("mkdir", ["-p", app]);
  writeJson(join(app, "package.json"), {
    name: "scratch-consumer",
    private: true,
    dependencies: { ...fileDeps, zod: "4.6.7" },
    devDependencies: { "@types/node": "20.19.43" },
  });
  const installed = npmInstall(app);
  check(
    installed.status === 0,
    `the tarballs install into a scratch app${installed.status === 0 ? "" : `\n${installed.stderr}`}`,
  );

  // 3. Run the apps.
  const consumer = join(root, "scripts", "consumer");
  for (const file of ["app-esm.mjs", "app-cjs.cjs", "app-mixed.mjs", "app-zod3.mjs", "app-scenario.cjs"]) {
    copyFileSync(join(consumer, file), join(app, file));
  }
  const entries = packed.flatMap((p) => {
    const pkg = JSON.parse(
      execFileSync("tar", ["-xOzf", p.tarball, "package/package.json"], { encoding: "utf8" }),
    );
    return Object.keys(pkg.exports ?? {})
      .filter((s) => s !== "./package.json")
      .map((s) => (s === "." ? p.name : `${p.name}/${s.slice(2)}`));
  });
  writeJson(join(app, "entries.json"), entries);
  const runApp = (file) => {
    const r = spawnSync(process.execPath, [file], { cwd: app, encoding: "utf8" });
    if (r.status !== 0) return { error: `${r.stdout}${r.stderr}` };
    return JSON.parse(r.stdout.trim().split("\n").at(-1));
  };
  const scenario = (r) =>
    r.entries === entries.length && r.booked === true && r.total === 100 && r.refused === true;
  const esm = runApp("app-esm.mjs");
  check(
    esm.esm !== undefined && scenario(esm.esm),
    `ESM import of ${entries.length} entry points, a priced booking ${JSON.stringify(esm)}`,
  );
  const cjs = runApp("app-cjs.cjs");
  check(
    cjs.cjs !== undefined && scenario(cjs.cjs),
    `CJS require of ${entries.length} entry points, a priced booking ${JSON.stringify(cjs)}`,
  );
  const mixed = runApp("app-mixed.mjs").mixed ?? {};
  check(
    mixed.code === "VALIDATION_FAILED" &&
      mixed.cjsErrorIsEsmLinliError &&
      mixed.esmIsLinliError &&
      mixed.esmErrorIsCjsLinliError &&
      mixed.cjsIsLinliError,
    `ESM and CJS mixed: one LinliError to both copies ${JSON.stringify(mixed)}`,
  );
  const zod3 = runApp("app-zod3.mjs").zod3 ?? {};
  check(
    zod3.refused === true && /zod 4/.test(zod3.messages?.en ?? ""),
    `zod 3 schemas refused clearly ${JSON.stringify(zod3)}`,
  );

  // 4. tsc --strict against the installed declaration files, node16 and bundler resolution.
  copyFileSync(join(consumer, "consumer.mts"), join(app, "consumer.mts"));
  copyFileSync(join(consumer, "consumer-cjs.cts"), join(app, "consumer-cjs.cts"));
  const base = { target: "ES2022", strict: true, noEmit: true, skipLibCheck: false, types: ["node"] };
  writeJson(join(app, "tsconfig.node16.json"), {
    compilerOptions: { ...base, module: "node16", moduleResolution: "node16" },
    files: ["consumer.mts", "consumer-cjs.cts"],
  });
  writeJson(join(app, "tsconfig.bundler.json"), {
    compilerOptions: { ...base, module: "preserve", moduleResolution: "bundler" },
    files: ["consumer.mts"],
  });
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  for (const config of ["tsconfig.node16.json", "tsconfig.bundler.json"]) {
    const r = spawnSync(process.execPath, [tsc, "-p", config], { cwd: app, encoding: "utf8" });
    const name = basename(config, ".json").slice(9);
    check(r.status === 0, `tsc --strict (${name} resolution)${r.status === 0 ? "" : `\n${r.stdout}`}`);
  }

  // 5. An app that depends on zod 3: npm refuses the install, naming linli's peer zod ^4.
  const old = join(work, "app-zod3");
  execFileSync("mkdir", ["-p", old]);
  writeJson(join(old, "package.json"), {
    name: "scratch-zod3",
    private: true,
    dependencies: { "@linli/core": fileDeps["@linli/core"], zod: "^3.25.0" },
  });
  const refused = npmInstall(old);
  const output = `${refused.stdout}${refused.stderr}`;
  check(
    refused.status !== 0 && output.includes("ERESOLVE") && output.includes('peer zod@"^4"'),
    `npm refuses @linli/core next to zod 3 (ERESOLVE, peer zod@"^4")${refused.status === 0 ? " (it installed)" : ""}`,
  );

  // 6. The same app forcing the install (`--legacy-peer-deps`): loading linli, as ESM and as
  // CJS, fails with ZOD_VERSION_UNSUPPORTED in both languages, not a TypeError from inside zod.
  const forced = spawnSync(
    "npm",
    ["install", "--legacy-peer-deps", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund"],
    { cwd: old, encoding: "utf8" },
  );
  check(
    forced.status === 0,
    `npm install --legacy-peer-deps next to zod 3${forced.status === 0 ? "" : `\n${forced.stderr}`}`,
  );
  const report = `const r = (e) => console.log(JSON.stringify({ code: e?.code, en: e?.messages?.en, zh: e?.messages?.["zh-CN"] }));`;
  for (const [format, file, source] of [
    ["ESM", "load.mjs", `${report}\nimport("@linli/core").then(() => r(undefined), r);\n`],
    ["CJS", "load.cjs", `${report}\ntry { require("@linli/core"); r(undefined); } catch (e) { r(e); }\n`],
  ]) {
    writeFileSync(join(old, file), source);
    const run = spawnSync(process.execPath, [file], { cwd: old, encoding: "utf8" });
    const seen = JSON.parse(run.stdout.trim().split("\n").at(-1) || "{}");
    check(
      seen.code === "ZOD_VERSION_UNSUPPORTED" && /zod 4/.test(seen.en ?? "") && /zod 4/.test(seen.zh ?? ""),
      `${format} load next to a forced zod 3 says ZOD_VERSION_UNSUPPORTED in en and zh-CN ${JSON.stringify(seen)}`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`check-tarballs: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log("check-tarballs: every check passed");
