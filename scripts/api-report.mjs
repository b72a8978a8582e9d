// The public API report of every publishable package, made by API Extractor from the BUILT
// declaration files (run `npm run build` first), so that any change of the public surface shows in
// review as the diff of a committed file.
//
//   node scripts/api-report.mjs            check (`npm run api:check`, run by check:packages):
//                                          exit 1 when a report is missing, differs or is stale
//   node scripts/api-report.mjs --update   rewrite the reports (`npm run api:update`), then commit them
//
// What is reported: for every package that is not private, every entry of its `exports` map that has
// types (".", "./events", "./adapter"...), as an ESM consumer sees it: the `types` reached through the
// `import` condition, i.e. dist/<entry>.d.ts. The report goes to packages/<pkg>/api/:
//   "."        -> <unscoped name>.api.md             packages/core/api/core.api.md
//   "./events" -> <unscoped name>-events.api.md      packages/booking/api/booking-events.api.md
//   "./a/b"    -> <unscoped name>-a-b.api.md
// A report file there whose entry left the `exports` map is stale: the check fails, --update deletes it.
//
// The API Extractor configuration is generated here, in memory, for each entry (ExtractorConfig.prepare
// on a config object: no api-extractor.json, tsconfig.json or tsdoc.json on disk). Only the report is
// produced: no .d.ts rollup, no doc model, no tsdoc-metadata.json. The .d.ts are compiled as a consumer
// would (NodeNext, @types/node, the TypeScript lib files of the project's own TypeScript) and external
// packages (zod, pg, @linli/core for booking...) are resolved from node_modules, never inlined
// (bundledPackages is empty); the @linli packages resolve to each other's built dist/*.d.ts.
// One TypeScript program per package (shared by its entries): a program holding several packages
// would merge their `declare module "@linli/core"` augmentations (LinliErrorCodes) into core's report,
// which API Extractor cannot analyse.
// New reports in check mode are written to .tmp/api-report/<pkg>/ (git-ignored).
//
// Messages, tuned so that the report is stable and readable, and what was silenced:
// - ae-missing-release-tag: off. We do not use release tags (@public/@beta/@alpha/@internal); every
//   declaration is public and the report marks it `// @public`.
// - ae-forgotten-export: a warning written INTO the report, not printed, not failing: it names the
//   types that are reachable from the public surface but not exported (and, with
//   includeForgottenExports, the report shows their declarations, so that a change to them shows too).
// - TSDoc syntax messages (tsdoc-*): off. Our comments are written for TypeDoc (`@default`, `@module`,
//   unescaped `>` in prose...), which TSDoc's strict grammar flags; the comments are not part of the
//   report, and `npm run docs` (TypeDoc, warnings as errors) is what checks them.
// - ae-unresolved-link: off. A `{@link}` to something the entry does not export is a documentation
//   problem that TypeDoc already reports; it must not fail the API check.
// - ae-undocumented: off (API Extractor's default); undocumented declarations are marked
//   `(undocumented)` in the report.
// Everything else keeps API Extractor's default level and fails the run, in both modes: the other
// ae-* analyser messages and TypeScript errors (with skipLibCheck: declaration files are not
// type-checked, which scripts/consumer does with the project's TypeScript; this keeps the check fast).
// Note: API Extractor (7.60) analyses with its own bundled TypeScript (6.0), not the project's 5.9.
// Known limit: a package's `declare module "@linli/core"` augmentation (its LinliErrorCodes) is not
// part of its report; its error catalog (e.g. bookingErrors), from which the codes come, is.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";

const require = createRequire(import.meta.url);
const {
  CompilerState,
  ConsoleMessageId,
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
  ExtractorMessageCategory,
} = require("@microsoft/api-extractor");

const root = new URL("..", import.meta.url).pathname;
const update = process.argv.includes("--update");
const tempRoot = join(root, ".tmp", "api-report");
const typescriptFolder = dirname(require.resolve("typescript/package.json"));
const rel = (path) => relative(root, path);

/** The `types` file an ESM consumer of one `exports` value gets (Node's resolution), or undefined. */
function esmTypes(node) {
  if (typeof node === "string") return /\.d\.ts$/.test(node) ? node : undefined;
  if (node === null || typeof node !== "object") return undefined;
  for (const [condition, value] of Object.entries(node)) {
    if (!["types", "import", "node", "default"].includes(condition)) continue;
    const found = esmTypes(value);
    if (found !== undefined) return found;
  }
  return undefined;
}

let failed = false;
function fail(text) {
  failed = true;
  console.error(text);
}

// Every publishable package and its typed entries.
const packages = [];
for (const name of readdirSync(join(root, "packages")).sort()) {
  const dir = join(root, "packages", name);
  if (!existsSync(join(dir, "package.json"))) continue;
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  if (pkg.private) continue;
  const unscoped = pkg.name.replace(/^@[^/]+\//, "");
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const types = esmTypes(target);
    if (types === undefined) continue;
    const label = subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    if (subpath.includes("*")) {
      fail(`${label}: subpath patterns cannot be reported; list the entries in "exports"`);
      continue;
    }
    const report = `${subpath === "." ? unscoped : `${unscoped}-${subpath.slice(2).replaceAll("/", "-")}`}.api.md`;
    entries.push({ label, dts: join(dir, types), report });
  }
  packages.push({ dir, pkg, unscoped, apiDir: join(dir, "api"), entries });
}

const notBuilt = packages.flatMap((p) => p.entries).filter((e) => !existsSync(e.dts));
if (notBuilt.length > 0) {
  for (const e of notBuilt) console.error(`${e.label}: ${rel(e.dts)} was not built`);
  console.error("api-report: run `npm run build` first");
  process.exit(1);
}

function configFor(p, entry) {
  return ExtractorConfig.prepare({
    configObjectFullPath: undefined,
    packageJsonFullPath: join(p.dir, "package.json"),
    packageJson: p.pkg,
    configObject: {
      projectFolder: p.dir,
      mainEntryPointFilePath: entry.dts,
      bundledPackages: [],
      newlineKind: "lf",
      enumMemberOrder: "preserve",
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: "ES2022",
            lib: ["ES2023"],
            module: "NodeNext",
            moduleResolution: "NodeNext",
            strict: true,
            skipLibCheck: true,
            noEmit: true,
            types: ["node"],
          },
          files: p.entries.map((e) => e.dts),
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: entry.report,
        reportFolder: p.apiDir,
        reportTempFolder: join(tempRoot, p.unscoped),
        includeForgottenExports: true,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: "warning" } },
        extractorMessageReporting: {
          default: { logLevel: "warning" },
          "ae-missing-release-tag": { logLevel: "none" },
          "ae-forgotten-export": { logLevel: "warning", addToApiReportFile: true },
          "ae-unresolved-link": { logLevel: "none" },
          "ae-undocumented": { logLevel: "none" },
        },
        tsdocMessageReporting: { default: { logLevel: "none" } },
      },
    },
  });
}

const started = performance.now();
const changed = [];
let reports = 0;
for (const p of packages) {
  const expected = new Set(p.entries.map((e) => e.report));
  for (const file of existsSync(p.apiDir) ? readdirSync(p.apiDir) : []) {
    if (!file.endsWith(".api.md") || expected.has(file)) continue;
    if (update) {
      rmSync(join(p.apiDir, file));
      console.log(
        `${p.pkg.name}: removed ${rel(join(p.apiDir, file))}: no such entry in its exports any more`,
      );
    } else {
      fail(`${p.pkg.name}: ${rel(join(p.apiDir, file))} reports an entry that is no longer in its exports`);
      changed.push(rel(join(p.apiDir, file)));
    }
  }
  if (update) mkdirSync(p.apiDir, { recursive: true });
  let compilerState;
  for (const entry of p.entries) {
    const config = configFor(p, entry);
    compilerState ??= CompilerState.create(config, { typescriptCompilerFolder: typescriptFolder });
    const committed = join(p.apiDir, entry.report);
    const fresh = join(tempRoot, p.unscoped, entry.report);
    const existed = existsSync(committed);
    let diff = "";
    const problems = [];
    const result = Extractor.invoke(config, {
      compilerState,
      localBuild: update,
      typescriptCompilerFolder: typescriptFolder,
      printApiReportDiff: !update,
      messageCallback(message) {
        message.handled = true;
        if (message.messageId === ConsoleMessageId.ApiReportDiff) {
          // Name the two files from the repository root, as `git diff` would.
          diff = message.text
            .replace(/^Changes to the API report:\n\n(=+\n)?/, "")
            .replace(/^--- .*$/m, `--- ${rel(committed)} (committed)`)
            .replace(/^\+\+\+ .*$/m, `+++ ${rel(fresh)} (built)`);
          message.logLevel = ExtractorLogLevel.None; // counted below, as a changed report
        } else if (message.category === ExtractorMessageCategory.Console) {
          // Preamble, report written/copied/missing: replaced by the lines below.
          message.logLevel = ExtractorLogLevel.None;
        } else if (
          message.logLevel === ExtractorLogLevel.Error ||
          message.logLevel === ExtractorLogLevel.Warning
        ) {
          problems.push(`  ${message.logLevel}: ${message.formatMessageWithLocation(root)}`);
        }
      },
    });
    reports += 1;
    if (problems.length > 0) fail(`${entry.label}: API Extractor reported problems\n${problems.join("\n")}`);
    if (update) {
      if (!existed) console.log(`${entry.label}: created ${rel(committed)}`);
      else if (result.apiReportChanged) console.log(`${entry.label}: updated ${rel(committed)}`);
    } else if (!existed) {
      changed.push(rel(committed));
      fail(`${entry.label}: no API report ${rel(committed)}; the new one is ${rel(fresh)}`);
    } else if (result.apiReportChanged) {
      changed.push(rel(committed));
      fail(
        `${entry.label}: the public API differs from ${rel(committed)} (new report: ${rel(fresh)})\n${diff}`,
      );
    }
    if (!result.succeeded && problems.length === 0 && !result.apiReportChanged) {
      fail(
        `${entry.label}: API Extractor failed (${result.errorCount} errors, ${result.warningCount} warnings)`,
      );
    }
  }
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (update) {
  console.log(
    `api-report: ${reports} reports written in ${seconds}s${failed ? ", with the problems above" : ""}`,
  );
} else if (changed.length > 0) {
  console.error(
    `api-report: ${changed.length} API report(s) out of date: ${changed.join(", ")}.\n` +
      "If the change of the public API is intended, run `npm run build && npm run api:update` and commit packages/*/api/.",
  );
} else if (!failed) {
  console.log(`api-report: the ${reports} API reports are up to date (${seconds}s)`);
}
process.exit(failed ? 1 : 0);
