import { bookingPlugin } from "@linli/booking";
import { createCommunity, isLinliError } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { describe, expect, test } from "vitest";
import { asJson, desk, resident, testCommunity, wangjialongWithGym } from "../test/fixtures";
import { pricingPlugin } from "./pricing-plugin";

/** Local Shanghai wall time as an instant. */
const cst = (local: string) => new Date(`${local}:00+08:00`);
const morning = { start: cst("2026-06-02T09:00"), end: cst("2026-06-02T10:00") };
const me = (id: string) => ({ kind: "resident", id }) as const;

async function gym(config: object = wangjialongWithGym()) {
  const { community, clock } = await testCommunity({
    config: asJson(config),
    plugins: [bookingPlugin(), pricingPlugin()],
  });
  await resident(community, "li");
  await resident(community, "zhao");
  return { community, clock };
}

describe("the members-only gym (requires-membership, contributed by pricing)", () => {
  test("a non-member's booking is refused with the reason in zh-CN and en; nothing is written", async () => {
    const { community } = await gym();
    const before = await community.events.list({ actor: desk, limit: 1000 });
    const refused = await community
      .as(desk)
      .for("li")
      .booking.book({ resourceId: "gym", ...morning });
    expect(!refused.ok && refused.violations.map((v) => [v.code, v.rule, v.message])).toEqual([
      [
        "MEMBERSHIP_REQUIRED",
        "gym-members",
        {
          "zh-CN": "智慧健身房仅限会员使用，请先办理健身房月卡或健身房30天卡",
          en: "Smart gym is for members only: please get a Gym monthly pass or Gym 30-day pass first",
        },
      ],
    ]);
    expect(!refused.ok && refused.waitlistable).toBe(false);
    expect(await community.events.list({ actor: desk, limit: 1000 })).toEqual(before);
    expect(await community.pricing.ledger.entries({ actor: desk, forResident: "li" })).toEqual([]);
    // What the desk sees before booking, and what the resident sees when looking for a slot.
    const check = await community.booking.check({
      actor: desk,
      forResident: "li",
      resourceId: "gym",
      ...morning,
    });
    expect(check.ok ? [] : check.violations.map((v) => v.code)).toEqual(["MEMBERSHIP_REQUIRED"]);
    const [slots] = await community.booking.availability({ actor: me("li"), resourceId: "gym", ...morning });
    expect(slots!.slots).toEqual([]);
  });

  test("a member books; the quote says MEMBERSHIP_COVERED at 0, and the ledger shows only the pass", async () => {
    const { community } = await gym();
    const zhao = community.as(desk).for("zhao");
    const pass = await zhao.pricing.memberships.purchase({ planId: "gym-monthly" });
    const [slots] = await community.booking.availability({
      actor: me("zhao"),
      resourceId: "gym",
      ...morning,
    });
    expect(slots!.slots.length).toBeGreaterThan(0);
    const outcome = await zhao.booking.book({ resourceId: "gym", channel: "phone", ...morning });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.violations));
    const priced = await community.pricing.quoteForBooking({ actor: desk, bookingId: outcome.booking.id });
    expect(priced!.quote.lines.map((l) => [l.code, l.amount.amount])).toEqual([["MEMBERSHIP_COVERED", 0]]);
    expect(priced!.quote.membershipId).toBe(pass.id);
    expect(priced!.quote.lines[0]!.text["zh-CN"]).toBe("健身房月卡覆盖（有效至 2026-06-30）");
    const entries = await zhao.pricing.ledger.entries();
    expect(entries.map((e) => [e.kind, e.amount, e.code])).toEqual([
      ["charge", 2500, "MEMBERSHIP_PURCHASE"],
      ["charge", 0, "MEMBERSHIP_COVERED"],
    ]);
    // The walk-in desk quote agrees.
    const walkIn = await zhao.pricing.quote({ resourceId: "gym", start: morning.start });
    expect(walkIn.lines.map((l) => l.code)).toEqual(["MEMBERSHIP_COVERED"]);
  });

  test("the pass is checked at the booking's start: June's pass does not open July", async () => {
    const { community } = await gym();
    const zhao = community.as(desk).for("zhao");
    await zhao.pricing.memberships.purchase({ planId: "gym-monthly" });
    const july = await zhao.booking.book({
      resourceId: "gym",
      start: cst("2026-07-01T09:00"),
      end: cst("2026-07-01T10:00"),
    });
    expect(july.ok ? [] : july.violations.map((v) => v.code)).toEqual(["MEMBERSHIP_REQUIRED"]);
    const lastEvening = await zhao.booking.book({
      resourceId: "gym",
      start: cst("2026-06-30T21:00"),
      end: cst("2026-06-30T22:00"),
    });
    expect(lastEvening.ok).toBe(true);
  });

  test("quoting the gym for a non-member is MEMBERSHIP_REQUIRED, not free", async () => {
    const { community } = await gym();
    const error = await community
      .as(desk)
      .for("li")
      .pricing.quote({ resourceId: "gym", start: morning.start })
      .catch((e) => e);
    expect(isLinliError(error, "MEMBERSHIP_REQUIRED")).toBe(true);
    expect(error.messages["zh-CN"]).toBe("智慧健身房仅限会员使用，请先办理健身房月卡或健身房30天卡");
    expect(error.details).toEqual({ resourceId: "gym", plans: ["gym-monthly", "gym-30-days"] });
    const charged = await community.pricing
      .charge({ actor: desk, forResident: "li", resourceId: "gym" })
      .catch((e) => e);
    expect(isLinliError(charged, "MEMBERSHIP_REQUIRED")).toBe(true);
    expect(await community.pricing.ledger.entries({ actor: desk, forResident: "li" })).toEqual([]);
  });

  test("plans narrow the memberships that count; staff blocking the gym for no resident is not refused", async () => {
    const config = asJson(wangjialongWithGym());
    config.booking.rules[1].plans = ["gym-30-days"];
    const { community } = await gym(config);
    const zhao = community.as(desk).for("zhao");
    await zhao.pricing.memberships.purchase({ planId: "gym-monthly" });
    const refused = await zhao.booking.book({ resourceId: "gym", ...morning });
    expect(!refused.ok && refused.violations.map((v) => [v.code, v.message.en])).toEqual([
      ["MEMBERSHIP_REQUIRED", "Smart gym is for members only: please get a Gym 30-day pass first"],
    ]);
    const blocked = await community
      .as(desk)
      .booking.book({ resourceId: "gym", note: "器械检修", ...morning });
    expect(blocked.ok && blocked.booking.residentId).toBeNull();
  });

  test("config: unknown plans, and a members-only resource no plan opens, are reported at load", async () => {
    const config = asJson(wangjialongWithGym());
    config.booking.rules[1].plans = ["gym-yearly"];
    config.booking.rules.push({
      id: "study-members",
      kind: "requires-membership",
      appliesTo: { resources: ["study-room"] },
    });
    const error = await createCommunity({
      config,
      storage: memoryStorage(),
      plugins: [bookingPlugin(), pricingPlugin()],
    }).catch((e) => e);
    expect((error.details.problems as { code: string; path: string }[]).map((p) => [p.code, p.path])).toEqual(
      [
        ["UNKNOWN_MEMBERSHIP_PLAN", "booking.rules[1].plans[0]"],
        ["MEMBERSHIP_RULE_UNSATISFIABLE", "booking.rules[1]"],
        ["MEMBERSHIP_RULE_UNSATISFIABLE", "booking.rules[2]"],
      ],
    );
    // Without pricing the kind does not exist.
    const alone = await createCommunity({
      config: asJson(wangjialongWithGym()),
      storage: memoryStorage(),
      plugins: [bookingPlugin()],
    }).catch((e) => e);
    expect(alone.code).toBe("CONFIG_INVALID");
    expect(JSON.stringify(alone.details.problems)).toContain("booking.rules[1].kind");
  });
});
