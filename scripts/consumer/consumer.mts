// Compiled by `npm run check:packages` against the BUILT packages (dist/*.d.ts), the way an
// app that installed them from npm sees them: no source condition, NodeNext resolution.
import {
  createCommunity,
  definePlugin,
  defineQuery,
  type Community,
  isLinliError,
  type LinliError,
  money,
  formatMoney,
} from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { storageTests } from "@linli/storage-testkit";
import { z } from "zod";

const hello = defineQuery({
  input: z.object({ to: z.string() }),
  run: async (_cx, { to }) => `你好, ${to}`,
});

const greeter = () =>
  definePlugin({
    id: "greeter" as const,
    api: (ctx) => ctx.commands({ hello }),
  });

export async function consumer(): Promise<string> {
  const community = await createCommunity({
    config: {
      community: {
        id: "c",
        name: { "zh-CN": "社区", en: "Community" },
        timeZone: "Asia/Shanghai",
        currency: "CNY",
      },
    },
    storage: memoryStorage(),
    plugins: [greeter()],
  });
  const typed: Community<[ReturnType<typeof greeter>]> = community;
  const text: string = await typed.greeter.hello({ actor: { kind: "system", id: "s" }, to: "邻居" });
  const err: LinliError | undefined = undefined;
  void err;
  try {
    await typed.greeter.hello({ actor: { kind: "system", id: "s" }, to: "" });
  } catch (error) {
    if (!isLinliError(error, "VALIDATION_FAILED")) throw error;
    const code: "VALIDATION_FAILED" = error.code;
    void code;
  }
  return `${text} ${formatMoney(money(100, "CNY"))} ${storageTests.length}`;
}
