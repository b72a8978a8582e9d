// `npm run docs` step: writes the configuration reference (docs/configuration-reference.md) and
// the JSON Schema published with @linli/presets (packages/presets/linli.schema.json), both
// generated from the zod schemas that validate configs (see config-reference-doc.ts). Both are
// committed; examples/config-reference.test.ts fails when they are stale.
import { writeFileSync } from "node:fs";
import { configReference, JSON_SCHEMA_PATH, REFERENCE_PATH } from "./config-reference-doc";

const root = new URL("../", import.meta.url);
const { markdown, schema, undescribed } = configReference(root);
writeFileSync(new URL(REFERENCE_PATH, root), markdown);
writeFileSync(new URL(JSON_SCHEMA_PATH, root), schema);
console.log(
  `config reference: ${markdown.split("\n").length} lines in ${REFERENCE_PATH}, JSON Schema in ${JSON_SCHEMA_PATH}` +
    (undescribed.length ? `; ${undescribed.length} fields without a description` : ""),
);
