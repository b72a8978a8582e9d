// Compiled by `npm run check:packages` against the BUILT packages (dist/*.d.ts), the way an
// app that installed them from npm sees them: no source condition, NodeNext resolution.
import { bookingEvents } from "@linli/booking/events";
import {
  createCommunity,
  defineQuery,
  definePlugin,
  subscribe,
  type Community,
  isLinliError,
  type LinliError,
  money,
  formatMoney,
} from "@linli/core";
import { matchesWhere } from "@linli/core/adapter";
import { memoryStorage } from "@linli/storage-memory";
import { storageTests } from "@linli/storage-testkit";
import { z } from "zod";

const greeter = () =>
  definePlugin({
    id: "greeter",
    optional: ["booking"],
    config: z.object({ greeting: z.string().default("你好") }).prefault({}),
    on: [subscribe(bookingEvents.BookingConfirmed, (_cx, event) => void event.payload.bookingId)],
    api: (ctx) =>
      ctx.commands({
        hello: defineQuery({
          subject: "none",
          input: z.object({ to: z.string().min(1) }),
          run: async (cx, { to }) => `${cx.options.greeting}, ${to}`,
        }),
      }),
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
  const bound: string = await community.as({ kind: "system", id: "s" }).greeter.hello({ to: "邻居" });
  const matches: boolean = matchesWhere({ a: 1 }, [{ field: "a", value: 1 }]);
  return `${text} ${bound} ${matches} ${formatMoney(money(100, "CNY"))} ${storageTests.length}`;
}
