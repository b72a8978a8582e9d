// "Rules hold through every path" (issue 16): the approval, cancellation and quota rules judge
// every command that changes a booking (book, reschedule, waitlist acceptance, a series and
// its occurrences, cancel) as they judge the direct command.
import { type Actor, createCommunity, manualClock, sequentialIds } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { describe, expect, test } from "vitest";
import { bookingPlugin } from "./booking-plugin";

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });
const desk: Actor = { kind: "staff", id: "desk-1" };
const wang: Actor = { kind: "resident", id: "wang" };
/** Local Shanghai time as an instant. */
const cst = (local: string) => new Date(`${local}:00+08:00`);
const hour = (local: string) => ({ start: cst(local), end: new Date(cst(local).getTime() + 3_600_000) });

/**
 * A hall of capacity 1: residents' bookings wait for approval, cancelling less than a day ahead
 * is refused to residents, and a resident has one booking a week. Monday 2026-07-06 09:00.
 */
async function hall() {
  const clock = manualClock(cst("2026-07-06T09:00"));
  const community = await createCommunity({
    config: {
      community: { id: "c", name: text("社区", "Community"), timeZone: "Asia/Shanghai", currency: "CNY" },
      members: [{ id: "desk-1", kind: "staff" }],
      resources: [{ id: "hall", kind: "space", name: text("礼堂", "Hall"), capacity: 1 }],
      booking: {
        rules: [
          { id: "approval", kind: "approval-required", appliesTo: { resources: ["hall"] } },
          {
            id: "deadline",
            kind: "cancellation-deadline",
            appliesTo: { resources: ["hall"] },
            minutesBefore: 1440,
            late: "refuse",
          },
          { id: "weekly", kind: "quota", appliesTo: { resources: ["hall"] }, period: "week", max: 1 },
        ],
      },
    },
    storage: memoryStorage(),
    plugins: [bookingPlugin()],
    clock,
    ids: sequentialIds(),
  });
  for (const id of ["wang", "li"]) await community.residents.register({ actor: desk, id, name: id });
  const b = community.booking;
  /** A booking by `actor` (for wang when staff), approved by the desk when `approve`. */
  const book = async (local: string, actor: Actor = wang, approve = true) => {
    const out = await b.book({
      actor,
      ...(actor.kind === "staff" ? { forResident: "wang" } : {}),
      resourceId: "hall",
      ...hour(local),
    });
    if (!out.ok) throw new Error(out.violations.map((v) => v.code).join());
    if (approve && out.booking.status === "pending-approval")
      await b.approve({ actor: desk, bookingId: out.booking.id });
    return out.booking.id;
  };
  /** Wang offered `local` from the waitlist: li held it (booked by the desk), wang queued, li cancelled. */
  const offered = async (local: string) => {
    const li = await b.book({ actor: desk, forResident: "li", resourceId: "hall", ...hour(local) });
    if (!li.ok) throw new Error("li's booking");
    const entry = await b.waitlist.join({ actor: wang, resourceId: "hall", ...hour(local) });
    await b.cancel({ actor: desk, bookingId: li.booking.id });
    return entry.id;
  };
  const status = async (bookingId: string) => (await b.get({ actor: desk, bookingId })).status;
  return { community, clock, b, book, offered, status };
}

describe("approval-required: a resident's booking waits for staff on every path", () => {
  test("book", async () => {
    const { b } = await hall();
    const out = await b.book({ actor: wang, resourceId: "hall", ...hour("2026-07-08T10:00") });
    expect(out.ok && out.booking.status).toBe("pending-approval");
  });

  test("reschedule: the moved booking waits again", async () => {
    const { b, book } = await hall();
    const id = await book("2026-07-08T10:00");
    const moved = await b.reschedule({ actor: wang, bookingId: id, ...hour("2026-07-09T10:00") });
    expect(moved.ok && moved.booking.status).toBe("pending-approval");
  });

  test("waitlist acceptance: the accepted offer waits for approval, it is not confirmed", async () => {
    const { b, offered } = await hall();
    const entryId = await offered("2026-07-08T10:00");
    const entry = await b.waitlist.accept({ actor: wang, entryId });
    const booking = await b.get({ actor: desk, bookingId: entry.bookingId ?? "" });
    expect(booking.status).toBe("pending-approval");
    const approved = await b.approve({ actor: desk, bookingId: booking.id });
    expect(approved.status).toBe("confirmed");
  });

  test("series: every occurrence waits", async () => {
    const { b } = await hall();
    const out = await b.bookSeries({
      actor: wang,
      resourceId: "hall",
      rrule: "FREQ=WEEKLY;COUNT=3",
      ...hour("2026-07-08T10:00"),
    });
    expect(out.ok && out.booked.map((x) => x.status)).toEqual([
      "pending-approval",
      "pending-approval",
      "pending-approval",
    ]);
  });

  test("staff are exempt on every path too (book, waitlist they joined for a resident)", async () => {
    const { b, status } = await hall();
    const out = await b.book({
      actor: desk,
      forResident: "wang",
      resourceId: "hall",
      ...hour("2026-07-08T10:00"),
    });
    expect(out.ok && out.booking.status).toBe("confirmed");
    const entry = await b.waitlist.join({
      actor: desk,
      forResident: "li",
      resourceId: "hall",
      ...hour("2026-07-08T10:00"),
    });
    if (out.ok) await b.cancel({ actor: desk, bookingId: out.booking.id });
    const accepted = await b.waitlist.accept({ actor: desk, entryId: entry.id });
    expect(await status(accepted.bookingId ?? "")).toBe("confirmed");
  });
});

describe("cancellation-deadline: a resident cannot give a booking back late on any path", () => {
  const late = { code: "CANCELLATION_TOO_LATE" };

  test("cancel", async () => {
    const { b, book } = await hall();
    const id = await book("2026-07-06T20:00");
    await expect(b.cancel({ actor: wang, bookingId: id })).rejects.toMatchObject(late);
  });

  test("reschedule", async () => {
    const { b, book, status } = await hall();
    const id = await book("2026-07-06T20:00");
    await expect(
      b.reschedule({ actor: wang, bookingId: id, ...hour("2026-07-09T10:00") }),
    ).rejects.toMatchObject(late);
    expect(await status(id)).toBe("confirmed");
  });

  test("a booking accepted from the waitlist", async () => {
    const { b, offered } = await hall();
    const entry = await b.waitlist.accept({ actor: wang, entryId: await offered("2026-07-06T20:00") });
    await b.approve({ actor: desk, bookingId: entry.bookingId ?? "" });
    await expect(b.cancel({ actor: wang, bookingId: entry.bookingId ?? "" })).rejects.toMatchObject(late);
  });

  test("an occurrence of a series, cancelled or moved", async () => {
    const { b, clock } = await hall();
    const out = await b.bookSeries({
      actor: desk,
      forResident: "wang",
      resourceId: "hall",
      rrule: "FREQ=WEEKLY;COUNT=2",
      ...hour("2026-07-08T10:00"),
    });
    if (!out.ok) throw new Error("series");
    clock.set(cst("2026-07-08T09:00"));
    const first = out.booked[0]?.id ?? "";
    await expect(b.cancel({ actor: wang, bookingId: first })).rejects.toMatchObject(late);
    await expect(
      b.reschedule({ actor: wang, bookingId: first, ...hour("2026-07-09T10:00") }),
    ).rejects.toMatchObject(late);
  });

  test("in time, every path gives it back refundable; staff may still cancel late, not refundable", async () => {
    const { b, book } = await hall();
    const early = await b.cancel({ actor: wang, bookingId: await book("2026-07-08T10:00") });
    expect(early.refundable).toBe(true);
    const lateByStaff = await b.cancel({ actor: desk, bookingId: await book("2026-07-06T20:00") });
    expect(lateByStaff.refundable).toBe(false);
  });
});

describe("quota (one booking a week): every path counts the resident's bookings", () => {
  const quota = ["QUOTA_EXCEEDED"];

  test("book", async () => {
    const { b, book } = await hall();
    await book("2026-07-08T10:00");
    const second = await b.book({ actor: wang, resourceId: "hall", ...hour("2026-07-09T10:00") });
    expect(!second.ok && second.violations.map((v) => v.code)).toEqual(quota);
  });

  test("reschedule: within the week it replaces itself; into a week already used it is refused", async () => {
    const { b, book } = await hall();
    const id = await book("2026-07-08T10:00");
    await book("2026-07-15T10:00");
    const sameWeek = await b.reschedule({ actor: wang, bookingId: id, ...hour("2026-07-09T10:00") });
    expect(sameWeek.ok).toBe(true);
    if (!sameWeek.ok) return;
    const usedWeek = await b.reschedule({
      actor: wang,
      bookingId: sameWeek.booking.id,
      ...hour("2026-07-16T10:00"),
    });
    expect(!usedWeek.ok && usedWeek.violations.map((v) => v.code)).toEqual(quota);
  });

  test("waitlist: an offer counts, and a resident over the quota is passed over", async () => {
    const { community, b, book, offered } = await hall();
    const entryId = await offered("2026-07-08T10:00");
    // The held offer counts: another booking that week is refused.
    const other = await b.book({ actor: wang, resourceId: "hall", ...hour("2026-07-09T10:00") });
    expect(!other.ok && other.violations.map((v) => v.code)).toEqual(quota);
    await b.waitlist.withdraw({ actor: wang, entryId });
    // Queued first, then the week used: the freed slot is not offered.
    const li = await b.book({
      actor: desk,
      forResident: "li",
      resourceId: "hall",
      ...hour("2026-07-10T10:00"),
    });
    await b.waitlist.join({ actor: wang, resourceId: "hall", ...hour("2026-07-10T10:00") });
    await book("2026-07-09T10:00");
    if (li.ok) await b.cancel({ actor: desk, bookingId: li.booking.id });
    const offers = await community.events.list({ actor: desk, types: ["WaitlistOffered"] });
    expect(offers.map((e) => e.payload.entryId)).toEqual([entryId]);
  });

  test("series: an occurrence beyond the week's quota is skipped with the reason", async () => {
    const { b } = await hall();
    const out = await b.bookSeries({
      actor: wang,
      resourceId: "hall",
      rrule: "FREQ=DAILY;COUNT=2",
      ...hour("2026-07-08T10:00"),
    });
    expect(out.ok && out.booked.length).toBe(1);
    expect(out.ok && out.skipped.map((s) => s.violations.map((v) => v.code))).toEqual([quota]);
  });
});
