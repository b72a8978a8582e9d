import { describe, expect, test } from "vitest";
import * as z from "zod";
import { codes, judge, room, undocumentedParams } from "../../test/rule-harness";
import { openingHoursKind } from "./opening-hours";

const everyDay = (ranges: { from: string; to: string }[]) =>
  Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, ranges]));
const drying = {
  weekly: everyDay([
    { from: "08:00", to: "12:00" },
    { from: "14:00", to: "20:00" },
  ]),
};
const at = (local: string, tz = "+08:00") => new Date(`${local}:00${tz}`);

describe("opening-hours", () => {
  test("a booking ending exactly at closing time is inside; one starting at closing time is not", () => {
    expect(
      judge(openingHoursKind, drying, { start: at("2026-07-06T19:00"), end: at("2026-07-06T20:00") }),
    ).toEqual([]);
    const late = judge(openingHoursKind, drying, {
      start: at("2026-07-06T20:00"),
      end: at("2026-07-06T20:30"),
    });
    expect(codes(late)).toEqual(["OUTSIDE_OPENING_HOURS"]);
    expect(late[0]!.message.en).toBe("2026-07-06 20:00 to 2026-07-06 20:30 is outside the opening hours");
  });

  test("a booking spanning the lunch break between two ranges is refused", () => {
    expect(
      codes(judge(openingHoursKind, drying, { start: at("2026-07-06T11:30"), end: at("2026-07-06T14:30") })),
    ).toEqual(["OUTSIDE_OPENING_HOURS"]);
  });

  test("a day without ranges is closed", () => {
    const weekdays = { weekly: { mon: [{ from: "09:00", to: "17:00" }] } };
    // 2026-07-05 is a Sunday.
    expect(
      codes(
        judge(openingHoursKind, weekdays, { start: at("2026-07-05T10:00"), end: at("2026-07-05T11:00") }),
      ),
    ).toEqual(["OUTSIDE_OPENING_HOURS"]);
    expect(
      judge(openingHoursKind, weekdays, { start: at("2026-07-06T10:00"), end: at("2026-07-06T11:00") }),
    ).toEqual([]);
  });

  test("across midnight: a range 18:00–02:00 and back-to-back 22:00–24:00 / 00:00–02:00 ranges both allow 23:00–01:00", () => {
    const overnight = { weekly: { fri: [{ from: "18:00", to: "02:00" }] } };
    expect(
      judge(openingHoursKind, overnight, { start: at("2026-07-10T23:00"), end: at("2026-07-11T01:00") }),
    ).toEqual([]);
    expect(
      codes(
        judge(openingHoursKind, overnight, { start: at("2026-07-11T01:30"), end: at("2026-07-11T02:30") }),
      ),
    ).toEqual(["OUTSIDE_OPENING_HOURS"]);
    const split = {
      weekly: { fri: [{ from: "22:00", to: "24:00" }], sat: [{ from: "00:00", to: "02:00" }] },
    };
    expect(
      judge(openingHoursKind, split, { start: at("2026-07-10T23:00"), end: at("2026-07-11T01:00") }),
    ).toEqual([]);
  });

  test("24 hours: any time, across midnight included", () => {
    expect(
      judge(
        openingHoursKind,
        { alwaysOpen: true },
        { start: at("2026-07-06T23:30"), end: at("2026-07-07T00:30") },
      ),
    ).toEqual([]);
  });

  test("DST in Europe/London: 09:00–17:00 local holds on the spring-forward and fall-back Sundays", () => {
    const sunday = { weekly: { sun: [{ from: "09:00", to: "17:00" }] } };
    const tz = "Europe/London";
    // 2026-03-29: clocks go forward at 01:00 GMT; 09:00 local is 08:00Z.
    expect(
      judge(
        openingHoursKind,
        sunday,
        { start: new Date("2026-03-29T08:00:00Z"), end: new Date("2026-03-29T16:00:00Z") },
        { timeZone: tz },
      ),
    ).toEqual([]);
    expect(
      codes(
        judge(
          openingHoursKind,
          sunday,
          { start: new Date("2026-03-29T07:30:00Z"), end: new Date("2026-03-29T08:30:00Z") },
          { timeZone: tz },
        ),
      ),
    ).toEqual(["OUTSIDE_OPENING_HOURS"]);
    // 2026-10-25: clocks go back; 09:00 local is 09:00Z again.
    expect(
      judge(
        openingHoursKind,
        sunday,
        { start: new Date("2026-10-25T09:00:00Z"), end: new Date("2026-10-25T17:00:00Z") },
        { timeZone: tz },
      ),
    ).toEqual([]);
    expect(
      codes(
        judge(
          openingHoursKind,
          sunday,
          { start: new Date("2026-10-25T08:00:00Z"), end: new Date("2026-10-25T09:00:00Z") },
          { timeZone: tz },
        ),
      ),
    ).toEqual(["OUTSIDE_OPENING_HOURS"]);
  });

  test("DST in America/New_York: an overnight range across the spring-forward gap is one hour shorter", () => {
    const tz = "America/New_York";
    const overnight = { weekly: { sat: [{ from: "22:00", to: "06:00" }] } };
    // Sat 2026-03-07 22:00 EST = 03:00Z; Sun 06:00 EDT = 10:00Z: 7 elapsed hours.
    expect(
      judge(
        openingHoursKind,
        overnight,
        { start: new Date("2026-03-08T03:00:00Z"), end: new Date("2026-03-08T10:00:00Z") },
        { timeZone: tz },
      ),
    ).toEqual([]);
    expect(
      codes(
        judge(
          openingHoursKind,
          overnight,
          { start: new Date("2026-03-08T03:00:00Z"), end: new Date("2026-03-08T11:00:00Z") },
          { timeZone: tz },
        ),
      ),
    ).toEqual(["OUTSIDE_OPENING_HOURS"]);
  });

  test("leap day: Sunday 2032-02-29 opens like any Sunday", () => {
    const sunday = { weekly: { sun: [{ from: "09:00", to: "11:00" }] } };
    expect(
      judge(openingHoursKind, sunday, { start: at("2032-02-29T09:00"), end: at("2032-02-29T11:00") }),
    ).toEqual([]);
  });

  test("bad params are rejected by the schema", () => {
    expect(
      openingHoursKind.params.safeParse({ weekly: { mon: [{ from: "9:00", to: "17:00" }] } }).success,
    ).toBe(false);
    expect(
      openingHoursKind.params.safeParse({ weekly: { mon: [{ from: "09:00", to: "25:00" }] } }).success,
    ).toBe(false);
  });
});

describe("opening-hours: every weekday, whole-day ranges, the open time of a window", () => {
  test("each weekday reads its own ranges (Monday 2026-07-06 to Sunday 2026-07-12)", () => {
    const keys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    keys.forEach((key, i) => {
      const onlyThatDay = { weekly: { [key]: [{ from: "09:00", to: "10:00" }] } };
      keys.forEach((_, j) => {
        const day = `2026-07-${String(6 + j).padStart(2, "0")}`;
        const judged = judge(openingHoursKind, onlyThatDay, {
          start: at(`${day}T09:00`),
          end: at(`${day}T10:00`),
        });
        expect(codes(judged), `${key} on ${day}`).toEqual(i === j ? [] : ["OUTSIDE_OPENING_HOURS"]);
      });
    });
  });

  test("a range ending at its own start time is open around the clock from that time", () => {
    const fromNine = { weekly: { mon: [{ from: "09:00", to: "09:00" }] } };
    expect(
      judge(openingHoursKind, fromNine, { start: at("2026-07-06T20:00"), end: at("2026-07-07T09:00") }),
    ).toEqual([]);
    expect(
      codes(
        judge(openingHoursKind, fromNine, { start: at("2026-07-07T08:30"), end: at("2026-07-07T09:30") }),
      ),
    ).toEqual(["OUTSIDE_OPENING_HOURS"]);
  });

  test("the refusal in Chinese names the local times asked", () => {
    const [v] = judge(openingHoursKind, drying, {
      start: at("2026-07-06T12:00"),
      end: at("2026-07-06T13:00"),
    });
    expect(v).toMatchObject({
      rule: "rule-under-test",
      params: { from: "2026-07-06 12:00", to: "2026-07-06 13:00" },
      message: { "zh-CN": "2026-07-06 12:00 至 2026-07-06 13:00 不在开放时间内" },
    });
  });

  test("the open time of a window: the day's ranges clipped to the window; around the clock, all of it", () => {
    const open = (params: object, start: Date, end: Date) =>
      openingHoursKind.allowedIntervals!(openingHoursKind.params.parse(params), {
        rule: { id: "o", kind: "opening-hours", params: {}, targets: new Set(["room"]) },
        start,
        end,
        now: at("2026-07-01T00:00"),
        timeZone: "Asia/Shanghai",
        resource: room,
        actorKind: "resident",
        groups: [],
      });
    const ms = (local: string) => at(local).getTime();
    expect(open(drying, at("2026-07-06T10:00"), at("2026-07-06T15:00"))).toEqual([
      { start: ms("2026-07-06T10:00"), end: ms("2026-07-06T12:00") },
      { start: ms("2026-07-06T14:00"), end: ms("2026-07-06T15:00") },
    ]);
    expect(open({ alwaysOpen: true }, at("2026-07-06T10:00"), at("2026-07-06T15:00"))).toEqual([
      { start: ms("2026-07-06T10:00"), end: ms("2026-07-06T15:00") },
    ]);
    expect(open({}, at("2026-07-06T10:00"), at("2026-07-06T15:00"))).toEqual([]);
  });

  test("the kind describes itself and every parameter", () => {
    expect(openingHoursKind.description).toEqual({
      "zh-CN": "每周开放时间（每天可有多个时段，或 24 小时开放）",
      en: "Weekly opening hours (several ranges a day, or 24 hours)",
    });
    expect(openingHoursKind.reads).toEqual({ residentBookings: false, groups: false });
    expect(undocumentedParams(openingHoursKind)).toEqual([]);
    expect(openingHoursKind.params.parse({})).toEqual({ alwaysOpen: false, weekly: {} });
    // A weekday left out of a weekly schedule has no ranges: closed.
    const closedWeek = Object.fromEntries(
      ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, []]),
    );
    expect(openingHoursKind.params.parse({ weekly: { mon: [] } })).toEqual({
      alwaysOpen: false,
      weekly: closedWeek,
    });
  });
});

test("the kind's name, as configurations write it", () => {
  expect(openingHoursKind.kind).toBe("opening-hours");
});

test("a weekday's range is documented too, as the configuration's JSON Schema shows it", () => {
  const weekly = z.toJSONSchema(openingHoursKind.params, { io: "input", unrepresentable: "any" }).properties
    ?.weekly as { properties: Record<string, { items: { description?: string } }> };
  for (const day of ["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
    expect(weekly.properties[day]!.items.description, day).toBe(
      "A local time range of one day; `to` at or before `from` runs past midnight into the next day.",
    );
});
