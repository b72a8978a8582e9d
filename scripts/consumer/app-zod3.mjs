// An app whose own schemas are zod 3 (the `zod/v3` API, as in a codebase midway through its
// migration): linli refuses them with a clear error instead of failing inside zod.
import { defineModel, isLinliError } from "@linli/core";
import * as z3 from "zod/v3";

try {
  defineModel("legacy_note", { text: z3.string() });
  console.log(JSON.stringify({ zod3: { refused: false } }));
} catch (error) {
  console.log(
    JSON.stringify({
      zod3: {
        refused: isLinliError(error, "ZOD_VERSION_UNSUPPORTED"),
        messages: error.messages ?? String(error),
      },
    }),
  );
}
