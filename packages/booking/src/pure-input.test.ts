import { isLinliError, type LinliError } from "@linli/core";
import { describe, expect, test } from "vitest";
import { kindsWith, testResource } from "../test/availability-fixtures";
import { availableSlots } from "./availability";
import { evaluateBooking } from "./evaluate-booking";
import { writeIcs } from "./ics-calendar";

const kinds = kindsWith();
const resource = testResource("dryer", 2);
const now = new Date("2026-07-06T00:00:00Z");

function refusal(fn: () => unknown): LinliError {
  try {
    fn();
  } catch (error) {
    if (isLinliError(error, "VALIDATION_FAILED")) return error;
    throw error;
  }
  throw new Error("expected VALIDATION_FAILED");
}

/** An `availableSlots` input without its window: the resource, no rules, a resident asking. */
const availabilityBase = {
  resource,
  rules: [],
  kinds,
  timeZone: "Asia/Shanghai",
  now,
  bookings: [],
  who: { actorKind: "resident" as const },
};

const paths = (e: LinliError) => (e.details.problems as { path: string }[]).map((p) => p.path);

describe("the exported pure functions check their input like the commands do", () => {
  test("availableSlots: a reversed window, an unknown zone and a fractional duration are each named", () => {
    expect(
      availableSlots({ ...availabilityBase, start: now, end: new Date(now.getTime() + 3_600_000) }).length,
    ).toBeGreaterThan(0);
    const e = refusal(() =>
      availableSlots({
        ...availabilityBase,
        timeZone: "Mars/Olympus",
        start: now,
        end: new Date(now.getTime() - 1),
        durationMinutes: 7.5,
      }),
    );
    expect(paths(e).sort()).toEqual(["durationMinutes", "timeZone"]);
    expect(e.messages["zh-CN"]).toContain("输入无效");
    const reversed = refusal(() =>
      availableSlots({ ...availabilityBase, start: now, end: new Date(now.getTime() - 1) }),
    );
    expect(paths(reversed)).toEqual(["end"]);
    const tooLong = refusal(() =>
      availableSlots({ ...availabilityBase, start: now, end: new Date(now.getTime() + 400 * 86_400_000) }),
    );
    expect(tooLong.messages.en).toContain("367 days");
    expect(tooLong.details.function).toBe("availableSlots");
    expect(tooLong.messages.en).toContain("availableSlots: end: the window is at most 367 days");
    expect(tooLong.details.problems).toEqual([
      expect.objectContaining({
        path: "end",
        code: "WINDOW_TOO_LONG",
        message: { "zh-CN": "查询时段最长 367 天", en: "the window is at most 367 days" },
      }),
    ]);
  });

  test("availableSlots: what its fast check must not let through is refused as zod refuses it", () => {
    const base = { ...availabilityBase, start: now, end: new Date(now.getTime() + 3_600_000) };
    const { capacity: _capacity, ...noCapacity } = resource;
    const cases: [unknown, string][] = [
      [{ ...base, resource: noCapacity }, "resource.capacity"],
      [{ ...base, resource: { ...resource, id: "" } }, "resource.id"],
      [{ ...base, who: { actorKind: "resident", groups: ["students", 7] } }, "who.groups[1]"],
    ];
    for (const [input, path] of cases)
      expect(paths(refusal(() => availableSlots(input as Parameters<typeof availableSlots>[0])))).toEqual([
        path,
      ]);
    // Not an object at all: the same refusal, never a TypeError from reading its fields.
    const notObjects: unknown[] = [null, undefined, "dryer", [base]];
    for (const input of notObjects)
      expect(refusal(() => availableSlots(input as Parameters<typeof availableSlots>[0])).code).toBe(
        "VALIDATION_FAILED",
      );
  });

  test("evaluateBooking: an invalid date and a zero quantity are refused before any rule runs", () => {
    const e = refusal(() =>
      evaluateBooking({
        request: {
          resourceId: "dryer",
          start: new Date("not a date"),
          end: now,
          quantity: 0,
          actorKind: "resident",
        },
        now,
        timeZone: "Asia/Shanghai",
        resource,
        rules: [],
        kinds,
        snapshot: { resourceBookings: [], residentBookings: [] },
      }),
    );
    expect(paths(e).sort()).toEqual(["request.quantity", "request.start"]);
  });

  test("writeIcs: an event ending before it starts is refused", () => {
    const event = {
      uid: "b1@linli",
      summary: "干衣机",
      start: now,
      end: new Date(now.getTime() + 3_600_000),
    };
    expect(writeIcs({ name: "r1", timeZone: "Asia/Shanghai", stamp: now, events: [event] })).toContain(
      "BEGIN:VEVENT",
    );
    const e = refusal(() =>
      writeIcs({ name: "r1", timeZone: "Asia/Shanghai", stamp: now, events: [{ ...event, end: now }] }),
    );
    expect(paths(e)).toEqual(["events[0].end"]);
  });
});
