// `npm run release -- --dry-run`: packs every publishable package into .release/ (after
// `npm run build`) and checks each tarball (LICENSE, README.md, every `exports` target); nothing
// is published. Without `--dry-run`: the same checks, then `changeset publish` (npm publish of
// every package whose version is not on the registry yet; run `npm run version-packages` first).
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { packAll, root } from "./pack-packages.mjs";

const dryRun = process.argv.includes("--dry-run");
const destination = join(root, ".release");
rmSync(destination, { recursive: true, force: true });
const packed = packAll(destination);
let failed = false;
for (const p of packed) {
  if (p.problems.length > 0) failed = true;
  console.log(
    `${p.problems.length === 0 ? "ok  " : "FAIL"} ${p.name}@${p.version}  ${p.files.size} files  ${p.tarball.slice(root.length)}`,
  );
  for (const problem of p.problems) console.error(`     ${problem}`);
}
if (failed) {
  console.error("release: some tarballs are incomplete (did you run `npm run build`?)");
  process.exit(1);
}
if (dryRun) {
  console.log(`release --dry-run: ${packed.length} tarballs in .release/, nothing published`);
} else {
  execFileSync("npx", ["--no-install", "changeset", "publish"], { cwd: root, stdio: "inherit" });
}
