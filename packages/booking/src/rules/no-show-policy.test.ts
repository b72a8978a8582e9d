import { describe, expect, test } from "vitest";
import { codes, undocumentedParams, existing, judge } from "../../test/rule-harness";
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

describe("no-show-policy: the window, the count, the resident", () => {
  const t0 = Date.parse("2026-07-01T02:00:00Z");
  const days = (...ds: number[]) => ds.map((d) => new Date(t0 + d * DAY));

  test("no-shows given in any order are counted in time order", () => {
    expect(suspendedUntil(days(20, 0, 10), policy, new Date(t0 + 21 * DAY))?.getTime()).toBe(t0 + 27 * DAY);
  });
  test("a no-show exactly the period before another is outside its window", () => {
    expect(suspendedUntil(days(0, 15, 30), policy, new Date(t0 + 31 * DAY))).toBeNull();
    expect(suspendedUntil(days(1, 15, 30), policy, new Date(t0 + 31 * DAY))?.getTime()).toBe(t0 + 37 * DAY);
  });
  test("each further no-show over the count extends the suspension from it", () => {
    expect(suspendedUntil(days(0, 1, 2, 5), policy, new Date(t0 + 6 * DAY))?.getTime()).toBe(t0 + 12 * DAY);
  });
  test("only this resident's no-shows count, and only bookings marked as no-shows", () => {
    const snapshot = {
      residentBookings: [
        ...days(0, 10).map((d) =>
          existing(d, new Date(d.getTime() + 3_600_000), { status: "released", noShowAt: d }),
        ),
        ...days(20).map((d) =>
          existing(d, new Date(d.getTime() + 3_600_000), { residentId: "r2", noShowAt: d }),
        ),
        ...days(20).map((d) => existing(d, new Date(d.getTime() + 3_600_000), { status: "completed" })),
      ],
    };
    const req = { start: new Date(t0 + 22 * DAY), end: new Date(t0 + 22 * DAY + 3_600_000) };
    expect(judge(noShowPolicyKind, policy, req, { now: new Date(t0 + 21 * DAY), snapshot })).toEqual([]);
  });
  test("a booking for no resident is never suspended, whatever the snapshot holds", () => {
    const snapshot = {
      residentBookings: days(0, 10, 20).map((d) =>
        existing(d, new Date(d.getTime() + 3_600_000), { residentId: null, noShowAt: d }),
      ),
    };
    const req = {
      start: new Date(t0 + 22 * DAY),
      end: new Date(t0 + 22 * DAY + 3_600_000),
      residentId: null,
    };
    expect(judge(noShowPolicyKind, policy, req, { now: new Date(t0 + 21 * DAY), snapshot })).toEqual([]);
  });
  test("the refusal in English, and the kind's own description", () => {
    const snapshot = {
      residentBookings: days(0, 10, 20).map((d) =>
        existing(d, new Date(d.getTime() + 3_600_000), { status: "released", noShowAt: d }),
      ),
    };
    const req = { start: new Date(t0 + 22 * DAY), end: new Date(t0 + 22 * DAY + 3_600_000) };
    const [v] = judge(noShowPolicyKind, policy, req, { now: new Date(t0 + 21 * DAY), snapshot });
    expect(v!.message.en).toBe("3 no-shows within 30 days: booking is suspended until 2026-07-28 10:00");
    expect(v!.rule).toBe("rule-under-test");
    expect(noShowPolicyKind.description).toEqual({
      "zh-CN": "爽约规则：一段时间内爽约 N 次，暂停预约 M 天",
      en: "No-show policy: after N no-shows in a period, booking is suspended for M days",
    });
    expect(noShowPolicyKind.reads).toEqual({ residentBookings: true, groups: false });
  });
});

describe("cancellation-deadline and check-in: defaults and descriptions", () => {
  const booking = existing("2026-07-06T10:00:00Z", "2026-07-06T11:00:00Z");
  test("check-in by default opens 15 minutes before and closes 15 after the start, releasing the missed", () => {
    expect(checkInKind.checkIn!(checkInKind.params.parse({}), booking, "UTC")).toEqual({
      opensAt: new Date("2026-07-06T09:45:00Z"),
      closesAt: new Date("2026-07-06T10:15:00Z"),
      onMissed: "release",
    });
  });
  test("a late cancellation may be refused", () => {
    const p = cancellationDeadlineKind.params.parse({ minutesBefore: 0, late: "refuse" });
    expect(cancellationDeadlineKind.cancellation!(p, booking, "UTC")).toEqual({
      deadline: new Date("2026-07-06T10:00:00Z"),
      late: "refuse",
    });
  });
  test("both kinds describe themselves, judge nothing at booking time and need no resident's bookings", () => {
    expect(checkInKind.description).toEqual({
      "zh-CN": "签到时间窗，未签到自动释放",
      en: "Check-in window with automatic release",
    });
    expect(cancellationDeadlineKind.description).toEqual({
      "zh-CN": "取消截止时间",
      en: "Cancellation deadline",
    });
    for (const kind of [checkInKind, cancellationDeadlineKind]) {
      expect(kind.reads).toEqual({ residentBookings: false, groups: false });
      expect(judge(kind, kind === checkInKind ? {} : { minutesBefore: 60 }, booking)).toEqual([]);
    }
  });
});

test("no-show-policy, cancellation-deadline and check-in: every parameter is documented for whoever writes the configuration", () => {
  for (const kind of [noShowPolicyKind, cancellationDeadlineKind, checkInKind])
    expect(undocumentedParams(kind), kind.kind).toEqual([]);
});

test("the kinds' names, as configurations write them, and every value of their options", () => {
  expect([noShowPolicyKind.kind, cancellationDeadlineKind.kind, checkInKind.kind]).toEqual([
    "no-show-policy",
    "cancellation-deadline",
    "check-in",
  ]);
  for (const late of ["allow", "refuse"])
    expect(cancellationDeadlineKind.params.parse({ minutesBefore: 0, late }).late).toBe(late);
  for (const onMissed of ["release", "no-show", "keep"])
    expect(checkInKind.params.parse({ onMissed }).onMissed).toBe(onMissed);
});
