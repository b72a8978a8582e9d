import { describe, expect, test } from "vitest";
import { advanceHoldQueue, holdEligibility, type QueuedHold } from "./hold-queue";

const at = (iso: string) => new Date(iso);
const hold = (id: string, rank: number, extra: Partial<QueuedHold> = {}): QueuedHold => ({
  id,
  residentId: `r-${id}`,
  status: "waiting",
  rank,
  notBefore: null,
  pickupBy: null,
  ...extra,
});

describe("hold queue", () => {
  test("the first in line gets the unit", () => {
    expect(advanceHoldQueue([hold("b", 2), hold("a", 1)], at("2026-09-22T00:00:00Z")).next).toBe("a");
  });

  test("a hold pushed back is passed over and keeps its place for the next unit", () => {
    const queue = [hold("a", 1, { notBefore: at("2026-09-25T00:00:00Z") }), hold("b", 2)];
    const now = advanceHoldQueue(queue, at("2026-09-22T00:00:00Z"));
    expect(now).toEqual({ expired: [], next: "b", passedOver: ["a"] });
    expect(advanceHoldQueue(queue, at("2026-09-26T00:00:00Z")).next).toBe("a");
  });

  test("ready holds past their pickup window expire", () => {
    const queue = [hold("a", 1, { status: "ready", pickupBy: at("2026-09-22T00:00:00Z") }), hold("b", 2)];
    expect(advanceHoldQueue(queue, at("2026-09-22T00:00:00Z"))).toEqual({
      expired: ["a"],
      next: "b",
      passedOver: [],
    });
  });

  test("a resident cannot hold what they have or already hold, nor beyond the limit", () => {
    const d = holdEligibility({
      residentId: "wang",
      itemTypeId: "ladder",
      openHolds: [{ itemTypeId: "ladder" }, { itemTypeId: "drill" }],
      loanedTypes: ["ladder"],
      maxPerResident: 2,
    });
    expect(d.violations.map((v) => v.code)).toEqual(["ALREADY_ON_LOAN", "ALREADY_HELD", "HOLD_LIMIT"]);
    expect(d.violations[0]!.message["zh-CN"]).toBe("您已借有 ladder，不能再预留");
  });
});
