// The shared tool room of the domain brief (a disused gatehouse; tools bought by the community,
// later donated; lent to residents free of charge), checked against the preset's `lending`
// section and its seed inventory, and run at the desk with every plugin installed.
import { bookingPlugin } from "@linli/booking";
import { createCommunity, manualClock, sequentialIds } from "@linli/core";
import { inventoryRowSchema, lendingPlugin } from "@linli/lending";
import { pricingPlugin } from "@linli/pricing";
import { memoryStorage } from "@linli/storage-memory";
import { volunteersPlugin } from "@linli/volunteers";
import { describe, expect, test } from "vitest";
import {
  presetCopy,
  TOOL_ROOM_HOURS,
  TOOL_ROOM_TRAINING_GROUP,
  wangjialong,
  wangjialongToolInventory,
} from "./index";

const lending = wangjialong.lending;
const desk = { kind: "staff", id: "desk" } as const;

async function toolRoom() {
  const clock = manualClock("2026-06-02T02:00:00Z"); // Tuesday 10:00 in Changsha: open
  const community = await createCommunity({
    config: (() => {
      const config = presetCopy("wangjialong");
      // The preset declares its system accounts (volunteers' quoting account); add the desk.
      return { ...config, members: [...(config.members ?? []), { id: "desk", kind: "staff" as const }] };
    })(),
    storage: memoryStorage(),
    plugins: [bookingPlugin(), pricingPlugin(), volunteersPlugin(), lendingPlugin()],
    clock,
    ids: sequentialIds(),
  });
  await community.lending.catalog.importInventory({ actor: desk, rows: wangjialongToolInventory() });
  await community.residents.register({ actor: desk, id: "wang", name: "王秀英" });
  return { community, clock };
}

describe("the Wangjialong tool room as the domain brief describes it", () => {
  test("lent free: no fines, no loan priced, the tool room's price plan is free", () => {
    expect(lending?.fines).toEqual({ enabled: false });
    expect(lending?.charges).toBeUndefined();
    const plan = wangjialong.pricing?.plans?.find((p) => p.appliesTo.resources?.includes("tool-room"));
    expect(plan?.charge).toEqual({ kind: "free" });
  });

  test("due dates fall in the hours volunteers are on duty: the same hours as booking's tool-room rule", () => {
    const rule = wangjialong.booking?.rules?.find((r) => r.id === "tool-room-hours");
    expect(rule && "weekly" in rule ? rule.weekly : undefined).toEqual(TOOL_ROOM_HOURS);
    expect(lending?.openingHours).toEqual(TOOL_ROOM_HOURS);
    expect(TOOL_ROOM_HOURS.sat).toEqual([{ from: "09:00", to: "11:30" }]);
  });

  test("limits: three tools at once, nothing new while a loan is a day overdue, power tools after training", () => {
    expect(lending?.policies).toEqual([
      { id: "three-at-once", kind: "max-loans", max: 3 },
      { id: "overdue-blocks", kind: "no-loans-while-overdue", graceHours: 24 },
      { id: "power-tool-training", kind: "training-required", allowStaffApproval: true },
    ]);
    expect(wangjialong.groups?.map((g) => g.id)).toContain(TOOL_ROOM_TRAINING_GROUP);
  });

  test("the inventory: bought tools in the configured categories, unique codes, training on the dangerous ones", () => {
    const rows = wangjialongToolInventory().map((r) => inventoryRowSchema.parse(r));
    const categories = new Set(lending?.categories?.map((c) => c.id));
    expect(rows.every((r) => categories.has(r.category) && r.acquisition === "bought")).toBe(true);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.itemTypeId)).size).toBe(24);
    expect(rows).toHaveLength(46);
    expect([...new Set(rows.filter((r) => r.trainingGroup !== "").map((r) => r.itemTypeId))].sort()).toEqual([
      "angle-grinder",
      "impact-drill",
    ]);
    // A fresh copy each time: changing one does not change the next.
    wangjialongToolInventory()[0]!.code = "changed";
    expect(wangjialongToolInventory()[0]!.code).toBe("hammer-1");
  });

  test("at the desk: a drill lent free for three days, the angle grinder only after training, a fourth tool refused", async () => {
    const { community, clock } = await toolRoom();
    const lend = (itemTypeId: string) =>
      community.lending.checkOut({ actor: desk, residentId: "wang", items: [{ itemTypeId }] });
    const drill = await lend("cordless-drill");
    if (!drill.ok) throw new Error(JSON.stringify(drill.violations));
    // Tuesday 10:00 + 3 days = Friday 10:00, in the morning hours.
    expect(drill.loans[0]!.dueAt.toISOString()).toBe("2026-06-05T02:00:00.000Z");

    const grinder = await lend("angle-grinder");
    expect(grinder.ok).toBe(false);
    if (grinder.ok) return;
    expect(grinder.violations.map((v) => v.code)).toEqual(["TRAINING_REQUIRED"]);
    expect(grinder.violations[0]!.message["zh-CN"]).toContain("培训");
    await community.eligibility.grant({
      actor: desk,
      forResident: "wang",
      groupId: TOOL_ROOM_TRAINING_GROUP,
    });
    expect((await lend("angle-grinder")).ok).toBe(true);
    expect((await lend("hammer")).ok).toBe(true);
    const fourth = await lend("pliers");
    expect(fourth.ok ? [] : fourth.violations.map((v) => v.code)).toEqual(["LOAN_LIMIT"]);

    // Returned a week late: no fine, nothing on the ledger.
    clock.set(new Date("2026-06-12T02:00:00Z"));
    const [back] = await community.lending.checkIn({
      actor: desk,
      items: [{ itemId: drill.loans[0]!.itemId, condition: "good" }],
    });
    expect(back?.loan.fineMinor).toBe(0);
    const ledger = await community.as(desk).for("wang").pricing.ledger.entries({});
    expect(ledger).toEqual([]);
    await community.close();
  });
});
