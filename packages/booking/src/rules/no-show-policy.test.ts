import { describe, expect, test } from "vitest";
import { codes, existing, judge } from "../../test/rule-harness";
import { cancellationDeadlineKind } from "./cancellation-deadline";
import { checkInKind } from "./check-in";
import { noShowPolicyKind, suspendedUntil } from "./no-show-policy";

const DAY = 86_400_000;
const policy = { maxNoShows: 3, periodDays: 30, suspendDays: 7 };

describe("no-show-policy", () => {
  const t0 = Date.parse("2026-07-01T02:00:00Z");
  const noShows = [0, 10, 20].map((d) => new Date(t0 + d * DAY));
  test("the third no-show within 30 days suspends for 7 days from it", () => {
    expect(suspendedUntil(noShows, policy, new Date(t0 + 21 * DAY))?.toISOString()).toBe(
      new Date(t0 + 27 * DAY).toISOString(),
    );
    expect(suspendedUntil(noShows, policy, new Date(t0 + 27 * DAY))).toBeNull();
  });
  test("no-shows spread over more than the period do not suspend", () => {
    const spread = [0, 20, 31].map((d) => new Date(t0 + d * DAY));
    expect(suspendedUntil(spread, policy, new Date(t0 + 31 * DAY))).toBeNull();
  });
  test("the evaluator refuses while suspended and says until when, in local time", () => {
    const snapshot = {
      residentBookings: noShows.map((d) =>
        existing(d, new Date(d.getTime() + 3_600_000), { status: "released", noShowAt: d }),
      ),
    };
    const req = { start: new Date(t0 + 22 * DAY), end: new Date(t0 + 22 * DAY + 3_600_000) };
    const v = judge(noShowPolicyKind, policy, req, { now: new Date(t0 + 21 * DAY), snapshot });
    expect(codes(v)).toEqual(["SUSPENDED_FOR_NO_SHOWS"]);
    expect(v[0]!.message["zh-CN"]).toBe("30 天内爽约 3 次，预约暂停至 2026-07-28 10:00");
    // No-shows on other resources than the rule's do not count.
    expect(
      judge(noShowPolicyKind, policy, req, { now: new Date(t0 + 21 * DAY), snapshot, targets: ["gym"] }),
    ).toEqual([]);
  });
});

describe("cancellation-deadline and check-in terms", () => {
  const booking = existing("2026-07-06T10:00:00Z", "2026-07-06T11:00:00Z");
  test("deadline is minutesBefore the start", () => {
    const terms = cancellationDeadlineKind.cancellation!(
      cancellationDeadlineKind.params.parse({ minutesBefore: 120 }),
      booking,
      "UTC",
    );
    expect(terms).toEqual({ deadline: new Date("2026-07-06T08:00:00Z"), late: "allow" });
  });
  test("check-in window around the start, never past the end", () => {
    const p = checkInKind.params.parse({ opensMinutesBefore: 10, closesMinutesAfter: 90 });
    expect(checkInKind.checkIn!(p, booking, "UTC")).toEqual({
      opensAt: new Date("2026-07-06T09:50:00Z"),
      closesAt: new Date("2026-07-06T11:00:00Z"),
      onMissed: "release",
    });
  });
});
