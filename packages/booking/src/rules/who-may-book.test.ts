import { describe, expect, test } from "vitest";
import { codes, judge } from "../../test/rule-harness";
import { approvalKind } from "./approval";
import { whoMayBookKind } from "./who-may-book";

const slot = { start: new Date("2026-07-06T01:00Z"), end: new Date("2026-07-06T02:00Z") };

describe("who-may-book", () => {
  test("eligibility groups: members pass; others are refused without naming the group", () => {
    const rule = { groups: ["elderly-no-family", "hardship"] };
    expect(judge(whoMayBookKind, rule, { ...slot, groups: ["hardship"] })).toEqual([]);
    const refused = judge(whoMayBookKind, rule, { ...slot, groups: ["student"] });
    expect(codes(refused)).toEqual(["NOT_ELIGIBLE"]);
    expect(JSON.stringify(refused)).not.toMatch(/hardship|elderly/);
  });
  test("residents only: a staff booking for no resident is refused", () => {
    expect(
      codes(
        judge(whoMayBookKind, { residentsOnly: true }, { ...slot, actorKind: "staff", residentId: null }),
      ),
    ).toEqual(["RESIDENT_REQUIRED"]);
  });
  test("staff only: a resident booking for themself is refused; the desk booking for them passes", () => {
    expect(codes(judge(whoMayBookKind, { staffOnly: true }, slot))).toEqual(["STAFF_ONLY"]);
    expect(judge(whoMayBookKind, { staffOnly: true }, { ...slot, actorKind: "staff" })).toEqual([]);
  });
});

describe("approval-required", () => {
  const ask = (params: unknown, request: object) => {
    const parsed = approvalKind.params.parse(params);
    return approvalKind.requiresApproval!(parsed, {
      request: { resourceId: "room", actorKind: "resident", ...slot, ...request },
    } as never);
  };
  test("residents wait for approval; staff bookings and exempt groups do not", () => {
    expect(ask({}, {})).toBe(true);
    expect(ask({}, { actorKind: "staff" })).toBe(false);
    expect(ask({ staffExempt: false }, { actorKind: "staff" })).toBe(true);
    expect(ask({ exemptGroups: ["student"] }, { groups: ["student"] })).toBe(false);
  });
});
