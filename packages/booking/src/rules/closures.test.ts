import { describe, expect, test } from "vitest";
import { codes, judge } from "../../test/rule-harness";
import { closuresKind } from "./closures";

const at = (local: string) => new Date(`${local}:00+08:00`);
const springFestival = {
  closures: [
    { from: "2027-02-06", to: "2027-02-08", reason: { "zh-CN": "春节", en: "Spring Festival" } },
    { from: "2028-02-29" },
  ],
};

describe("closures", () => {
  test("a booking on a closed day is refused with the reason; the day after is open from midnight", () => {
    const refused = judge(closuresKind, springFestival, {
      start: at("2027-02-07T10:00"),
      end: at("2027-02-07T11:00"),
    });
    expect(codes(refused)).toEqual(["CLOSED"]);
    expect(refused[0]!.message["zh-CN"]).toBe("2027-02-06 至 2027-02-08 闭馆（春节）");
    expect(
      judge(closuresKind, springFestival, { start: at("2027-02-09T00:00"), end: at("2027-02-09T01:00") }),
    ).toEqual([]);
  });

  test("a booking ending exactly at the closure's first midnight is fine; one running into it is not", () => {
    expect(
      judge(closuresKind, springFestival, { start: at("2027-02-05T23:00"), end: at("2027-02-06T00:00") }),
    ).toEqual([]);
    expect(
      codes(
        judge(closuresKind, springFestival, { start: at("2027-02-05T23:00"), end: at("2027-02-06T00:30") }),
      ),
    ).toEqual(["CLOSED"]);
  });

  test("leap day closure 2028-02-29 closes that day only", () => {
    expect(
      codes(
        judge(closuresKind, springFestival, { start: at("2028-02-29T12:00"), end: at("2028-02-29T13:00") }),
      ),
    ).toEqual(["CLOSED"]);
    expect(
      judge(closuresKind, springFestival, { start: at("2028-03-01T12:00"), end: at("2028-03-01T13:00") }),
    ).toEqual([]);
  });

  test("closed days follow the local day in Europe/London on the DST change day", () => {
    const tz = "Europe/London";
    const closed = { closures: [{ from: "2026-03-29" }] };
    // 2026-03-29 is 23 hours long: 00:00 GMT to 23:00Z.
    expect(
      codes(
        judge(
          closuresKind,
          closed,
          { start: new Date("2026-03-29T22:30:00Z"), end: new Date("2026-03-29T23:00:00Z") },
          { timeZone: tz },
        ),
      ),
    ).toEqual(["CLOSED"]);
    expect(
      judge(
        closuresKind,
        closed,
        { start: new Date("2026-03-29T23:00:00Z"), end: new Date("2026-03-29T23:30:00Z") },
        { timeZone: tz },
      ),
    ).toEqual([]);
  });
});
