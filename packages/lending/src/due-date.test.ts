import { describe, expect, test } from "vitest";
import { dueDate, nextOpening, type ToolRoomCalendar } from "./due-date";

const hours = [
  { from: "09:00", to: "12:00" },
  { from: "14:00", to: "18:00" },
];
const calendar: ToolRoomCalendar = {
  openingHours: { tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours },
  closures: [{ from: "2026-10-01", to: "2026-10-07" }],
  timeZone: "Asia/Shanghai",
};
const cst = (local: string) => new Date(`${local}:00+08:00`);

describe("due dates", () => {
  test("a loan due while the room is open keeps its due date", () => {
    const due = dueDate({ from: cst("2026-09-22T10:00"), loanDays: 7, calendar });
    expect(due.ok && due.dueAt).toEqual(cst("2026-09-29T10:00"));
    expect(due.ok && due.moved).toBe(false);
  });

  test("due over lunch: the afternoon opening", () => {
    const due = dueDate({ from: cst("2026-09-22T12:30"), loanDays: 1, calendar });
    expect(due.ok && due.dueAt).toEqual(cst("2026-09-23T14:00"));
  });

  test("due on a Monday (closed every week): Tuesday morning", () => {
    const due = dueDate({ from: cst("2026-09-25T10:00"), loanDays: 3, calendar });
    expect(due.ok && due.dueAt).toEqual(cst("2026-09-29T09:00"));
  });

  test("across the National Day closure: the first opening after it", () => {
    const due = dueDate({ from: cst("2026-09-28T16:00"), loanDays: 3, calendar });
    expect(due.ok && due.dueAt).toEqual(cst("2026-10-08T09:00"));
    expect(due.ok && due.moved).toBe(true);
  });

  test("after closing on the last day before the closure: after the closure", () => {
    const due = dueDate({ from: cst("2026-09-23T19:00"), loanDays: 7, calendar });
    expect(due.ok && due.dueAt).toEqual(cst("2026-10-08T09:00"));
  });

  test("a room open around the clock moves only out of closures", () => {
    const open: ToolRoomCalendar = { closures: calendar.closures, timeZone: "Asia/Shanghai" };
    expect(nextOpening(cst("2026-09-24T03:00"), open)).toEqual(cst("2026-09-24T03:00"));
    expect(nextOpening(cst("2026-10-03T03:00"), open)).toEqual(cst("2026-10-08T00:00"));
  });

  test("a room that never opens gives a refusal with reasons, not a date", () => {
    const never: ToolRoomCalendar = { openingHours: {}, closures: [], timeZone: "Asia/Shanghai" };
    const due = dueDate({ from: cst("2026-09-22T10:00"), loanDays: 7, calendar: never });
    expect(due.ok).toBe(false);
    if (due.ok) return;
    expect(due.violations[0]!.code).toBe("NO_OPENING");
    expect(due.violations[0]!.message.en).toContain("2026-09-29");
  });

  test("days are local days across a DST change (Berlin, autumn)", () => {
    const berlin: ToolRoomCalendar = { closures: [], timeZone: "Europe/Berlin" };
    const due = dueDate({ from: new Date("2026-10-20T08:00:00Z"), loanDays: 7, calendar: berlin });
    // 10:00 CEST on the 20th, 10:00 CET on the 27th.
    expect(due.ok && due.dueAt).toEqual(new Date("2026-10-27T09:00:00Z"));
  });
});
