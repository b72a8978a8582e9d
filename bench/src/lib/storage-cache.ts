import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
/** Where slow-to-build bench data is kept between runs (ignored by git). */
export const dataDir = join(root, "bench/.data");

/**
 * The sources whose change makes a cached database stale: the SQLite adapter (its tables and
 * encoding), the models, and the generators. A hash of them names each cached file, so a
 * branch that changes the layout rebuilds its data instead of reading an old layout.
 */
const SOURCES = [
  "packages/storage-sqlite/src",
  "packages/core/src/kernel-models.ts",
  "packages/core/src/interval-spans.ts",
  "packages/booking/src/booking-models.ts",
  "bench/src/lib/fixture.ts",
  "bench/src/lib/seed.ts",
  "bench/src/lib/raw-booking.ts",
];

function sourceHash(extra: readonly string[] = []): string {
  const hash = createHash("sha256");
  const add = (path: string) => {
    const full = join(root, path);
    if (!existsSync(full)) return;
    if (full.endsWith(".ts")) {
      hash.update(path).update(readFileSync(full));
      return;
    }
    for (const name of readdirSync(full).sort()) if (!name.includes(".test.")) add(join(path, name));
  };
  for (const s of [...SOURCES, ...extra]) add(s);
  return hash.digest("hex").slice(0, 12);
}

const scratch = mkdtempSync(join(tmpdir(), "linli-bench-"));
process.once("exit", () => rmSync(scratch, { recursive: true, force: true }));

/**
 * A fresh copy (in a temporary folder, deleted at exit) of the SQLite database `name`,
 * built once by `build(filename)` into `bench/.data/` and reused while the sources it
 * depends on are unchanged. Each call gives its own copy: benches never see each other's writes.
 */
export async function cachedSqlite(
  name: string,
  build: (filename: string) => Promise<void>,
  /** Further sources (paths from the repository root) this data depends on. @default [] */
  extraSources: readonly string[] = [],
): Promise<string> {
  mkdirSync(dataDir, { recursive: true });
  const cached = join(dataDir, `${name}-${sourceHash(extraSources)}.db`);
  if (!existsSync(cached)) {
    // Stale builds of the same data (another layout or generator) go first.
    for (const old of readdirSync(dataDir))
      if (old.startsWith(`${name}-`)) rmSync(join(dataDir, old), { force: true });
    const partial = `${cached}.building`;
    for (const suffix of ["", "-wal", "-shm"]) rmSync(partial + suffix, { force: true });
    const started = Date.now();
    await build(partial);
    for (const suffix of ["-wal", "-shm"])
      if (existsSync(partial + suffix))
        throw new Error(`${name}: close the database before the cache takes it`);
    renameSync(partial, cached);
    console.error(`built ${cached} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const copy = join(mkdtempSync(join(scratch, `${name}-`)), `${name}.db`);
  copyFileSync(cached, copy);
  return copy;
}

/** A path in the run's temporary folder (deleted at exit). */
export function scratchFile(name: string): string {
  return join(mkdtempSync(join(scratch, `${name}-`)), name);
}
