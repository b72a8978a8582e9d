import { describe, expect, test } from "vitest";
import { codes, undocumentedParams, judge } from "../../test/rule-harness";
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

describe("who-may-book: every kind of staff, every missing fact", () => {
  test("staff only: staff, admins and the system may book; residents and volunteers may not", () => {
    for (const actorKind of ["staff", "admin", "system"] as const)
      expect(judge(whoMayBookKind, { staffOnly: true }, { ...slot, actorKind })).toEqual([]);
    expect(judge(whoMayBookKind, { staffOnly: true }, { ...slot, actorKind: "volunteer" })).toEqual([
      {
        code: "STAFF_ONLY",
        rule: "rule-under-test",
        params: {},
        message: { "zh-CN": "此资源只能由工作人员代为预约", en: "Only staff can book this resource" },
      },
    ]);
  });
  test("eligibility groups need a named resident: the staff booking for no one is refused as such", () => {
    const refused = judge(
      whoMayBookKind,
      { groups: ["hardship"] },
      { ...slot, actorKind: "staff", residentId: null, groups: ["hardship"] },
    );
    expect(refused).toEqual([
      {
        code: "RESIDENT_REQUIRED",
        rule: "rule-under-test",
        params: {},
        message: { "zh-CN": "此资源须为某位居民预约", en: "This resource is booked for a named resident" },
      },
    ]);
  });
  test("a resident with no known groups is not eligible; the refusal asks them to see staff", () => {
    expect(judge(whoMayBookKind, { groups: ["hardship"] }, { ...slot, groups: undefined })).toEqual([
      {
        code: "NOT_ELIGIBLE",
        rule: "rule-under-test",
        params: {},
        message: {
          "zh-CN": "此资源仅向符合条件的居民开放，请咨询社区工作人员",
          en: "This resource is open to eligible residents only; please ask community staff",
        },
      },
    ]);
  });
  test("with no condition, anyone may book, even for no resident; both refusals can come together", () => {
    expect(judge(whoMayBookKind, {}, { ...slot, actorKind: "staff", residentId: null })).toEqual([]);
    expect(
      codes(judge(whoMayBookKind, { staffOnly: true, residentsOnly: true }, { ...slot, residentId: null })),
    ).toEqual(["STAFF_ONLY", "RESIDENT_REQUIRED"]);
  });
  test("the rule kinds describe themselves and need no resident's bookings", () => {
    expect(whoMayBookKind.description).toEqual({
      "zh-CN": "可预约人员（资格类别、仅限居民、仅限工作人员）",
      en: "Who may book (eligibility groups, residents only, staff only)",
    });
    expect(whoMayBookKind.reads).toEqual({ residentBookings: false, groups: true });
    expect(whoMayBookKind.params.parse({})).toEqual({ residentsOnly: false, staffOnly: false });
    expect(approvalKind.description).toEqual({ "zh-CN": "需工作人员审批", en: "Approval required" });
    expect(approvalKind.reads).toEqual({ residentBookings: false, groups: true });
    expect(approvalKind.evaluate(approvalKind.params.parse({}), {} as never)).toEqual([]);
  });
});

describe("approval-required: who is exempt", () => {
  const ask = (params: unknown, request: object) =>
    approvalKind.requiresApproval!(approvalKind.params.parse(params), {
      request: { resourceId: "room", actorKind: "resident", ...slot, ...request },
    } as never);
  test("admins and the system are staff too; a volunteer is not", () => {
    expect(ask({}, { actorKind: "admin" })).toBe(false);
    expect(ask({}, { actorKind: "system" })).toBe(false);
    expect(ask({}, { actorKind: "volunteer" })).toBe(true);
  });
  test("a resident with no known groups waits, whatever the exempt groups", () => {
    expect(ask({ exemptGroups: ["student"] }, { groups: undefined })).toBe(true);
    expect(ask({ exemptGroups: ["student"] }, { groups: ["hardship"] })).toBe(true);
  });
});

test("who-may-book and approval-required: every parameter is documented for whoever writes the configuration", () => {
  for (const kind of [whoMayBookKind, approvalKind]) expect(undocumentedParams(kind), kind.kind).toEqual([]);
});

test("the kinds' names, as configurations write them", () => {
  expect([whoMayBookKind.kind, approvalKind.kind]).toEqual(["who-may-book", "approval-required"]);
});

test("approval-required by default exempts staff and no group", () => {
  expect(approvalKind.params.parse({})).toEqual({ exemptGroups: [], staffExempt: true });
});
