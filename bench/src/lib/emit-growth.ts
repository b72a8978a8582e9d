import {
  createCommunity,
  defineCommand,
  defineCommunityConfig,
  defineEvents,
  definePlugin,
  manualClock,
  type StorageAdapter,
} from "@linli/core";
import { z } from "zod";
import { compare } from "../report";
import { COMMUNITY, NOW, ZONE } from "./fixture";
import { seed } from "./seed";

/** The bench's tiny plugin: one staff command that emits one event and does nothing else. */
const pingEvents = defineEvents("benchping", { Pinged: z.object({ n: z.number().int() }) });
const ping = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ n: z.number().int() }),
  run: async (cx, { n }) => {
    await cx.emit(pingEvents.Pinged, { n });
    return { n };
  },
});
const pingPlugin = () =>
  definePlugin({ id: "benchping", events: pingEvents, api: (ctx) => ctx.commands({ ping }) });

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** A community with only the ping plugin on `storage`, holding `history` keyed events and idempotency records. */
export async function pingCommunity(storage: StorageAdapter, history: number) {
  const plugins = [pingPlugin()] as const;
  const community = await createCommunity({
    config: defineCommunityConfig(plugins, {
      members: [{ id: "desk", kind: "staff" }],
      community: {
        id: COMMUNITY,
        name: text("基准社区", "Bench community"),
        timeZone: ZONE,
        currency: "CNY",
      },
    }),
    storage,
    plugins,
    clock: manualClock(new Date(NOW).toISOString()),
  });
  await seed(storage, { keyedEvents: history });
  return community;
}

/**
 * `core.emit.growth.<adapter>`: an event-emitting no-op command, run with an idempotency key
 * (as an app retrying over a flaky network does), on a storage holding 100,000 events and
 * idempotency records against one holding none, same adapter, same run. `ratio` = time at
 * 0 / time at 100k (1.0: flat; target >= 0.67). What it times is the kernel's own per-command
 * work that could grow with history: the idempotency look-up and insert, the next outbox
 * sequence, the event insert.
 */
export async function emitGrowth(adapter: string, empty: StorageAdapter, full: StorageAdapter) {
  const side = async (storage: StorageAdapter, history: number, tag: string) => {
    const community = await pingCommunity(storage, history);
    let k = 0;
    return {
      community,
      run: async () => {
        const n = k++;
        const out = await community.benchping.ping({
          actor: { kind: "staff", id: "desk" },
          n,
          idempotencyKey: `${tag}-${n}`,
        });
        return out.n;
      },
    };
  };
  const at0 = await side(empty, 0, "empty");
  const at100k = await side(full, 100_000, "full");
  await compare({
    id: `core.emit.growth.${adapter}`,
    unit: "ms",
    params: { adapter, history: [0, 100_000], stored: "events and idempotency records" },
    ours: { name: "emit-at-100k-history", run: at100k.run },
    baseline: { name: "emit-at-empty-history", run: at0.run },
    extra: { targets: { ratio: 0.67 } },
  });
  await at0.community.close();
  await at100k.community.close();
}
