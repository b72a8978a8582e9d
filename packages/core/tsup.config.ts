import { defineConfig } from "tsup";
import base from "../../tsup.config.base";

// A second entry: the helpers of storage adapter authors (`@linli/core/adapter`).
export default defineConfig({ ...base, entry: ["src/index.ts", "src/adapter.ts"] });
