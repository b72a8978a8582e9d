import { isLinliError } from "@linli/core";
import fc from "fast-check";
import * as rruleModule from "rrule";
import { describe, expect, test } from "vitest";
import { expandRecurrence, MAX_OCCURRENCES, RECURRENCE_HORIZON_DAYS } from "./recurrence";

// The `rrule` library is the reference: on every rule a series accepts, the day-by-day
// expansion gives the same occurrences as rrule run to the same horizon. (One deliberate
// difference is left out of the generator: a BYDAY list mixing plain and positioned
// weekdays, which rrule intersects and RFC 5545 unites; see the unit test below.)
type RRuleClass = typeof rruleModule.RRule;
const RRule: RRuleClass =
  (rruleModule as { RRule?: RRuleClass }).RRule ??
  (rruleModule as unknown as { default: { RRule: RRuleClass } }).default.RRule;

const DAY_MS = 86_400_000;
const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

const sortedUnique = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
const listOf = (arb: fc.Arbitrary<number>, max: number) =>
  fc.array(arb, { minLength: 1, maxLength: max }).map((xs) => sortedUnique(xs).join(","));

const freq = fc.constantFrom("DAILY", "WEEKLY", "MONTHLY", "YEARLY");
/** A part present one time in three (rules with every part are rarely satisfiable). */
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const signed = (max: number) => fc.integer({ min: 1, max }).chain((n) => fc.constantFrom(n, -n));

/** A rule a series accepts, with the first start (floating UTC fields) it runs from. */
const ruleCase = freq.chain((f) => {
  const positioned = f === "MONTHLY" || f === "YEARLY";
  return fc.record({
    freq: fc.constant(f),
    interval: maybe(fc.integer({ min: 1, max: 4 })),
    end: fc.oneof(
      fc.integer({ min: 1, max: 40 }).map((n) => `COUNT=${n}`),
      // UNTIL up to the horizon's end (rare; rrule is slow on long daily runs) or within 200 days.
      fc
        .oneof(
          { weight: 1, arbitrary: fc.constant(RECURRENCE_HORIZON_DAYS - 1) },
          { weight: 6, arbitrary: fc.integer({ min: 0, max: 400 }) },
        )
        .map((days) => ({ untilDays: days })),
    ),
    byMonth: maybe(listOf(fc.integer({ min: 1, max: 12 }), 3)),
    byMonthDay: f === "WEEKLY" ? fc.constant(undefined) : maybe(listOf(signed(31), 3)),
    byDay: maybe(
      positioned
        ? fc.oneof(
            fc
              .uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 3 })
              .map((d) => d.join(",")),
            fc
              .uniqueArray(fc.tuple(signed(4), fc.constantFrom(...WEEKDAYS)), {
                minLength: 1,
                maxLength: 3,
                selector: ([n, d]) => `${n}${d}`,
              })
              .map((xs) => xs.map(([n, d]) => `${n}${d}`).join(",")),
          )
        : fc
            .uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 3 })
            .map((d) => d.join(",")),
    ),
    byHour: maybe(fc.integer({ min: 0, max: 23 })),
    // One position, and none below -1: rrule.js reads BYSETPOS=-2 of a one-day set as that
    // day (a slice quirk) and repeats a day two positions pick (no dedupe by value);
    // the expansion, like dateutil, does neither (unit test below).
    bySetPos: maybe(fc.integer({ min: -1, max: 6 }).filter((n) => n !== 0)),
    wkst: maybe(fc.constantFrom(...WEEKDAYS)),
    first: fc.integer({ min: Date.UTC(2024, 0, 1) / DAY_MS, max: Date.UTC(2030, 11, 31) / DAY_MS }),
    minute: fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
  });
});

const compact = (wall: number) => new Date(wall).toISOString().slice(0, 19).replace(/[-:]/g, "");

describe("expandRecurrence against rrule", () => {
  test("the same occurrences on every rule a series accepts (fixed seed)", () => {
    let compared = 0;
    let empty = 0;
    fc.assert(
      fc.property(ruleCase, (c) => {
        const firstWall = c.first * DAY_MS + c.minute * 60_000;
        const iso = new Date(firstWall).toISOString();
        const firstStart = `${iso.slice(0, 10)}T${iso.slice(11, 16)}`;
        const end =
          typeof c.end === "string" ? c.end : `UNTIL=${compact(firstWall + c.end.untilDays * DAY_MS)}`;
        const parts = [
          `FREQ=${c.freq}`,
          c.interval && `INTERVAL=${c.interval}`,
          end,
          c.byMonth && `BYMONTH=${c.byMonth}`,
          c.byMonthDay && `BYMONTHDAY=${c.byMonthDay}`,
          c.byDay && `BYDAY=${c.byDay}`,
          c.byHour !== undefined && `BYHOUR=${c.byHour}`,
          c.bySetPos && `BYSETPOS=${c.bySetPos}`,
          c.wkst && `WKST=${c.wkst}`,
        ].filter(Boolean);
        const rrule = parts.join(";");
        let ours: string[] | { code: string; limit?: unknown; part?: unknown; found?: unknown };
        try {
          ours = expandRecurrence({ rrule, firstStart, durationMinutes: 30 }, "UTC").occurrences.map((o) =>
            o.start.toISOString(),
          );
        } catch (error) {
          if (!isLinliError(error)) throw error;
          const { limit, part, found } = error.details;
          ours = { code: error.code, limit, part, found };
        }
        if (!Array.isArray(ours) && ours.code === "INVALID_RECURRENCE" && ours.part !== "UNTIL") {
          // Refused by a check the generator can reach: BYSETPOS alone, or a BYMONTHDAY that
          // never falls in BYMONTH (which rrule would search for until the year 9999).
          const alone = !(c.byMonth || c.byMonthDay || c.byDay || c.byHour !== undefined);
          expect(ours.part === "BYSETPOS" ? alone : ours.part === "BYMONTHDAY", rrule).toBe(true);
          return;
        }
        // rrule checks UNTIL only on the dates it finds: on a rule that never matches again
        // it searches until the year 9999 (the hang this expansion prevents), so it is asked
        // only when the expansion found a date (a calendar pattern that matched once recurs).
        if ((Array.isArray(ours) ? ours.length : ours.found) === 0) {
          empty++;
          return;
        }
        const horizon = (c.first + RECURRENCE_HORIZON_DAYS) * DAY_MS - 1;
        const options = RRule.parseString(rrule);
        const until = options.until ? Math.min(options.until.getTime(), horizon) : horizon;
        const reference = new RRule({ ...options, until: new Date(until), dtstart: new Date(firstWall) })
          .all((_d, i) => i <= MAX_OCCURRENCES)
          .map((d) => d.toISOString());
        if (Array.isArray(ours)) {
          compared++;
          expect(ours, rrule).toEqual(reference);
        } else if (ours.code === "RECURRENCE_TOO_EXPENSIVE") {
          // COUNT not reached within the horizon: rrule finds as many there.
          expect(ours.limit).toBe("horizon");
          expect(reference.length, rrule).toBe(ours.found);
        } else {
          // More occurrences than a series holds before UNTIL.
          expect(ours.part, rrule).toBe("UNTIL");
          expect(reference.length, rrule).toBeGreaterThan(MAX_OCCURRENCES);
        }
      }),
      { seed: 20260701, numRuns: 800 },
    );
    // Most generated rules give occurrences (the comparison is not vacuous); the rest never
    // match within their window (a short UNTIL, INTERVAL=2 over odd months for BYMONTH=4, …).
    expect(compared).toBeGreaterThan(400);
    expect(empty).toBeLessThan(compared / 2);
  });

  test("BYSETPOS beyond the period's set selects nothing, and a day picked twice counts once (as dateutil; unlike rrule.js)", () => {
    const { occurrences } = expandRecurrence(
      {
        rrule: "FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=-1,1,-2;COUNT=2",
        firstStart: "2026-07-01T09:00",
        durationMinutes: 60,
      },
      "UTC",
    );
    expect(occurrences.map((o) => o.date)).toEqual(["2026-07-01", "2026-08-01"]);
  });

  test("a BYDAY list mixing plain and positioned weekdays means either (RFC 5545), unlike rrule", () => {
    const { occurrences } = expandRecurrence(
      { rrule: "FREQ=MONTHLY;BYDAY=FR,1MO;COUNT=6", firstStart: "2026-06-01T19:00", durationMinutes: 60 },
      "Asia/Shanghai",
    );
    expect(occurrences.map((o) => o.date)).toEqual([
      "2026-06-01",
      "2026-06-05",
      "2026-06-12",
      "2026-06-19",
      "2026-06-26",
      "2026-07-03",
    ]);
  });
});
