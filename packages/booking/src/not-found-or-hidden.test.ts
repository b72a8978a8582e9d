import { isLinliError } from "@linli/core";
import { describe, expect, test } from "vitest";
import { cst, desk, resident, wangjialong } from "../test/wangjialong-fixture";

describe("what an actor may not see answers exactly as what does not exist", () => {
  test("another resident's booking and a made-up id give the same error, naming no one", async () => {
    const { community } = await wangjialong({ start: "2026-07-01T00:00:00Z" });
    const wang = await community.booking.book({
      actor: resident("wang"),
      resourceId: "library",
      start: cst("2026-07-02T10:00"),
      end: cst("2026-07-02T11:00"),
    });
    if (!wang.ok) throw new Error("refused");
    const li = resident("li");
    const answers = [];
    for (const bookingId of [wang.booking.id, "no-such-booking"]) {
      for (const attempt of [
        () => community.booking.get({ actor: li, bookingId }),
        () => community.booking.cancel({ actor: li, bookingId }),
        () => community.booking.checkIn({ actor: li, bookingId }),
        () =>
          community.booking.reschedule({
            actor: li,
            bookingId,
            start: cst("2026-07-03T10:00"),
            end: cst("2026-07-03T11:00"),
          }),
      ]) {
        const error = await attempt().catch((e: unknown) => e);
        expect(isLinliError(error, "BOOKING_NOT_FOUND")).toBe(true);
        const sent = JSON.stringify(error);
        expect(sent).not.toContain("wang");
        answers.push(sent.replaceAll(bookingId, "<id>"));
      }
    }
    expect(answers.slice(0, 4)).toEqual(answers.slice(4));
    expect((await community.booking.get({ actor: desk, bookingId: wang.booking.id })).status).toBe(
      "confirmed",
    );
  });

  test("acting for an unknown resident and for one who gave no delegation give the same refusal", async () => {
    const { community } = await wangjialong({ start: "2026-07-01T00:00:00Z" });
    const asked = [];
    for (const forResident of ["wang", "nobody-of-that-name"]) {
      const error = await community.booking
        .list({ actor: resident("li"), forResident })
        .catch((e: unknown) => e);
      expect(isLinliError(error, "ACCESS_DENIED")).toBe(true);
      asked.push(JSON.stringify(error));
    }
    expect(asked[0]).toBe(asked[1]);
    // Staff are told when an id is unknown.
    const staff = await community.booking
      .list({ actor: desk, forResident: "nobody" })
      .catch((e: unknown) => e);
    expect(isLinliError(staff, "UNKNOWN_RESIDENT")).toBe(true);
  });
});
