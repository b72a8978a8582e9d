// The CommonJS view of the same packages.
import core = require("@linli/core");
import memory = require("@linli/storage-memory");

export const made: Promise<unknown> = core.createCommunity({
  config: {
    community: {
      id: "c",
      name: { "zh-CN": "社区", en: "Community" },
      timeZone: "Asia/Shanghai",
      currency: "CNY",
    },
  },
  storage: memory.memoryStorage(),
});

export function isKernelError(error: unknown): string | undefined {
  return error instanceof core.LinliError ? error.code : undefined;
}
