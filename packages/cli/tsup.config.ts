import { defineConfig } from "tsup";
import base from "../../tsup.config.base";

// The library entry and the `linli` command (package.json "bin": ./dist/bin.js).
export default defineConfig({ ...base, entry: ["src/index.ts", "src/bin.ts"] });
