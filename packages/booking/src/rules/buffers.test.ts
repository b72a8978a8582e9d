import { describe, expect, test } from "vitest";
import { codes, existing, judge, undocumentedParams } from "../../test/rule-harness";
import { buffersKind } from "./buffers";

// The request is 01:00–02:00Z; bookings carry their own blocked span (with their buffers), as
// the engine stores them; `buffer` is the turnover around the request.
const slot = { start: new Date("2026-07-06T01:00Z"), end: new Date("2026-07-06T02:00Z") };
const thirtyAfter = { beforeMs: 0, afterMs: 30 * 60_000 };
const thirtyBefore = { beforeMs: 30 * 60_000, afterMs: 0 };

describe("buffers", () => {
  test("a booking ending 15 minutes before the request blocks it when the request needs 30 before", () => {
    const before = existing("2026-07-06T00:00Z", "2026-07-06T00:45Z");
    const judged = (buffer: { beforeMs: number; afterMs: number }) =>
      codes(
        judge(buffersKind, { beforeMinutes: 30 }, slot, { snapshot: { resourceBookings: [before] }, buffer }),
      );
    expect(judged(thirtyBefore)).toEqual(["TURNOVER_CONFLICT"]);
    expect(judged({ beforeMs: 15 * 60_000, afterMs: 0 })).toEqual([]);
  });

  test("a booking starting 15 minutes after the request blocks it when the request needs 30 after", () => {
    const after = existing("2026-07-06T02:15Z", "2026-07-06T03:00Z");
    expect(
      codes(
        judge(buffersKind, { afterMinutes: 30 }, slot, {
          snapshot: { resourceBookings: [after] },
          buffer: thirtyAfter,
        }),
      ),
    ).toEqual(["TURNOVER_CONFLICT"]);
  });

  test("a plain overlap is the capacity rule's to refuse, not a turnover conflict", () => {
    const overlapping = existing("2026-07-06T01:30Z", "2026-07-06T02:30Z");
    expect(
      judge(buffersKind, { afterMinutes: 30 }, slot, {
        snapshot: { resourceBookings: [overlapping] },
        buffer: thirtyAfter,
      }),
    ).toEqual([]);
  });

  test("with room for two, one overlap plus one turnover fills it; either alone does not", () => {
    const overlapping = existing("2026-07-06T01:30Z", "2026-07-06T02:30Z");
    const justAfter = existing("2026-07-06T02:15Z", "2026-07-06T03:00Z");
    const options = { capacity: 2, buffer: thirtyAfter };
    const judged = (bookings: ReturnType<typeof existing>[]) =>
      codes(
        judge(buffersKind, { afterMinutes: 30 }, slot, {
          ...options,
          snapshot: { resourceBookings: bookings },
        }),
      );
    expect(judged([overlapping, justAfter])).toEqual(["TURNOVER_CONFLICT"]);
    expect(judged([overlapping])).toEqual([]);
    expect(judged([justAfter])).toEqual([]);
  });

  test("a request for several units counts them; without a quantity it is one", () => {
    const justBefore = existing("2026-07-06T00:00Z", "2026-07-06T00:45Z");
    const options = { capacity: 3, buffer: thirtyBefore, snapshot: { resourceBookings: [justBefore] } };
    expect(judge(buffersKind, { beforeMinutes: 30 }, { ...slot, quantity: 2 }, options)).toEqual([]);
    expect(codes(judge(buffersKind, { beforeMinutes: 30 }, { ...slot, quantity: 3 }, options))).toEqual([
      "TURNOVER_CONFLICT",
    ]);
    const full = existing("2026-07-06T00:00Z", "2026-07-06T00:45Z", { quantity: 2 });
    const two = { capacity: 2, buffer: thirtyBefore, snapshot: { resourceBookings: [full] } };
    expect(codes(judge(buffersKind, { beforeMinutes: 30 }, { ...slot, quantity: undefined }, two))).toEqual([
      "TURNOVER_CONFLICT",
    ]);
  });

  test("only bookings of the same resource, and of the same zone when a zone is asked, block", () => {
    const other = existing("2026-07-06T00:00Z", "2026-07-06T00:45Z", { resourceId: "gym" });
    const east = existing("2026-07-06T00:00Z", "2026-07-06T00:45Z", { zoneId: "east" });
    const judged = (booking: ReturnType<typeof existing>, zoneId?: string) =>
      codes(
        judge(
          buffersKind,
          { beforeMinutes: 30 },
          { ...slot, ...(zoneId ? { zoneId } : {}) },
          {
            snapshot: { resourceBookings: [booking] },
            buffer: thirtyBefore,
          },
        ),
      );
    expect(judged(other)).toEqual([]);
    expect(judged(east)).toEqual(["TURNOVER_CONFLICT"]);
    expect(judged(east, "east")).toEqual(["TURNOVER_CONFLICT"]);
    expect(judged(east, "west")).toEqual([]);
  });

  test("a booking's own blocked span counts, not just its times", () => {
    // Ends at 00:15 but keeps 45 minutes after: blocked until 01:00, touching nothing.
    const kept = existing("2026-07-06T00:00Z", "2026-07-06T00:15Z", {
      blockStart: new Date("2026-07-05T23:45Z"),
      blockEnd: new Date("2026-07-06T01:00Z"),
    });
    const judged = (buffer: { beforeMs: number; afterMs: number }) =>
      codes(judge(buffersKind, {}, slot, { snapshot: { resourceBookings: [kept] }, buffer }));
    expect(judged({ beforeMs: 60_000, afterMs: 0 })).toEqual(["TURNOVER_CONFLICT"]);
    expect(judged({ beforeMs: 0, afterMs: 0 })).toEqual([]);
    const startsLater = existing("2026-07-06T02:45Z", "2026-07-06T03:00Z", {
      blockStart: new Date("2026-07-06T02:00Z"),
      blockEnd: new Date("2026-07-06T03:00Z"),
    });
    expect(
      codes(
        judge(buffersKind, {}, slot, {
          snapshot: { resourceBookings: [startsLater] },
          buffer: { beforeMs: 0, afterMs: 60_000 },
        }),
      ),
    ).toEqual(["TURNOVER_CONFLICT"]);
  });

  test("the refusal names the turnover in both languages", () => {
    const before = existing("2026-07-06T00:00Z", "2026-07-06T00:45Z");
    expect(
      judge(buffersKind, { beforeMinutes: 30, afterMinutes: 10 }, slot, {
        snapshot: { resourceBookings: [before] },
        buffer: thirtyBefore,
      }),
    ).toEqual([
      {
        code: "TURNOVER_CONFLICT",
        rule: "rule-under-test",
        params: { before: 30, after: 10 },
        message: {
          "zh-CN": "前后须留出整理时间（之前 30 分钟，之后 10 分钟）",
          en: "Turnover time is needed around bookings (30 min before, 10 min after)",
        },
      },
    ]);
  });

  test("the kind gives its buffers to the engine, describes itself and every parameter", () => {
    expect(buffersKind.buffer!(buffersKind.params.parse({ beforeMinutes: 5, afterMinutes: 20 }))).toEqual({
      beforeMinutes: 5,
      afterMinutes: 20,
    });
    expect(buffersKind.params.parse({})).toEqual({ beforeMinutes: 0, afterMinutes: 0 });
    expect(buffersKind.description).toEqual({
      "zh-CN": "前后缓冲（整理时间）",
      en: "Buffers / turnover time",
    });
    expect(buffersKind.reads).toEqual({ residentBookings: false, groups: false });
    expect(undocumentedParams(buffersKind)).toEqual([]);
  });
});

test("the kind's name, as configurations write it", () => {
  expect(buffersKind.kind).toBe("buffers");
});
