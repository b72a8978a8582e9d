import { describe, expect, test } from "vitest";
import { cst, desk, resident, wangjialong } from "../test/wangjialong-fixture";

describe("the gallery's training room needs approval", () => {
  test("an artist's request waits for staff, holds its place, and is confirmed on approval", async () => {
    const { community } = await wangjialong({ start: "2026-07-01T00:00:00Z" });
    const asked = await community.booking.book({
      actor: resident("chen"),
      resourceId: "gallery-training-room",
      start: cst("2026-07-10T14:00"),
      end: cst("2026-07-10T16:00"),
      note: "Watercolour workshop for neighbours",
    });
    expect(asked.ok && asked.booking.status).toBe("pending-approval");
    if (!asked.ok) return;
    // The place is held: another request for the same time is refused as full.
    const rival = await community.booking.book({
      actor: resident("li"),
      resourceId: "gallery-training-room",
      start: cst("2026-07-10T15:00"),
      end: cst("2026-07-10T17:00"),
    });
    expect(!rival.ok && rival.violations.map((v) => v.code)).toEqual(["CAPACITY_FULL"]);
    // A resident cannot approve.
    await expect(
      community.booking.approve({ actor: resident("chen"), bookingId: asked.booking.id }),
    ).rejects.toMatchObject({
      code: "ACCESS_DENIED",
    });
    const approved = await community.booking.approve({ actor: desk, bookingId: asked.booking.id });
    expect(approved).toMatchObject({ status: "confirmed", decidedBy: "desk-1" });
    const types = (
      await community.events.list({ actor: desk, types: ["BookingRequested", "BookingConfirmed"] })
    ).map((e) => [e.type, e.payload.status]);
    expect(types).toEqual([
      ["BookingRequested", "pending-approval"],
      ["BookingConfirmed", undefined],
    ]);
  });

  test("turnover: the room needs 30 minutes after each use; a rejected request frees the place", async () => {
    const { community } = await wangjialong({ start: "2026-07-01T00:00:00Z" });
    const first = await community.booking.book({
      actor: desk,
      forResident: "chen",
      resourceId: "gallery-training-room",
      start: cst("2026-07-10T09:00"),
      end: cst("2026-07-10T11:00"),
    });
    expect(first.ok && first.booking.status).toBe("confirmed"); // staff bookings skip approval
    const tooSoon = await community.booking.book({
      actor: resident("li"),
      resourceId: "gallery-training-room",
      start: cst("2026-07-10T11:00"),
      end: cst("2026-07-10T12:00"),
    });
    expect(!tooSoon.ok && tooSoon.violations.map((v) => v.code)).toEqual(["TURNOVER_CONFLICT"]);
    const after = await community.booking.book({
      actor: resident("li"),
      resourceId: "gallery-training-room",
      start: cst("2026-07-10T11:30"),
      end: cst("2026-07-10T12:30"),
    });
    expect(after.ok).toBe(true);
    if (!after.ok) return;
    await community.booking.reject({
      actor: desk,
      bookingId: after.booking.id,
      reason: "Room needed for the exhibition",
    });
    const again = await community.booking.book({
      actor: resident("zhao"),
      resourceId: "gallery-training-room",
      start: cst("2026-07-10T11:30"),
      end: cst("2026-07-10T12:30"),
    });
    expect(again.ok).toBe(true);
  });

  test("cancellation deadline: a day ahead is refundable; later a resident is refused, staff may still cancel (not refundable)", async () => {
    const { community, clock } = await wangjialong({ start: "2026-07-01T00:00:00Z" });
    const book = async (day: string) => {
      const o = await community.booking.book({
        actor: desk,
        forResident: "chen",
        resourceId: "gallery-training-room",
        start: cst(`${day}T14:00`),
        end: cst(`${day}T15:00`),
      });
      if (!o.ok) throw new Error("booking refused");
      return o.booking;
    };
    const early = await book("2026-07-10");
    const late = await book("2026-07-02");
    const c1 = await community.booking.cancel({ actor: resident("chen"), bookingId: early.id });
    expect(c1.refundable).toBe(true);
    clock.set(cst("2026-07-01T15:00")); // 23 hours before
    await expect(
      community.booking.cancel({ actor: resident("chen"), bookingId: late.id }),
    ).rejects.toMatchObject({
      code: "CANCELLATION_TOO_LATE",
      messages: { "zh-CN": "已过取消截止时间 2026-07-01 14:00，只有工作人员可以取消" },
    });
    const c2 = await community.booking.cancel({ actor: desk, bookingId: late.id, reason: "illness" });
    expect(c2.refundable).toBe(false);
    const cancelled = await community.events.list({ actor: desk, types: ["BookingCancelled"] });
    expect(cancelled.map((e) => e.payload)).toEqual([
      {
        bookingId: early.id,
        resourceId: "gallery-training-room",
        residentId: "chen",
        start: "2026-07-10T06:00:00.000Z",
        end: "2026-07-10T07:00:00.000Z",
        quantity: 1,
        refundable: true,
      },
      {
        bookingId: late.id,
        resourceId: "gallery-training-room",
        residentId: "chen",
        start: "2026-07-02T06:00:00.000Z",
        end: "2026-07-02T07:00:00.000Z",
        quantity: 1,
        refundable: false,
      },
    ]);
  });
  test("a late reschedule is judged as a late cancellation: a resident is refused, the booking is untouched", async () => {
    const { community, clock } = await wangjialong({ start: "2026-07-01T00:00:00Z" });
    const o = await community.booking.book({
      actor: desk,
      forResident: "chen",
      resourceId: "gallery-training-room",
      start: cst("2026-07-02T14:00"),
      end: cst("2026-07-02T15:00"),
    });
    if (!o.ok) throw new Error("booking refused");
    clock.set(cst("2026-07-02T14:30")); // already started
    await expect(
      community.booking.reschedule({
        actor: resident("chen"),
        bookingId: o.booking.id,
        start: cst("2026-07-20T14:00"),
        end: cst("2026-07-20T15:00"),
      }),
    ).rejects.toMatchObject({ code: "CANCELLATION_TOO_LATE" });
    const kept = await community.booking.get({ actor: desk, bookingId: o.booking.id });
    expect(kept.status).toBe("confirmed");
    expect(await community.booking.list({ actor: desk, forResident: "chen" })).toHaveLength(1);
    // Staff may still move it; the old booking is then not refundable.
    const moved = await community.booking.reschedule({
      actor: desk,
      bookingId: o.booking.id,
      start: cst("2026-07-20T14:00"),
      end: cst("2026-07-20T15:00"),
    });
    expect(moved.ok).toBe(true);
    const old = await community.booking.get({ actor: desk, bookingId: o.booking.id });
    expect(old).toMatchObject({ status: "cancelled", refundable: false });
  });
});
