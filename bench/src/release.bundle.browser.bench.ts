import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { type BuildOptions, build } from "esbuild";
import { emit } from "./report";

/** The target of the release issue: core + booking + pricing + memory under 60 kB gzip. */
const TARGET_KB = 60;

/** What a browser app imports: everything of the four packages (nothing left to tree-shake by use). */
const ENTRY = `export * from "@linli/core";
export * from "@linli/booking";
export * from "@linli/pricing";
export * from "@linli/storage-memory";
`;

const repo = fileURLToPath(new URL("../../", import.meta.url));
const kB = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Which package an input file of the bundle belongs to (`zod`, `core`, `booking`, …). */
function owner(path: string): string {
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (dep?.[1]) return dep[1];
  return /packages\/([^/]+)\//.exec(path)?.[1] ?? path;
}

/**
 * `release.bundle.browser`: the gzip size of a minified ESM browser bundle (esbuild, the
 * `@linli/source` condition, so no build is needed) of `@linli/core`, `@linli/booking`,
 * `@linli/pricing` and `@linli/storage-memory` with zod, every export kept. Before it reports,
 * the bundle is imported and must export the four packages' entry points.
 *
 * There is no simpler alternative to race, so the baseline is the issue's target (60 kB):
 * `ratio` = target / our size, above 1 when the target is met. The minified size per package
 * says what dominates; `withoutZodGzipKB` is the gzip size of the same bundle with zod left
 * out (external): what linli's own code weighs, a floor no change of zod can go under.
 */
export default async function releaseBundleBrowser(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "linli-bench-bundle-"));
  try {
    const entry = join(dir, "entry.ts");
    writeFileSync(entry, ENTRY);
    const options: BuildOptions & { write: false; metafile: true } = {
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      conditions: ["@linli/source"],
      nodePaths: [join(repo, "node_modules")],
      write: false,
      metafile: true,
      logLevel: "error",
    };
    const result = await build(options);
    // The same bundle with zod left out: what linli's own code weighs, whatever zod costs.
    const ownOnly = await build({ ...options, metafile: false, external: ["zod", "zod/*"] });
    const code = result.outputFiles[0]?.contents;
    if (!code) throw new Error("esbuild wrote no bundle");
    const file = join(dir, "bundle.mjs");
    writeFileSync(file, code);
    const loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const missing = ["createCommunity", "bookingPlugin", "pricingPlugin", "memoryStorage"].filter(
      (name) => typeof loaded[name] !== "function",
    );
    const perPackage: Record<string, number> = {};
    for (const output of Object.values(result.metafile.outputs)) {
      for (const [path, input] of Object.entries(output.inputs)) {
        if (input.bytesInOutput === 0) continue;
        const name = owner(path);
        perPackage[name] = (perPackage[name] ?? 0) + input.bytesInOutput;
      }
    }
    const gzip = kB(gzipSync(code, { level: 9 }).length);
    const own = ownOnly.outputFiles[0]?.contents;
    if (!own) throw new Error("esbuild wrote no bundle without zod");
    const ownGzip = kB(gzipSync(own, { level: 9 }).length);
    const params = { bundler: "esbuild", format: "esm", platform: "browser", minify: true, gzipLevel: 9 };
    if (missing.length > 0) {
      emit({
        id: "release.bundle.browser",
        unit: "kB",
        better: "lower",
        params,
        error: `missing ${missing}`,
      });
      return;
    }
    emit({
      id: "release.bundle.browser",
      value: gzip,
      unit: "kB",
      better: "lower",
      baseline: { name: "target-60kB", value: TARGET_KB },
      ratio: Math.round((TARGET_KB / gzip) * 1000) / 1000,
      params,
      samples: 1,
      minifiedKB: kB(code.length),
      withoutZodGzipKB: ownGzip,
      minifiedKBPerPackage: Object.fromEntries(
        Object.entries(perPackage)
          .sort((a, b) => b[1] - a[1])
          .map(([name, bytes]) => [name, kB(bytes)]),
      ),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
