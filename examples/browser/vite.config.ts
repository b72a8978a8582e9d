import { defaultClientConditions, defineConfig } from "vite";

// `@linli/source` resolves every @linli/* import to its TypeScript source: no package build needed.
export default defineConfig({
  root: import.meta.dirname,
  resolve: { conditions: ["@linli/source", ...defaultClientConditions] },
  build: { target: "es2022" },
});
