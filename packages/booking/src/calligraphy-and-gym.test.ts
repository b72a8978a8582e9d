import { describe, expect, test } from "vitest";
import { cst, desk, resident, wangjialong } from "../test/wangjialong-fixture";

describe("free calligraphy classes for students in the school holidays", () => {
  test("a student books a Saturday class in the summer holiday; a retiree cannot; in term time nobody can", async () => {
    const { community } = await wangjialong({
      start: "2026-06-30T00:00:00Z",
      residents: ["xiaoming", "grandpa-zhou"],
    });
    await community.eligibility.grant({
      actor: desk,
      forResident: "xiaoming",
      groupId: "student",
      validUntil: new Date("2027-07-01T00:00:00Z"),
    });
    const ask = (who: string, from: string, to: string) =>
      community.booking.book({
        actor: resident(who),
        resourceId: "calligraphy-room",
        start: cst(from),
        end: cst(to),
      });

    expect((await ask("xiaoming", "2026-07-11T09:00", "2026-07-11T11:00")).ok).toBe(true);
    const retiree = await ask("grandpa-zhou", "2026-07-11T09:00", "2026-07-11T11:00");
    expect(!retiree.ok && retiree.violations.map((v) => v.code)).toEqual(["NOT_ELIGIBLE"]);
    // 2026-09-05 is a Saturday in term time.
    const term = await ask("xiaoming", "2026-09-05T09:00", "2026-09-05T11:00");
    expect(!term.ok && term.violations.map((v) => v.code)).toEqual(["OUT_OF_SEASON"]);
    // Availability tells the student which weekend mornings are open in the holidays.
    const [hall] = await community.booking.availability({
      actor: resident("xiaoming"),
      resourceId: "calligraphy-room",
      start: cst("2026-07-06T00:00"),
      end: cst("2026-07-13T00:00"),
      durationMinutes: 120,
    });
    expect(hall!.slots.map((s) => [s.start.toISOString(), s.remaining])).toEqual([
      // Sat 11 July 09:00 (one seat taken) and Sun 12 July 09:00; 07-06..07-09 are before the holiday.
      ["2026-07-11T01:00:00.000Z", 11],
      ["2026-07-12T01:00:00.000Z", 12],
    ]);
    // The retiree is offered nothing.
    const [none] = await community.booking.availability({
      actor: resident("grandpa-zhou"),
      resourceId: "calligraphy-room",
      start: cst("2026-07-06T00:00"),
      end: cst("2026-07-13T00:00"),
      durationMinutes: 120,
    });
    expect(none!.slots).toEqual([]);
  });
});

describe("the 24-hour smart gym", () => {
  test("zones have their own capacity; at most 3 upcoming visits; bookable a week ahead", async () => {
    const { community } = await wangjialong({ start: "2026-07-06T00:00:00Z" });
    const visit = (who: string, day: string, zoneId?: string) =>
      community.booking.book({
        actor: resident(who),
        resourceId: "gym",
        ...(zoneId ? { zoneId } : {}),
        start: cst(`${day}T06:00`),
        end: cst(`${day}T07:00`),
      });
    for (const day of ["2026-07-07", "2026-07-08", "2026-07-09"])
      expect((await visit("wang", day)).ok).toBe(true);
    const fourth = await visit("wang", "2026-07-10");
    expect(!fourth.ok && fourth.violations.map((v) => v.code)).toEqual(["TOO_MANY_FUTURE_BOOKINGS"]);
    const far = await visit("li", "2026-07-14");
    expect(!far.ok && far.violations.map((v) => v.code)).toEqual(["TOO_FAR_AHEAD"]);
    // The cardio zone holds 8 at once.
    const cardio = await community.booking.book({
      actor: desk,
      forResident: "li",
      resourceId: "gym",
      zoneId: "cardio",
      quantity: 8,
      start: cst("2026-07-07T06:00"),
      end: cst("2026-07-07T07:00"),
    });
    expect(cardio.ok).toBe(true);
    const ninth = await visit("zhang", "2026-07-07", "cardio");
    expect(!ninth.ok && ninth.violations[0]!.params).toMatchObject({ capacity: 8, used: 8 });
    await expect(visit("zhang", "2026-07-07", "sauna")).rejects.toMatchObject({ code: "UNKNOWN_ZONE" });
  });

  test("reschedule moves a visit atomically; a refused move leaves it untouched", async () => {
    const { community } = await wangjialong({ start: "2026-07-06T00:00:00Z" });
    const o = await community.booking.book({
      actor: resident("wang"),
      resourceId: "gym",
      start: cst("2026-07-07T06:00"),
      end: cst("2026-07-07T07:00"),
    });
    if (!o.ok) throw new Error("refused");
    const refused = await community.booking.reschedule({
      actor: resident("wang"),
      bookingId: o.booking.id,
      start: cst("2026-07-20T06:00"),
      end: cst("2026-07-20T07:00"),
    });
    expect(!refused.ok && refused.violations.map((v) => v.code)).toEqual(["TOO_FAR_AHEAD"]);
    expect((await community.booking.get({ actor: resident("wang"), bookingId: o.booking.id })).status).toBe(
      "confirmed",
    );
    const moved = await community.booking.reschedule({
      actor: resident("wang"),
      bookingId: o.booking.id,
      start: cst("2026-07-08T18:00"),
      end: cst("2026-07-08T19:00"),
    });
    expect(moved.ok && moved.booking.rescheduledFrom).toBe(o.booking.id);
    const types = (await community.events.list({ actor: desk, afterSeq: 0 }))
      .map((e) => e.type)
      .filter((t) => t.startsWith("Booking"));
    expect(types).toEqual([
      "BookingRequested",
      "BookingConfirmed",
      "BookingRequested",
      "BookingConfirmed",
      "BookingCancelled",
      "BookingRescheduled",
    ]);
  });

  test("invalid input is refused before anything is written", async () => {
    const { community } = await wangjialong();
    await expect(
      community.booking.book({
        actor: resident("wang"),
        resourceId: "gym",
        start: "not a date" as never,
        end: cst("2026-07-07T07:00"),
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(
      community.booking.book({
        actor: resident("wang"),
        resourceId: "gym",
        start: cst("2026-07-07T07:00"),
        end: cst("2026-07-07T06:00"),
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INTERVAL",
      messages: { "zh-CN": expect.stringContaining("结束时间必须晚于开始时间") },
    });
    await expect(
      community.booking.book({
        actor: resident("wang"),
        resourceId: "sauna",
        start: cst("2026-07-07T06:00"),
        end: cst("2026-07-07T07:00"),
      }),
    ).rejects.toMatchObject({ code: "UNKNOWN_RESOURCE" });
    expect(await community.booking.list({ actor: desk })).toEqual([]);
  });
});
