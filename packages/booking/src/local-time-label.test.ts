import { describe, expect, test } from "vitest";
import { judge } from "../test/rule-harness";
import { bookingErrors } from "./booking-errors";
import { errorAt, localLabel } from "./local-time-label";
import { openingHoursKind } from "./rules/opening-hours";

const LONDON = "Europe/London";
// 2026-10-25: at 02:00 BST (01:00Z) the clocks go back to 01:00 GMT, so 01:00–01:59 comes twice.
const FIRST = new Date("2026-10-25T00:30:00Z"); // 01:30 BST
const SECOND = new Date("2026-10-25T01:30:00Z"); // 01:30 GMT

describe("local time labels", () => {
  test("the two 01:30s of Europe/London's 2026 fall-back carry their UTC offsets, in each locale", () => {
    expect(localLabel(FIRST, LONDON)).toBe("2026-10-25 01:30 (UTC+01:00)");
    expect(localLabel(SECOND, LONDON)).toBe("2026-10-25 01:30 (UTC+00:00)");
    expect(localLabel(FIRST, LONDON, "zh-CN")).toBe("2026-10-25 01:30（UTC+01:00）");
    expect(localLabel(SECOND, LONDON, "zh-CN")).toBe("2026-10-25 01:30（UTC+00:00）");
    // The edges of the repeated hour: 00:59 and 02:00 happen once; 01:00 and 01:59 twice.
    expect(localLabel(new Date("2026-10-24T23:59:00Z"), LONDON)).toBe("2026-10-25 00:59");
    expect(localLabel(new Date("2026-10-25T00:00:00Z"), LONDON)).toBe("2026-10-25 01:00 (UTC+01:00)");
    expect(localLabel(new Date("2026-10-25T01:59:00Z"), LONDON)).toBe("2026-10-25 01:59 (UTC+00:00)");
    expect(localLabel(new Date("2026-10-25T02:00:00Z"), LONDON, "zh-CN")).toBe("2026-10-25 02:00");
  });

  test("unambiguous times keep the plain label: ordinary days, the spring-forward day, other zones", () => {
    expect(localLabel(new Date("2026-03-29T01:30:00Z"), LONDON)).toBe("2026-03-29 02:30");
    expect(localLabel(new Date("2026-03-29T00:59:00Z"), LONDON)).toBe("2026-03-29 00:59");
    expect(localLabel(new Date("2026-07-06T01:00:00Z"), "Asia/Shanghai", "zh-CN")).toBe("2026-07-06 09:00");
    expect(localLabel(FIRST, "Asia/Kathmandu")).toBe("2026-10-25 06:15");
  });

  test("half-hour changes and offsets west of Greenwich: Lord Howe and New York", () => {
    // Lord Howe goes back from +11:00 to +10:30 at 02:00: 01:30–01:59 comes twice.
    expect(localLabel(new Date("2026-04-04T14:45:00Z"), "Australia/Lord_Howe")).toBe(
      "2026-04-05 01:45 (UTC+11:00)",
    );
    expect(localLabel(new Date("2026-04-04T15:15:00Z"), "Australia/Lord_Howe")).toBe(
      "2026-04-05 01:45 (UTC+10:30)",
    );
    expect(localLabel(new Date("2026-04-04T14:15:00Z"), "Australia/Lord_Howe")).toBe("2026-04-05 01:15");
    expect(localLabel(new Date("2026-11-01T05:30:00Z"), "America/New_York")).toBe(
      "2026-11-01 01:30 (UTC-04:00)",
    );
    expect(localLabel(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toBe(
      "2026-11-01 01:30 (UTC-05:00)",
    );
  });

  test("a refusal across the repeated hour names both ends apart; params carry the en labels", () => {
    const hours = { weekly: { sun: [{ from: "08:00", to: "20:00" }] } };
    const [v] = judge(openingHoursKind, hours, { start: FIRST, end: SECOND }, { timeZone: LONDON });
    expect(v!.params).toEqual({ from: "2026-10-25 01:30 (UTC+01:00)", to: "2026-10-25 01:30 (UTC+00:00)" });
    expect(v!.message.en).toBe(
      "2026-10-25 01:30 (UTC+01:00) to 2026-10-25 01:30 (UTC+00:00) is outside the opening hours",
    );
    expect(v!.message["zh-CN"]).toBe(
      "2026-10-25 01:30（UTC+01:00） 至 2026-10-25 01:30（UTC+00:00） 不在开放时间内",
    );
  });

  test("errors label their times the same way", () => {
    const late = errorAt(bookingErrors, "CANCELLATION_TOO_LATE", {}, { deadline: SECOND }, LONDON);
    expect(late.code).toBe("CANCELLATION_TOO_LATE");
    expect(late.details).toEqual({ deadline: "2026-10-25 01:30 (UTC+00:00)" });
    expect(late.messages["zh-CN"]).toBe(
      "已过取消截止时间 2026-10-25 01:30（UTC+00:00），只有工作人员可以取消",
    );
    expect(late.message).toBe(
      "The cancellation deadline 2026-10-25 01:30 (UTC+00:00) has passed; only staff can cancel now",
    );
    const plain = errorAt(bookingErrors, "CANCELLATION_TOO_LATE", {}, { deadline: SECOND }, "Asia/Shanghai");
    expect(plain.messages["zh-CN"]).toBe("已过取消截止时间 2026-10-25 09:30，只有工作人员可以取消");
  });
});
