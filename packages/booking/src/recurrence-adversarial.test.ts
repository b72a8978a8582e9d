import { isLinliError } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { describe, expect, test } from "vitest";
import { cst, desk, resident, wangjialong } from "../test/wangjialong-fixture";
import { type ExpansionStats, expandRecurrence, MAX_RRULE_LENGTH } from "./recurrence";

// Rules that used to keep the process busy for 18 s to 300+ s (rrule searches up to the year
// 9999 for a date that never comes, and checks UNTIL only on dates it finds), roll over
// (BYHOUR=25) or fail with a raw TypeError (BYDAY=XX). Each now answers with occurrences or a
// coded LinliError, and its work is read from the expansion's counter of candidate days:
// never more than the budget, whatever the rule. No timing is asserted.

const FIRST = "2026-07-01T09:00"; // a Wednesday
const ZONE = "Asia/Shanghai";

/** A rule of exactly `length` characters: BYMONTHDAY=1…9 listed again and again (duplicates are one). */
function longRule(length: number): string {
  let rule = "FREQ=MONTHLY;COUNT=12;BYMONTHDAY=1";
  for (let day = 2; length - rule.length > 3; day = (day % 9) + 1) rule += `,${day}`;
  return rule + (length - rule.length === 3 ? ",10" : ",1");
}

type Expected =
  | { readonly occurrences: number; readonly first?: string; readonly last?: string }
  | { readonly code: "INVALID_RECURRENCE"; readonly part: string }
  | { readonly code: "RECURRENCE_TOO_EXPENSIVE"; readonly limit: "horizon" | "budget" };

interface Case {
  readonly name: string;
  readonly rrule: string;
  readonly firstStart?: string;
  readonly budget?: number;
  readonly expected: Expected;
}

const cases: readonly Case[] = [
  // Impossible or out-of-range values, refused before any expansion.
  {
    name: "an impossible date",
    rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3",
    expected: { code: "INVALID_RECURRENCE", part: "BYMONTHDAY" },
  },
  {
    name: "an impossible date taken from the first start",
    rrule: "FREQ=YEARLY;BYMONTH=2;COUNT=3",
    firstStart: "2026-07-31T09:00",
    expected: { code: "INVALID_RECURRENCE", part: "BYMONTHDAY" },
  },
  {
    name: "hour 25",
    rrule: "FREQ=DAILY;BYHOUR=25;COUNT=5",
    expected: { code: "INVALID_RECURRENCE", part: "BYHOUR" },
  },
  {
    name: "minute 75",
    rrule: "FREQ=DAILY;BYMINUTE=75;COUNT=5",
    expected: { code: "INVALID_RECURRENCE", part: "BYMINUTE" },
  },
  {
    name: "two hours a day",
    rrule: "FREQ=DAILY;BYHOUR=9,14;COUNT=5",
    expected: { code: "INVALID_RECURRENCE", part: "BYHOUR" },
  },
  {
    name: "every second",
    rrule: "FREQ=SECONDLY;COUNT=5",
    expected: { code: "INVALID_RECURRENCE", part: "FREQ" },
  },
  {
    name: "every minute until tomorrow",
    rrule: "FREQ=MINUTELY;UNTIL=20260702T000000",
    expected: { code: "INVALID_RECURRENCE", part: "FREQ" },
  },
  {
    name: "a huge interval",
    rrule: "FREQ=DAILY;INTERVAL=1000000;COUNT=2",
    expected: { code: "INVALID_RECURRENCE", part: "INTERVAL" },
  },
  {
    name: "UNTIL in the year 9999",
    rrule: "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;UNTIL=99991231T000000Z",
    expected: { code: "INVALID_RECURRENCE", part: "UNTIL" },
  },
  {
    name: "UNTIL before the first start",
    rrule: "FREQ=DAILY;UNTIL=20260630",
    expected: { code: "INVALID_RECURRENCE", part: "UNTIL" },
  },
  {
    name: "BYDAY=XX",
    rrule: "FREQ=WEEKLY;BYDAY=XX;COUNT=3",
    expected: { code: "INVALID_RECURRENCE", part: "BYDAY" },
  },
  {
    name: "an empty BYDAY",
    rrule: "FREQ=WEEKLY;BYDAY=;COUNT=3",
    expected: { code: "INVALID_RECURRENCE", part: "BYDAY" },
  },
  {
    name: "a position under WEEKLY",
    rrule: "FREQ=WEEKLY;BYDAY=2MO;COUNT=3",
    expected: { code: "INVALID_RECURRENCE", part: "BYDAY" },
  },
  {
    name: "a sixth Monday of the month",
    rrule: "FREQ=MONTHLY;BYDAY=6MO;COUNT=3",
    expected: { code: "INVALID_RECURRENCE", part: "BYDAY" },
  },
  {
    name: "BYSETPOS=400",
    rrule: "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=400;COUNT=3",
    expected: { code: "INVALID_RECURRENCE", part: "BYSETPOS" },
  },
  {
    name: "COUNT=100000",
    rrule: "FREQ=DAILY;COUNT=100000",
    expected: { code: "INVALID_RECURRENCE", part: "COUNT" },
  },
  {
    name: "COUNT and UNTIL",
    rrule: "FREQ=DAILY;COUNT=3;UNTIL=20260710",
    expected: { code: "INVALID_RECURRENCE", part: "COUNT" },
  },
  {
    name: "a duplicated part",
    rrule: "FREQ=DAILY;COUNT=3;COUNT=4",
    expected: { code: "INVALID_RECURRENCE", part: "COUNT" },
  },
  {
    name: "an empty part",
    rrule: "FREQ=DAILY;;COUNT=3",
    expected: { code: "INVALID_RECURRENCE", part: "RRULE" },
  },
  {
    name: "BYSECOND",
    rrule: "FREQ=DAILY;COUNT=3;BYSECOND=5",
    expected: { code: "INVALID_RECURRENCE", part: "BYSECOND" },
  },
  {
    name: "BYWEEKNO",
    rrule: "FREQ=YEARLY;BYWEEKNO=53;COUNT=1",
    expected: { code: "INVALID_RECURRENCE", part: "BYWEEKNO" },
  },
  {
    name: "501 characters",
    rrule: longRule(MAX_RRULE_LENGTH + 1),
    expected: { code: "INVALID_RECURRENCE", part: "RRULE" },
  },
  {
    name: "a year of every day until the horizon's end",
    rrule: "FREQ=DAILY;UNTIL=20280630",
    expected: { code: "INVALID_RECURRENCE", part: "UNTIL" },
  },
  // Valid but rare or never: bounded by the horizon (731 days) and the budget.
  {
    name: "the next leap day",
    rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=1",
    expected: { occurrences: 1, first: "2028-02-29" },
  },
  {
    name: "two leap days (the second is beyond the horizon)",
    rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=2",
    expected: { code: "RECURRENCE_TOO_EXPENSIVE", limit: "horizon" },
  },
  {
    name: "a fifth Monday in February (none until 2044)",
    rrule: "FREQ=MONTHLY;BYMONTH=2;BYDAY=5MO;COUNT=1",
    expected: { code: "RECURRENCE_TOO_EXPENSIVE", limit: "horizon" },
  },
  {
    name: "the second Monday of a one-Monday week (never)",
    rrule: "FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2;COUNT=5",
    expected: { code: "RECURRENCE_TOO_EXPENSIVE", limit: "horizon" },
  },
  {
    name: "the second of a one-day set, daily (never)",
    rrule: "FREQ=DAILY;BYMONTHDAY=-28;BYDAY=SA;BYSETPOS=2;COUNT=15",
    expected: { code: "RECURRENCE_TOO_EXPENSIVE", limit: "horizon" },
  },
  {
    name: "a 53rd Monday of the year (2029 is past the horizon)",
    rrule: "FREQ=YEARLY;BYDAY=53MO;COUNT=1",
    expected: { code: "RECURRENCE_TOO_EXPENSIVE", limit: "horizon" },
  },
  {
    name: "the 31st when it is a Monday, to the horizon's end",
    rrule: "FREQ=MONTHLY;BYMONTHDAY=31;BYDAY=MO;UNTIL=20280630",
    expected: { occurrences: 3, first: "2026-08-31", last: "2028-01-31" },
  },
  {
    name: "the last weekday of every other month",
    rrule: "FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=6",
    expected: { occurrences: 6, first: "2026-07-31", last: "2027-05-31" },
  },
  {
    name: "the year's last 1st or 15th, three times (whole years scanned)",
    rrule: "FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=1,15;BYSETPOS=-1;COUNT=3",
    expected: { code: "RECURRENCE_TOO_EXPENSIVE", limit: "horizon" },
  },
  {
    name: "lowercase, with a prefix and a trailing semicolon",
    rrule: "rrule:freq=weekly;byday=sa,su;count=3;",
    expected: { occurrences: 3, first: "2026-07-04", last: "2026-07-11" },
  },
  {
    name: "500 characters",
    rrule: longRule(MAX_RRULE_LENGTH),
    expected: { occurrences: 12, first: "2026-07-01", last: "2026-08-03" },
  },
  {
    name: "a budget of 100 days for a leap day",
    rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=1",
    budget: 100,
    expected: { code: "RECURRENCE_TOO_EXPENSIVE", limit: "budget" },
  },
];

describe("adversarial recurrences: an answer or a coded error, with bounded work", () => {
  test("the table holds at least 15 rules", () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(longRule(MAX_RRULE_LENGTH)).toHaveLength(MAX_RRULE_LENGTH);
  });

  test.each(cases)("$name: $rrule", ({ rrule, firstStart, budget, expected }) => {
    const stats: ExpansionStats = { examined: 0 };
    let answer: Expected;
    let ranUnder: number | undefined;
    try {
      const expansion = expandRecurrence(
        { rrule, firstStart: firstStart ?? FIRST, durationMinutes: 60 },
        ZONE,
        budget === undefined ? { stats } : { budget, stats },
      );
      ranUnder = expansion.budget;
      const dates = expansion.occurrences.map((o) => o.date);
      expect(expansion.examined).toBe(stats.examined);
      answer = {
        occurrences: dates.length,
        ...("first" in expected && { first: dates[0] }),
        ...("last" in expected && { last: dates.at(-1) }),
      };
    } catch (error) {
      if (!isLinliError(error)) throw error;
      const { part, limit } = error.details;
      answer =
        error.code === "RECURRENCE_TOO_EXPENSIVE"
          ? { code: error.code, limit: limit as "horizon" | "budget" }
          : { code: error.code as "INVALID_RECURRENCE", part: String(part) };
      // The message names the part (or the limit hit), in both locales.
      const named = error.code === "RECURRENCE_TOO_EXPENSIVE" ? String(error.details.budget) : String(part);
      const shown = limit === "horizon" ? "731" : named === "RRULE" ? "" : named;
      for (const text of Object.values(error.messages)) expect(text).toContain(shown);
      if (error.code === "RECURRENCE_TOO_EXPENSIVE") ranUnder = Number(error.details.budget);
    }
    expect(answer).toEqual(expected);
    // The work: a rule refused by its parts expands nothing (one with too many occurrences
    // stops at the 367th); expansions stay within the budget they ran under, and that budget
    // within the largest default (YEARLY: 731 + 2 × 366 days).
    if ("part" in expected) expect(stats.examined).toBe(rrule === "FREQ=DAILY;UNTIL=20280630" ? 367 : 0);
    else {
      expect(stats.examined).toBeGreaterThan(0);
      expect(stats.examined).toBeLessThanOrEqual(ranUnder!);
      expect(ranUnder).toBeLessThanOrEqual(budget ?? 731 + 2 * 366);
    }
  });

  test("the default budget is never the limit a rule hits: the horizon comes first", () => {
    for (const c of cases.filter((x) => x.budget === undefined)) {
      try {
        expandRecurrence({ rrule: c.rrule, firstStart: c.firstStart ?? FIRST, durationMinutes: 60 }, ZONE);
      } catch (error) {
        if (!isLinliError(error, "RECURRENCE_TOO_EXPENSIVE")) continue;
        expect(error.details.limit).toBe("horizon");
      }
    }
  });

  test("messages name the part and what it allows, in zh-CN and en", () => {
    const refusal = (rrule: string) => {
      try {
        expandRecurrence({ rrule, firstStart: FIRST, durationMinutes: 60 }, ZONE);
      } catch (error) {
        if (isLinliError(error)) return error;
      }
      throw new Error(`${rrule} was not refused`);
    };
    expect(refusal("FREQ=DAILY;BYHOUR=25;COUNT=5").messages).toEqual({
      "zh-CN": "重复规则无效：BYHOUR=25 超出范围 0–23",
      en: "Invalid recurrence rule: BYHOUR=25 is outside 0–23",
    });
    expect(refusal("FREQ=SECONDLY;COUNT=5").messages.en).toBe(
      "Invalid recurrence rule: FREQ=SECONDLY is not allowed: a series books at most one occurrence a day and repeats DAILY, WEEKLY, MONTHLY or YEARLY",
    );
    expect(refusal("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3").messages["zh-CN"]).toBe(
      "重复规则无效：BYMONTHDAY=30 从不落在 BYMONTH=2 中",
    );
    const horizon = refusal("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=2");
    expect(horizon.code).toBe("RECURRENCE_TOO_EXPENSIVE");
    expect(horizon.messages.en).toBe(
      "The recurrence rule hit a limit while expanding: only 1 of COUNT=2 occurrences fall within 731 days of the first start (up to 2028-06-30)",
    );
    expect(horizon.messages["zh-CN"]).toBe(
      "重复规则展开超出上限：首次开始后 731 天内（至 2028-06-30）只有 1 次，不足 COUNT=2",
    );
    expect(refusal("FREQ=DAILY;UNTIL=99991231T000000Z").messages.en).toBe(
      "Invalid recurrence rule: UNTIL (9999-12-31) is too far: at the latest 730 days after the first start (2028-06-30)",
    );
  });

  test("UNTIL: a date includes its whole day; a time ending in Z is UTC, read in the community's zone", () => {
    const dates = (rrule: string) =>
      expandRecurrence({ rrule, firstStart: FIRST, durationMinutes: 60 }, ZONE).occurrences.map(
        (o) => o.date,
      );
    expect(dates("FREQ=DAILY;UNTIL=20260703")).toEqual(["2026-07-01", "2026-07-02", "2026-07-03"]);
    expect(dates("FREQ=DAILY;UNTIL=20260703T085900")).toEqual(["2026-07-01", "2026-07-02"]);
    // 01:00Z is 09:00 in Shanghai: the third occurrence is included.
    expect(dates("FREQ=DAILY;UNTIL=20260703T010000Z")).toEqual(["2026-07-01", "2026-07-02", "2026-07-03"]);
    expect(dates("FREQ=DAILY;UNTIL=20260703T005900Z")).toEqual(["2026-07-01", "2026-07-02"]);
  });
});

describe("adversarial recurrences through community.booking.bookSeries: refused, nothing written", () => {
  async function community() {
    const storage = memoryStorage();
    const { community: c } = await wangjialong({ start: "2026-07-01T00:00:00Z", storage });
    const seriesRows = () => storage.transaction((tx) => tx.count("booking_series", []), { readOnly: true });
    return { c, seriesRows };
  }
  const series = (rrule: string, exceptions: string[] = []) => ({
    actor: desk,
    forResident: "li",
    resourceId: "library",
    rrule,
    start: cst("2026-07-08T15:00"),
    end: cst("2026-07-08T16:00"),
    exceptions,
  });

  test.each([
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3", "INVALID_RECURRENCE"],
    ["FREQ=SECONDLY;COUNT=5", "INVALID_RECURRENCE"],
    ["FREQ=DAILY;BYHOUR=25;COUNT=5", "INVALID_RECURRENCE"],
    ["FREQ=WEEKLY;BYDAY=XX;COUNT=3", "INVALID_RECURRENCE"],
    ["FREQ=DAILY;UNTIL=99991231T000000Z", "INVALID_RECURRENCE"],
    ["FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2;COUNT=5", "RECURRENCE_TOO_EXPENSIVE"],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=2", "RECURRENCE_TOO_EXPENSIVE"],
  ] as const)("%s → %s", async (rrule, code) => {
    const { c, seriesRows } = await community();
    await expect(c.booking.bookSeries(series(rrule))).rejects.toMatchObject({ code });
    expect(await c.booking.list({ actor: resident("li") })).toEqual([]);
    expect(await seriesRows()).toBe(0);
  });

  test("a series with no occurrence is refused with EMPTY_SERIES: all excepted, or none before UNTIL", async () => {
    const { c, seriesRows } = await community();
    await expect(
      c.booking.bookSeries(series("FREQ=WEEKLY;COUNT=2", ["2026-07-08", "2026-07-15"])),
    ).rejects.toMatchObject({
      code: "EMPTY_SERIES",
      messages: {
        en: "The recurrence rule FREQ=WEEKLY;COUNT=2 from 2026-07-08T15:00 gives no occurrence (exceptions left out); no series was created",
      },
    });
    // 2026-07-08 is a Wednesday; the first Monday is after UNTIL.
    await expect(c.booking.bookSeries(series("FREQ=WEEKLY;BYDAY=MO;UNTIL=20260712"))).rejects.toMatchObject({
      code: "EMPTY_SERIES",
    });
    expect(await seriesRows()).toBe(0);
    // A sound series afterwards is written as usual.
    const ok = await c.booking.bookSeries(series("FREQ=WEEKLY;COUNT=2"));
    expect(ok.ok && ok.booked.length).toBe(2);
    expect(await seriesRows()).toBe(1);
  });
});
