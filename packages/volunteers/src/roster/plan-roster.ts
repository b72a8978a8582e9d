import { solveIndexed } from "../matching/flow-core";
import { canStaff, checkRosterInput, summarizeRoster } from "./roster-summary";
import type { RosterAssignment, RosterInput, RosterPlan } from "./roster-types";

/**
 * Plans a fair rotation of duty shifts, exactly, by min-cost flow: each seat of a shift is a task;
 * a volunteer can take it when they belong to the shift's team and one availability window covers
 * the shift; a volunteer takes at most `maxShifts` shifts and never two that overlap (nor two
 * seats of one shift).
 *
 * Fairness: the volunteer's load `x` (this plan's shifts plus `priorShifts`) costs `x²`, given to
 * the flow as convex marginal costs (`2x + 1` for the next shift). The plan therefore staffs the
 * **most seats** possible and, among those plans, minimizes the sum of squared loads: loads are
 * balanced exactly (no shift can move from a busier to a less busy volunteer who could take it
 * without making the sum worse), so the spread between the busiest and the least busy volunteer
 * is as small as availability allows.
 *
 * Overlap: each volunteer's candidate shifts are grouped by overlap (a sweep by start); they take
 * at most one shift of each group. Exact when the shifts of a group all overlap one another (a
 * fixed grid of shifts), conservative for chains of partial overlaps.
 *
 * @throws RangeError when the input is malformed (see `checkRosterInput`).
 */
export function planRoster(input: RosterInput): RosterPlan {
  checkRosterInput(input);
  const { shifts, volunteers } = input;
  // Seats: one task per seat, in shift order.
  const seatShift: number[] = [];
  shifts.forEach((s, i) => {
    for (let k = 0; k < s.size; k++) seatShift.push(i);
  });
  const seatsOf = new Int32Array(shifts.length + 1);
  shifts.forEach((s, i) => {
    seatsOf[i + 1] = seatsOf[i]! + s.size;
  });
  const edgeTask: number[] = [];
  const edgeWorker: number[] = [];
  const edgeSlot: number[] = [];
  const slotWorker: number[] = [];
  const order = Array.from(shifts.keys()).sort(
    (a, b) => shifts[a]!.start.getTime() - shifts[b]!.start.getTime() || a - b,
  );
  volunteers.forEach((v, w) => {
    if (v.maxShifts < 1) return;
    // The volunteer's shifts in order of start, grouped by overlap; a group of two or more seats
    // becomes a slot of capacity 1.
    let group: number[] = [];
    let groupEnd = Number.NEGATIVE_INFINITY;
    const close = () => {
      let seats = 0;
      for (const i of group) seats += shifts[i]!.size;
      const slot = seats >= 2 ? slotWorker.length : -1;
      if (slot >= 0) slotWorker.push(w);
      for (const i of group) {
        for (let seat = seatsOf[i]!; seat < seatsOf[i + 1]!; seat++) {
          edgeTask.push(seat);
          edgeWorker.push(w);
          edgeSlot.push(slot);
        }
      }
      group = [];
    };
    for (const i of order) {
      const shift = shifts[i]!;
      if (shift.size === 0 || !canStaff(shift, v)) continue;
      if (group.length > 0 && shift.start.getTime() >= groupEnd) close();
      group.push(i);
      groupEnd = Math.max(group.length === 1 ? Number.NEGATIVE_INFINITY : groupEnd, shift.end.getTime());
    }
    if (group.length > 0) close();
  });
  const assigned = solveIndexed({
    taskCount: seatShift.length,
    workerCapacity: volunteers.map((v) => v.maxShifts),
    workerMarginal: volunteers.map((v) => {
      const prior = v.priorShifts ?? 0;
      return Array.from({ length: Math.max(1, v.maxShifts) }, (_, k) => 2 * (prior + k) + 1);
    }),
    slotWorker,
    slotCapacity: slotWorker.map(() => 1),
    edgeTask,
    edgeWorker,
    edgeSlot,
    edgeCost: edgeTask.map(() => 0),
  });
  const assignments: RosterAssignment[] = [];
  assigned.forEach((e, seat) => {
    if (e < 0) return;
    assignments.push({ shiftId: shifts[seatShift[seat]!]!.id, volunteerId: volunteers[edgeWorker[e]!]!.id });
  });
  return summarizeRoster(input, assignments);
}
