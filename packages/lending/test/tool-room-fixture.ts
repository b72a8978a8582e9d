import {
  type AnyPlugin,
  type CommunityConfigInput,
  createCommunity,
  manualClock,
  sequentialIds,
  type StorageAdapter,
} from "@linli/core";
import { type LendingConfigInput, lendingPlugin } from "@linli/lending";
import { memoryStorage } from "@linli/storage-memory";

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });
const hours = [
  { from: "09:00", to: "12:00" },
  { from: "14:00", to: "18:00" },
];

/** The tool room's section: open Tuesday to Sunday, closed on Mondays and over National Day. */
export function toolRoomOptions(overrides: Partial<LendingConfigInput> = {}): LendingConfigInput {
  return {
    openingHours: { tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours },
    closures: [{ from: "2026-10-01", to: "2026-10-07", reason: text("国庆节", "National Day") }],
    categories: [
      { id: "hand-tools", name: text("手动工具", "Hand tools") },
      { id: "power-tools", name: text("电动工具", "Power tools"), loanDays: 3, maxRenewals: 1 },
      { id: "ladders", name: text("梯子", "Ladders") },
      { id: "garden", name: text("园艺工具", "Garden tools") },
    ],
    loanDays: 7,
    holds: { pickupHours: 48, maxPerResident: 3 },
    policies: [
      { id: "five-at-once", kind: "max-loans", max: 5 },
      { id: "one-power-tool", kind: "max-loans", max: 1, categories: ["power-tools"] },
      { id: "overdue-blocks", kind: "no-loans-while-overdue" },
      { id: "power-tool-training", kind: "training-required" },
      { id: "agreement", kind: "borrower-agreement", version: "2026-1" },
    ],
    ...overrides,
  };
}

/** Wangjialong with the tool room. */
export function toolRoomConfig(
  overrides: Partial<LendingConfigInput> = {},
): CommunityConfigInput<readonly [ReturnType<typeof lendingPlugin>]> {
  return {
    // Every non-resident actor is declared: linli verifies actor ids.
    members: [
      { id: "desk-1", kind: "staff" },
      { id: "scheduler", kind: "system" },
      { id: "admin-1", kind: "admin" },
      { id: "li-shifu", kind: "volunteer" },
    ],
    community: {
      id: "wangjialong",
      name: text("王家垅社区", "Wangjialong Community"),
      timeZone: "Asia/Shanghai",
      currency: "CNY",
    },
    groups: [
      {
        id: "power-tool-trained",
        name: text("电动工具培训合格", "Power tool training passed"),
        sensitive: false,
      },
    ],
    places: [{ id: "gatehouse", kind: "building", name: text("门房工具房", "Gatehouse tool room") }],
    resources: [{ id: "tool-room", kind: "space", name: text("共享工具房", "Shared tool room") }],
    lending: toolRoomOptions(overrides),
  };
}

/** The desk clerk. */
export const desk = { kind: "staff", id: "desk-1" } as const;
/** A volunteer on duty at the tool room. */
export const volunteer = { kind: "volunteer", id: "li-shifu" } as const;
/** The scheduler. */
export const system = { kind: "system", id: "scheduler" } as const;
/** A resident acting for themself. */
export const resident = (id: string) => ({ kind: "resident", id }) as const;
/** Local Shanghai wall time as an instant (UTC+8). */
export const cst = (local: string) => new Date(`${local}:00+08:00`);

/**
 * A running community with the tool room's catalog: 3 identical trowels, one ladder, one
 * cordless drill (power tool, training required), a hedge trimmer; residents who accepted the
 * agreement. Starts Tuesday 2026-09-22 10:00 in Shanghai.
 */
export async function toolRoom(
  options: {
    storage?: StorageAdapter;
    start?: string;
    residents?: readonly string[];
    overrides?: Partial<LendingConfigInput>;
    plugins?: readonly AnyPlugin[];
  } = {},
) {
  const clock = manualClock(options.start ?? "2026-09-22T02:00:00Z");
  const community = await createCommunity({
    config: toolRoomConfig(options.overrides),
    storage: options.storage ?? memoryStorage(),
    plugins: [lendingPlugin(), ...(options.plugins ?? [])] as [ReturnType<typeof lendingPlugin>],
    clock,
    ids: sequentialIds(),
  });
  const agreement = (options.overrides?.policies ?? toolRoomOptions().policies ?? []).some(
    (p) => p.kind === "borrower-agreement",
  );
  const residents = options.residents ?? ["wang", "li", "zhang", "zhao"];
  for (const id of residents) {
    await community.residents.register({ actor: desk, id, name: id });
    if (agreement) await community.lending.acceptAgreement({ actor: resident(id), version: "2026-1" });
  }
  const lend = community.lending;
  const ids: Record<string, string> = {};
  const add = async (itemTypeId: string, codes: string[]) => {
    const units = codes.map((code) => ({ code, location: "gatehouse" }));
    for (const u of await lend.catalog.addUnits({ actor: desk, itemTypeId, units })) ids[u.code] = u.id;
  };
  await lend.catalog.addType({
    actor: desk,
    id: "trowel",
    category: "garden",
    nameZh: "小铲子",
    nameEn: "Trowel",
    tags: ["garden", "hand"],
  });
  await add("trowel", ["T-1", "T-2", "T-3"]);
  await lend.catalog.addType({
    actor: desk,
    id: "ladder",
    tracking: "numbered",
    category: "ladders",
    nameZh: "人字梯",
    nameEn: "Step ladder",
  });
  await add("ladder", ["L-1"]);
  await lend.catalog.addType({
    actor: desk,
    id: "cordless-drill",
    tracking: "numbered",
    category: "power-tools",
    nameZh: "充电钻",
    nameEn: "Cordless drill",
    tags: ["power"],
    trainingGroup: "power-tool-trained",
    safetyNotes: "戴护目镜 / Wear goggles",
  });
  await add("cordless-drill", ["D-1"]);
  await lend.catalog.addType({
    actor: desk,
    id: "hedge-trimmer",
    category: "garden",
    nameZh: "绿篱剪",
    nameEn: "Hedge trimmer",
  });
  await add("hedge-trimmer", ["H-1"]);
  /** The id of the unit with this code. */
  const item = (code: string): string => {
    const id = ids[code];
    if (id === undefined) throw new Error(`no unit ${code}`);
    return id;
  };
  return { community, clock, lend, item };
}
