import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests run on sources, never on builds: each @linli/* entry point (the package and its
// subpaths) resolves to the source file its `@linli/source` export condition names.
const packagesDir = fileURLToPath(new URL("./packages/", import.meta.url));
const alias = readdirSync(packagesDir)
  .filter((name) => existsSync(`${packagesDir}${name}/package.json`))
  .flatMap((name) => {
    const pkg = JSON.parse(readFileSync(`${packagesDir}${name}/package.json`, "utf8"));
    const exports: Record<string, Record<string, unknown>> = pkg.exports ?? {};
    return Object.entries(exports).flatMap(([subpath, target]) => {
      const source = target["@linli/source"];
      if (typeof source !== "string") return [];
      return [
        {
          find: new RegExp(`^@linli/${name}${subpath === "." ? "" : subpath.slice(1)}$`),
          replacement: `${packagesDir}${name}/${source.slice(2)}`,
        },
      ];
    });
  });

export default defineConfig({
  resolve: { alias },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "examples/**/*.test.ts",
      "bench/src/**/*.test.ts",
    ],
    typecheck: {
      enabled: true,
      include: ["packages/*/src/**/*.test-d.ts", "packages/*/test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
