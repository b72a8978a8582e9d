// Packs every publishable package (`npm pack`, after `npm run build`) into one folder and checks
// each tarball as npm would publish it: a LICENSE, a README.md, package.json, and every file its
// `exports` point at. Used by `npm run release` and scripts/check-tarballs.mjs.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The repository root. */
export const root = new URL("..", import.meta.url).pathname;

/** Every publishable (not private) package: its folder and package.json. */
export function publicPackages() {
  return readdirSync(join(root, "packages"))
    .map((name) => join(root, "packages", name))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
    .filter(({ pkg }) => !pkg.private);
}

function targets(node) {
  if (typeof node === "string") return [node];
  return Object.values(node ?? {}).flatMap(targets);
}

/**
 * Packs every publishable package into `destination` and returns, per package, its name, the
 * tarball's path and the problems found in it (empty when it is complete).
 */
export function packAll(destination) {
  mkdirSync(destination, { recursive: true });
  return publicPackages().map(({ dir, pkg }) => {
    const [packed] = JSON.parse(
      execFileSync("npm", ["pack", "--json", "--pack-destination", destination], {
        cwd: dir,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      }),
    );
    const files = new Set(packed.files.map((f) => f.path));
    const required = ["LICENSE", "README.md", "package.json"];
    const exported = targets(pkg.exports)
      .filter((t) => t.startsWith("./dist/"))
      .map((t) => t.slice(2));
    const bins = Object.values(typeof pkg.bin === "string" ? { bin: pkg.bin } : (pkg.bin ?? {})).map((b) =>
      b.replace(/^\.\//, ""),
    );
    const problems = [...required, ...exported, ...bins]
      .filter((path) => !files.has(path))
      .map((path) => `${path} is not in the tarball`);
    return {
      name: pkg.name,
      version: pkg.version,
      tarball: join(destination, packed.filename),
      files,
      problems,
    };
  });
}
