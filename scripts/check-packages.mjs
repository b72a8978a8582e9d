// Checks every publishable package the way a consumer would meet it, after `npm run build`:
// every `exports` target was built, publint --strict is clean, and attw finds no type
// resolution problem for ESM and CJS consumers, a consumer compiles against the built .d.ts, and
// the committed API reports (packages/*/api/*.api.md, see scripts/api-report.mjs) are up to date.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const packages = readdirSync(join(root, "packages")).filter((name) =>
  existsSync(join(root, "packages", name, "package.json")),
);
let failed = false;

function targets(node) {
  if (typeof node === "string") return [node];
  return Object.values(node ?? {}).flatMap(targets);
}

for (const name of packages) {
  const dir = join(root, "packages", name);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  if (pkg.private) continue;
  const missing = targets(pkg.exports).filter((t) => !existsSync(join(dir, t)));
  if (missing.length > 0) {
    failed = true;
    console.error(`${pkg.name}: exports point at files that were not built: ${missing.join(", ")}`);
  }
  for (const [cmd, args] of [
    ["publint", ["--strict", dir]],
    ["attw", ["--pack", dir, "--format", "table-flipped"]],
  ]) {
    try {
      execFileSync("npx", ["--no-install", cmd, ...args], { stdio: "pipe", cwd: root });
      console.log(`${pkg.name}: ${cmd} ok`);
    } catch (error) {
      failed = true;
      console.error(
        `${pkg.name}: ${cmd} failed\n${error.stdout?.toString() ?? ""}${error.stderr?.toString() ?? ""}`,
      );
    }
  }
}
// Type-check a consumer against the built declaration files (ESM and CJS views).
try {
  execFileSync("npx", ["--no-install", "tsc", "-p", join(root, "scripts/consumer/tsconfig.json")], {
    stdio: "pipe",
    cwd: root,
  });
  console.log("consumer: compiles against the built .d.ts (NodeNext, ESM and CJS)");
} catch (error) {
  failed = true;
  console.error(`consumer: does not compile against the built .d.ts\n${error.stdout?.toString() ?? ""}`);
}
// The public API of every entry against its committed report (npm run api:check).
try {
  const output = execFileSync(process.execPath, [join(root, "scripts/api-report.mjs")], {
    stdio: "pipe",
    cwd: root,
  });
  console.log(output.toString().trimEnd());
} catch (error) {
  failed = true;
  console.error(
    `api reports: out of date or failed\n${error.stdout?.toString() ?? ""}${error.stderr?.toString() ?? ""}`,
  );
}
process.exit(failed ? 1 : 0);
