import { defineConfig } from "tsup";
import base from "../../tsup.config.base";

// A second entry: the event definitions, importable without volunteers's runtime.
export default defineConfig({ ...base, entry: ["src/index.ts", "src/events.ts"] });
