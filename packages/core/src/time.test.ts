import { describe, expect, it } from "vitest";
import {
  addLocalMonths,
  localDayMinutes,
  localParts,
  localWeekStart,
  startOfLocalDay,
  zonedInstant,
} from "./time";

describe("time in the community zone", () => {
  it("maps Changsha wall-clock time to UTC instants", () => {
    expect(zonedInstant("2026-06-01", "08:00", "Asia/Shanghai").toISOString()).toBe(
      "2026-06-01T00:00:00.000Z",
    );
    expect(zonedInstant("2026-06-01", "24:00", "Asia/Shanghai").toISOString()).toBe(
      "2026-06-01T16:00:00.000Z",
    );
    expect(localParts(new Date("2026-06-01T16:30:00Z"), "Asia/Shanghai")).toMatchObject({
      date: "2026-06-02",
      hour: 0,
      minute: 30,
      weekday: 2,
    });
  });

  it("knows DST days are 23 or 25 hours long (London, New York)", () => {
    expect(localDayMinutes("2026-03-29", "Europe/London")).toBe(23 * 60);
    expect(localDayMinutes("2026-10-25", "Europe/London")).toBe(25 * 60);
    expect(localDayMinutes("2026-03-08", "America/New_York")).toBe(23 * 60);
    expect(localDayMinutes("2026-11-01", "America/New_York")).toBe(25 * 60);
    expect(localDayMinutes("2026-03-29", "Asia/Shanghai")).toBe(24 * 60);
    expect(zonedInstant("2026-03-29", "09:00", "Europe/London").toISOString()).toBe(
      "2026-03-29T08:00:00.000Z",
    );
    expect(startOfLocalDay("2026-11-01", "America/New_York").toISOString()).toBe("2026-11-01T04:00:00.000Z");
  });

  it("handles leap days, month ends and ISO weeks", () => {
    expect(addLocalMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addLocalMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addLocalMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(localParts(zonedInstant("2028-02-29", "12:00", "Asia/Shanghai"), "Asia/Shanghai").date).toBe(
      "2028-02-29",
    );
    expect(localWeekStart(new Date("2026-06-07T15:00:00Z"), "Asia/Shanghai")).toBe("2026-06-01"); // Sunday 23:00 local
    expect(localWeekStart(new Date("2026-06-07T16:00:00Z"), "Asia/Shanghai")).toBe("2026-06-08"); // Monday 00:00 local
  });
});
