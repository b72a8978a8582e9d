import { describe, expect, it } from "vitest";
import {
  addLocalMonths,
  instantOfWall,
  localDayMinutes,
  localMonthStart,
  localParts,
  localWeekStart,
  minuteOfDay,
  startOfLocalDay,
  wallDay,
  wallMinuteOfDay,
  wallOf,
  wallWeekday,
  zonedInstant,
} from "./local-time";
import { isTimeZone, offsetTransitions, utcOffsetMinutes } from "./zone-offsets";

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

  it("maps skipped wall times forward by the gap and resolves repeated ones like @date-fns/tz", () => {
    const at = (date: string, time: string, tz: string) => zonedInstant(date, time, tz).toISOString();
    // Spring forward: 01:30 in London and 02:30 in New York do not exist.
    expect(at("2026-03-29", "01:30", "Europe/London")).toBe("2026-03-29T01:30:00.000Z"); // 02:30 BST
    expect(at("2026-03-08", "02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z"); // 03:30 EDT
    // Fall back: the later occurrence east of Greenwich and on it, the earlier one west of it.
    expect(at("2026-10-25", "01:30", "Europe/London")).toBe("2026-10-25T01:30:00.000Z"); // GMT
    expect(at("2026-10-25", "02:30", "Europe/Berlin")).toBe("2026-10-25T01:30:00.000Z"); // CET
    expect(at("2026-11-01", "01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z"); // EDT
    expect(at("2026-04-05", "01:45", "Australia/Lord_Howe")).toBe("2026-04-04T15:15:00.000Z"); // +10:30
  });

  it("reads local months and minutes", () => {
    expect(localMonthStart(new Date("2026-05-31T16:00:00Z"), "Asia/Shanghai")).toBe("2026-06-01");
    expect(minuteOfDay("09:30")).toBe(570);
    expect(minuteOfDay("24:00")).toBe(1440);
  });

  it("refuses unknown zones with INVALID_TIME_ZONE", () => {
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(() => zonedInstant("2026-06-01", "08:00", "Mars/Olympus")).toThrow(
      expect.objectContaining({ code: "INVALID_TIME_ZONE" }),
    );
  });
});

describe("wall numbers and zone offsets", () => {
  it("gives the weekday, minute and day of an instant", () => {
    const t = Date.parse("2026-07-06T23:30:00+08:00"); // a Monday evening in Shanghai
    const wall = wallOf(t, "Asia/Shanghai");
    expect(wallWeekday(wall)).toBe(1);
    expect(wallMinuteOfDay(wall)).toBe(23 * 60 + 30);
    expect(instantOfWall(wallDay(wall), "Asia/Shanghai")).toBe(Date.parse("2026-07-06T00:00:00+08:00"));
    expect(wallWeekday(Date.UTC(2032, 1, 29))).toBe(7); // 2032-02-29 is a Sunday
  });

  it("reads UTC offsets and their changes", () => {
    expect(utcOffsetMinutes(Date.UTC(2026, 0, 15), "America/New_York")).toBe(-300);
    expect(utcOffsetMinutes(Date.UTC(2026, 6, 15), "America/New_York")).toBe(-240);
    expect(utcOffsetMinutes(Date.UTC(2026, 6, 15), "Asia/Kolkata")).toBe(330);
    expect(offsetTransitions(Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1), "Europe/London")).toEqual([
      { at: Date.parse("2026-03-29T01:00:00Z"), from: 0, to: 60 },
      { at: Date.parse("2026-10-25T01:00:00Z"), from: 60, to: 0 },
    ]);
    expect(offsetTransitions(Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1), "Asia/Shanghai")).toEqual([]);
  });
});
