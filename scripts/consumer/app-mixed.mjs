// An app mixing both formats (an ESM app using a CommonJS library that requires @linli/core):
// two copies of the kernel are loaded, and an error from either is a LinliError to both.
import { createRequire } from "node:module";
import * as esm from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { config } from "./app-scenario.cjs";

const cjs = createRequire(import.meta.url)("@linli/core");
const community = await cjs.createCommunity({ config, storage: memoryStorage() });
const error = await community.residents
  .register({ actor: { kind: "staff", id: "desk-1" }, name: "" })
  .catch((e) => e);
const esmError = new esm.LinliError("VALIDATION_FAILED", { "zh-CN": "无效", en: "Invalid" });
console.log(
  JSON.stringify({
    mixed: {
      twoCopies: cjs.LinliError !== esm.LinliError,
      code: error.code,
      cjsErrorIsEsmLinliError: error instanceof esm.LinliError,
      esmIsLinliError: esm.isLinliError(error, "VALIDATION_FAILED"),
      esmErrorIsCjsLinliError: esmError instanceof cjs.LinliError,
      cjsIsLinliError: cjs.isLinliError(esmError),
    },
  }),
);
await community.close();
