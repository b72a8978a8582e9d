// `npm run demo`: the Wangjialong community for a simulated month on embedded SQLite.
// Runs `linli simulate` from source (no build needed on a fresh clone after `npm ci`): the
// 30-day simulation of the `wangjialong` preset with 5,800 residents, its summary on the
// terminal, the SQLite file and the HTML report in `.demo/` (ignored by git). Each run starts
// from a fresh database: the previous run's `.demo/wangjialong.sqlite` is replaced.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, ".demo");
mkdirSync(out, { recursive: true });
const db = join(out, "wangjialong.sqlite");
for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
const report = join(out, "wangjialong-report.html");

const args = [
  "--conditions=@linli/source",
  "--import",
  "tsx",
  join(root, "packages/cli/src/bin.ts"),
  "simulate",
  "--preset",
  "wangjialong",
  "--days",
  "30",
  "--seed",
  "7",
  "--db",
  db,
  "--report",
  report,
  ...process.argv.slice(2),
];
const run = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
if (run.error) throw run.error;
process.exitCode = run.status ?? 1;
