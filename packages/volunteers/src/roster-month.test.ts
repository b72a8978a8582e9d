import { localParts, minuteOfDay } from "@linli/core";
import { describe, expect, test } from "vitest";
import { cst, desk, volunteersCommunity } from "../test/fixture";
import { monthOfShifts, pioneers, ZONE } from "../test/pioneers-month";

describe.each(["memory", "sqlite"] as const)("a month of duty rosters on %s", (kind) => {
  test("42 Alley Pioneers: every availability, team and monthly maximum respected, no overlap, shifts spread evenly", async () => {
    const { community, staff } = await volunteersCommunity(kind);
    const team = pioneers();
    for (const p of team) await staff.volunteers.register(p);
    const shifts = await staff.volunteers.roster.createShifts({ shifts: monthOfShifts("2026-06-01") });
    const seats = shifts.reduce((n, s) => n + s.size, 0);
    const result = await staff.volunteers.roster.plan({
      from: cst("2026-06-01T00:00"),
      to: cst("2026-07-01T00:00"),
    });

    // The figures: 108 shifts, 186 seats, all covered.
    expect({ shifts: result.shifts, seats, assigned: result.assigned, uncovered: result.uncovered }).toEqual({
      shifts: 108,
      seats: 186,
      assigned: 186,
      uncovered: [],
    });
    const counts = team.map((p) => result.perVolunteer[p.id] ?? 0);
    expect(result.spread.max - result.spread.min).toBeLessThanOrEqual(1);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);

    const byId = new Map(team.map((p) => [p.id, p] as const));
    const roster = await staff.volunteers.roster.shifts({
      from: cst("2026-06-01T00:00"),
      to: cst("2026-07-01T00:00"),
    });
    const held = new Map<string, { start: Date; end: Date }[]>();
    for (const shift of roster) {
      expect(shift.seats).toHaveLength(shift.size);
      const local = localParts(shift.start, ZONE);
      const endMinute = localParts(shift.end, ZONE).minuteOfDay;
      for (const seat of shift.seats) {
        const p = byId.get(seat.volunteerId);
        if (!p) throw new Error(`unknown volunteer ${seat.volunteerId}`);
        expect(p.teams).toContain(shift.team);
        const fits = p.weekly.some(
          (w) =>
            w.weekday === local.weekday &&
            minuteOfDay(w.from) <= local.minuteOfDay &&
            minuteOfDay(w.to) >= endMinute,
        );
        expect(fits, `${p.id} on ${shift.team} at ${shift.start.toISOString()}`).toBe(true);
        const mine = held.get(p.id) ?? [];
        expect(mine.some((s) => s.start < shift.end && s.end > shift.start)).toBe(false);
        held.set(p.id, [...mine, shift]);
      }
    }
    for (const p of team) expect(held.get(p.id)?.length ?? 0).toBeLessThanOrEqual(p.maxShiftsPerMonth);

    const events = await community.events.list({ actor: desk, types: ["ShiftAssigned"], limit: 1000 });
    expect(events).toHaveLength(186);
    // A volunteer's view of the roster: only the seats they hold.
    const mine = await community.volunteers.roster.shifts({
      actor: { kind: "volunteer", id: "p01" },
      from: cst("2026-06-01T00:00"),
      to: cst("2026-07-01T00:00"),
    });
    expect(mine.length).toBe(result.perVolunteer.p01);
    await community.close();
  });
});
