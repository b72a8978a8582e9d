import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planRoster } from "./plan-roster";
import { handleAbsence, swapShifts } from "./roster-changes";
import { canStaff, shiftsOverlap } from "./roster-summary";
import type { RosterInput, RosterPlan, RosterShift, RosterVolunteer } from "./roster-types";

const HOUR = 3_600_000;
/** 2026-06-01 00:00 in Asia/Shanghai. */
const JUNE = Date.UTC(2026, 4, 31, 16);
const local = (day: number, hour: number) => new Date(JUNE + (day * 24 + hour) * HOUR);

/** Every rule a plan must respect. */
function checkRoster(input: RosterInput, plan: RosterPlan): void {
  const shifts = new Map(input.shifts.map((s) => [s.id, s]));
  const mine = new Map<string, RosterShift[]>();
  const seats = new Map<string, number>();
  for (const a of plan.assignments) {
    const shift = shifts.get(a.shiftId)!;
    const volunteer = input.volunteers.find((v) => v.id === a.volunteerId)!;
    expect(canStaff(shift, volunteer)).toBe(true);
    for (const other of mine.get(volunteer.id) ?? []) expect(shiftsOverlap(other, shift)).toBe(false);
    mine.set(volunteer.id, [...(mine.get(volunteer.id) ?? []), shift]);
    seats.set(shift.id, (seats.get(shift.id) ?? 0) + 1);
  }
  for (const v of input.volunteers) {
    expect((mine.get(v.id) ?? []).length).toBe(plan.perVolunteer[v.id]);
    expect(plan.perVolunteer[v.id]).toBeLessThanOrEqual(v.maxShifts);
  }
  for (const s of input.shifts) {
    expect(seats.get(s.id) ?? 0).toBeLessThanOrEqual(s.size);
    const missing = s.size - (seats.get(s.id) ?? 0);
    expect(plan.uncovered.find((u) => u.shiftId === s.id)?.missing ?? 0).toBe(missing);
  }
}

/**
 * Balanced: no volunteer could take over a shift from one who has at least two more (counting
 * prior shifts) while every rule still holds; that move would lower the sum of squared loads.
 */
function checkBalanced(input: RosterInput, plan: RosterPlan): void {
  const shifts = new Map(input.shifts.map((s) => [s.id, s]));
  const load = (v: RosterVolunteer) => plan.perVolunteer[v.id]! + (v.priorShifts ?? 0);
  const shiftsOf = (id: string) =>
    plan.assignments.filter((a) => a.volunteerId === id).map((a) => shifts.get(a.shiftId)!);
  for (const a of plan.assignments) {
    const busy = input.volunteers.find((v) => v.id === a.volunteerId)!;
    const shift = shifts.get(a.shiftId)!;
    for (const idle of input.volunteers) {
      if (load(idle) + 2 > load(busy)) continue;
      const theirs = shiftsOf(idle.id);
      const could =
        canStaff(shift, idle) &&
        theirs.length < idle.maxShifts &&
        !theirs.some((o) => o.id === shift.id || shiftsOverlap(o, shift));
      expect(could).toBe(false);
    }
  }
}

/** June 2026: patrol 08–12 and 18–22 every day, 3 volunteers each; 42 volunteers. */
function patrolMonth(): RosterInput {
  const shifts: RosterShift[] = [];
  for (let day = 0; day < 30; day++) {
    shifts.push({
      id: `patrol-${day}-am`,
      team: "patrol",
      start: local(day, 8),
      end: local(day, 12),
      size: 3,
    });
    shifts.push({
      id: `patrol-${day}-pm`,
      team: "patrol",
      start: local(day, 18),
      end: local(day, 22),
      size: 3,
    });
  }
  const volunteers: RosterVolunteer[] = Array.from({ length: 42 }, (_, v) => {
    // Mornings-only, evenings-only or both; one day off in seven (a different one for each).
    const part = v % 3;
    const windows = [];
    for (let day = 0; day < 30; day++) {
      if ((day + v) % 7 === 0) continue;
      windows.push({ start: local(day, part === 1 ? 17 : 7), end: local(day, part === 0 ? 13 : 23) });
    }
    return {
      id: `pioneer-${String(v).padStart(2, "0")}`,
      teams: ["patrol"],
      windows,
      maxShifts: v < 6 ? 3 : 6,
    };
  });
  return { shifts, volunteers };
}

describe("planRoster", () => {
  it("staffs a month of patrol shifts for 42 volunteers within availability and max load, evenly", () => {
    const input = patrolMonth();
    const plan = planRoster(input);
    checkRoster(input, plan);
    checkBalanced(input, plan);
    // 60 shifts x 3 seats = 180 seats, all staffed.
    expect(plan.assignments).toHaveLength(180);
    expect(plan.uncovered).toEqual([]);
    // Six volunteers may serve 3 shifts at most (18 seats); the other 162 seats over 36 volunteers
    // are 4.5 each: every one of them serves 4 or 5.
    const counts = input.volunteers.map((v) => plan.perVolunteer[v.id]!);
    expect(counts.slice(0, 6)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(Math.min(...counts.slice(6))).toBe(4);
    expect(Math.max(...counts.slice(6))).toBe(5);
    expect(counts.slice(6).filter((c) => c === 5)).toHaveLength(18);
    expect(plan.spread).toEqual({ min: 3, max: 5 });
  });

  it("counts prior shifts: those who served more earlier get fewer now", () => {
    const input = patrolMonth();
    const withPrior: RosterInput = {
      ...input,
      volunteers: input.volunteers.map((v, i) => (i >= 6 && i < 12 ? { ...v, priorShifts: 3 } : v)),
    };
    const plan = planRoster(withPrior);
    checkRoster(withPrior, plan);
    checkBalanced(withPrior, plan);
    for (let i = 6; i < 12; i++)
      expect(plan.perVolunteer[withPrior.volunteers[i]!.id]).toBeLessThanOrEqual(2);
  });

  it("reports the seats nobody can take", () => {
    const input: RosterInput = {
      shifts: [
        { id: "drying-mon", team: "drying-room", start: local(0, 9), end: local(0, 11), size: 2 },
        { id: "drying-tue", team: "drying-room", start: local(1, 9), end: local(1, 11), size: 1 },
      ],
      volunteers: [
        {
          id: "tailor",
          teams: ["drying-room"],
          windows: [{ start: local(0, 0), end: local(2, 0) }],
          maxShifts: 5,
        },
        {
          id: "patroller",
          teams: ["patrol"],
          windows: [{ start: local(0, 0), end: local(2, 0) }],
          maxShifts: 5,
        },
      ],
    };
    const plan = planRoster(input);
    expect(plan.assignments).toEqual([
      { shiftId: "drying-mon", volunteerId: "tailor" },
      { shiftId: "drying-tue", volunteerId: "tailor" },
    ]);
    expect(plan.uncovered).toEqual([{ shiftId: "drying-mon", missing: 1 }]);
    expect(plan.perVolunteer).toEqual({ tailor: 2, patroller: 0 });
    expect(plan.spread).toEqual({ min: 2, max: 2 });
  });

  it("respects every rule and balances loads on random rosters", () => {
    fc.assert(
      fc.property(
        fc.record({
          shifts: fc.array(
            fc.record({
              day: fc.nat(6),
              hour: fc.constantFrom(6, 8, 10, 14, 18),
              length: fc.constantFrom(2, 4),
              size: fc.nat(3),
              team: fc.constantFrom("patrol", "sorting"),
            }),
            { maxLength: 25 },
          ),
          volunteers: fc.array(
            fc.record({
              teams: fc.subarray(["patrol", "sorting"], { minLength: 1 }),
              from: fc.nat(6),
              days: fc.integer({ min: 1, max: 7 }),
              maxShifts: fc.nat(5),
              prior: fc.nat(3),
            }),
            { maxLength: 15 },
          ),
        }),
        ({ shifts, volunteers }) => {
          const input: RosterInput = {
            shifts: shifts.map((s, i) => ({
              id: `s${i}`,
              team: s.team,
              start: local(s.day, s.hour),
              end: local(s.day, s.hour + s.length),
              size: s.size,
            })),
            volunteers: volunteers.map((v, i) => ({
              id: `v${i}`,
              teams: v.teams,
              windows: [{ start: local(v.from, 0), end: local(v.from + v.days, 0) }],
              maxShifts: v.maxShifts,
              priorShifts: v.prior,
            })),
          };
          const plan = planRoster(input);
          checkRoster(input, plan);
          checkBalanced(input, plan);
        },
      ),
      { seed: 42_2026, numRuns: 150 },
    );
  });
});

describe("swaps and absences", () => {
  const input = patrolMonth();
  const plan = planRoster(input);
  const first = plan.assignments[0]!;

  it("hands a seat over when the new volunteer may take it", () => {
    const morning = input.volunteers.find(
      (v) =>
        v.id !== first.volunteerId &&
        canStaff(input.shifts[0]!, v) &&
        !plan.assignments.some((a) => a.volunteerId === v.id && a.shiftId === first.shiftId) &&
        plan.perVolunteer[v.id]! < v.maxShifts,
    )!;
    const result = swapShifts(input, plan, {
      shiftId: first.shiftId,
      from: first.volunteerId,
      to: morning.id,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    checkRoster(input, result.plan);
    expect(result.plan.perVolunteer[first.volunteerId]).toBe(plan.perVolunteer[first.volunteerId]! - 1);
    expect(result.plan.perVolunteer[morning.id]).toBe(plan.perVolunteer[morning.id]! + 1);
  });

  it("refuses a swap that breaks a rule, with the reason", () => {
    const evening = input.volunteers.find((v) => v.id.endsWith("01"))!; // evenings only
    expect(
      swapShifts(input, plan, { shiftId: "patrol-0-am", from: first.volunteerId, to: evening.id }),
    ).toEqual({
      ok: false,
      reason: "unavailable",
      volunteerId: evening.id,
    });
    expect(swapShifts(input, plan, { shiftId: "nope", from: "a", to: "b" })).toEqual({
      ok: false,
      reason: "unknown-shift",
    });
    const notThere = input.volunteers.find(
      (v) => !plan.assignments.some((a) => a.volunteerId === v.id && a.shiftId === "patrol-0-am"),
    )!;
    expect(
      swapShifts(input, plan, { shiftId: "patrol-0-am", from: notThere.id, to: first.volunteerId }),
    ).toEqual({
      ok: false,
      reason: "not-assigned",
      volunteerId: notThere.id,
    });
  });

  it("swaps two seats both ways", () => {
    const shifts = new Map(input.shifts.map((x) => [x.id, x]));
    const on = (shiftId: string, volunteerId: string) =>
      plan.assignments.some((a) => a.shiftId === shiftId && a.volunteerId === volunteerId);
    const volunteer = (id: string) => input.volunteers.find((v) => v.id === id)!;
    // Two seats on different days whose holders may take each other's shift.
    const pair = plan.assignments
      .flatMap((x) => plan.assignments.map((y) => [x, y] as const))
      .find(
        ([x, y]) =>
          x.shiftId !== y.shiftId &&
          x.volunteerId !== y.volunteerId &&
          !on(y.shiftId, x.volunteerId) &&
          !on(x.shiftId, y.volunteerId) &&
          canStaff(shifts.get(y.shiftId)!, volunteer(x.volunteerId)) &&
          canStaff(shifts.get(x.shiftId)!, volunteer(y.volunteerId)) &&
          !plan.assignments.some(
            (a) =>
              (a.volunteerId === x.volunteerId &&
                a.shiftId !== x.shiftId &&
                shiftsOverlap(shifts.get(a.shiftId)!, shifts.get(y.shiftId)!)) ||
              (a.volunteerId === y.volunteerId &&
                a.shiftId !== y.shiftId &&
                shiftsOverlap(shifts.get(a.shiftId)!, shifts.get(x.shiftId)!)),
          ),
      )!;
    const [x, y] = pair;
    const result = swapShifts(input, plan, {
      shiftId: x.shiftId,
      from: x.volunteerId,
      to: y.volunteerId,
      withShiftId: y.shiftId,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    checkRoster(input, result.plan);
    expect(result.plan.perVolunteer).toEqual(plan.perVolunteer);
    expect(result.plan.assignments).toContainEqual({ shiftId: x.shiftId, volunteerId: y.volunteerId });
    expect(result.plan.assignments).toContainEqual({ shiftId: y.shiftId, volunteerId: x.volunteerId });
  });

  it("re-plans a seat when someone is absent, with the least loaded volunteer who can", () => {
    const result = handleAbsence(input, plan, { shiftId: first.shiftId, volunteerId: first.volunteerId });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    checkRoster(input, result.plan);
    expect(result.plan.assignments).toHaveLength(180);
    expect(
      result.plan.assignments.some((a) => a.shiftId === first.shiftId && a.volunteerId === first.volunteerId),
    ).toBe(false);
    const replacement = result.plan.assignments.find(
      (a) =>
        a.shiftId === first.shiftId &&
        !plan.assignments.some((b) => b.shiftId === a.shiftId && b.volunteerId === a.volunteerId),
    )!;
    const loads = input.volunteers
      .filter((v) => v.id !== first.volunteerId && canStaff(input.shifts[0]!, v))
      .filter((v) => !plan.assignments.some((a) => a.volunteerId === v.id && a.shiftId === first.shiftId))
      .filter((v) => plan.perVolunteer[v.id]! < v.maxShifts)
      .map((v) => plan.perVolunteer[v.id]!);
    expect(plan.perVolunteer[replacement.volunteerId]).toBe(Math.min(...loads));
  });

  it("reports the seat uncovered when nobody can replace", () => {
    const small: RosterInput = {
      shifts: [{ id: "s", team: "patrol", start: local(0, 8), end: local(0, 12), size: 1 }],
      volunteers: [
        { id: "only", teams: ["patrol"], windows: [{ start: local(0, 0), end: local(1, 0) }], maxShifts: 1 },
      ],
    };
    const result = handleAbsence(small, planRoster(small), { shiftId: "s", volunteerId: "only" });
    expect(result).toEqual({
      ok: true,
      plan: {
        assignments: [],
        uncovered: [{ shiftId: "s", missing: 1 }],
        perVolunteer: { only: 0 },
        spread: { min: 0, max: 0 },
      },
    });
  });

  it("refuses malformed rosters", () => {
    expect(() =>
      planRoster({
        shifts: [{ id: "s", team: "t", start: local(0, 2), end: local(0, 1), size: 1 }],
        volunteers: [],
      }),
    ).toThrow(RangeError);
    expect(() =>
      planRoster({ shifts: [], volunteers: [{ id: "v", teams: [], windows: [], maxShifts: -1 }] }),
    ).toThrow(RangeError);
  });
});
