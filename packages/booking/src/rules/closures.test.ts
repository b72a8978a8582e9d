import { describe, expect, test } from "vitest";
import { codes, judge, room, undocumentedParams } from "../../test/rule-harness";
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

describe("closures: every closure touched, the open time between them, the configuration", () => {
  test("a booking across two closures is refused by each; without a reason the refusal says closed", () => {
    const rule = { closures: [{ from: "2026-07-06" }, { from: "2026-07-07", to: "2026-07-07" }] };
    const refused = judge(closuresKind, rule, { start: at("2026-07-06T23:00"), end: at("2026-07-07T01:00") });
    expect(refused).toEqual([
      {
        code: "CLOSED",
        rule: "rule-under-test",
        params: { from: "2026-07-06", to: "2026-07-06", reasonZh: "闭馆", reasonEn: "closed" },
        message: {
          "zh-CN": "2026-07-06 至 2026-07-06 闭馆（闭馆）",
          en: "Closed from 2026-07-06 to 2026-07-06 (closed)",
        },
      },
      expect.objectContaining({ params: expect.objectContaining({ from: "2026-07-07", to: "2026-07-07" }) }),
    ]);
    const spring = judge(closuresKind, springFestival, {
      start: at("2027-02-06T10:00"),
      end: at("2027-02-06T11:00"),
    });
    expect(spring[0]!.message.en).toBe("Closed from 2027-02-06 to 2027-02-08 (Spring Festival)");
  });

  test("the open time of a window is what the closed days leave of it", () => {
    const open = closuresKind.allowedIntervals!(closuresKind.params.parse(springFestival), {
      rule: { id: "c", kind: "closures", params: {}, targets: new Set(["room"]) },
      start: at("2027-02-05T12:00"),
      end: at("2027-02-10T12:00"),
      now: at("2027-01-01T00:00"),
      timeZone: "Asia/Shanghai",
      resource: room,
      actorKind: "resident",
      groups: [],
    });
    expect(open).toEqual([
      { start: at("2027-02-05T12:00").getTime(), end: at("2027-02-06T00:00").getTime() },
      { start: at("2027-02-09T00:00").getTime(), end: at("2027-02-10T12:00").getTime() },
    ]);
  });

  test("the kind describes itself and every parameter", () => {
    expect(closuresKind.description).toEqual({ "zh-CN": "闭馆日与节假日", en: "Closure days and holidays" });
    expect(closuresKind.reads).toEqual({ residentBookings: false, groups: false });
    expect(undocumentedParams(closuresKind)).toEqual([]);
  });
});

test("the kind's name, as configurations write it", () => {
  expect(closuresKind.kind).toBe("closures");
});
