import { utcOffsetMinutes, wallDay, wallMinuteOfDay, wallOf } from "@linli/core";

/**
 * The slot grid, defined once for availability and for the `slot-grid` rule, so that what
 * availability offers and what booking accepts are the same instants on every day, DST
 * change days included.
 *
 * **Definition.** The grid is a set of local wall-clock times: on every local date, the times
 * `00:00 + offsetMinutes + k × granularityMinutes` for `k = 0, 1, 2, …` that fall before the
 * next local midnight. It restarts at each local midnight (a granularity that does not divide
 * 1440 leaves a shorter last step), and its first point of the day is `offsetMinutes` (so with
 * a 90-minute grid and offset 480 the day's points are 08:00, 09:30, …, 23:00, never 06:30).
 * An instant is on the grid when it is a whole minute and its local wall time in the zone is
 * a grid time. Wall times are read with the zone's UTC offset at that instant, so:
 *
 * - a grid time inside the hour skipped by a spring-forward change names no instant: that day
 *   simply has no such grid point (with a 45-minute grid in New York on the spring-forward
 *   Sunday the points run 01:30 EST, 03:00 EDT, 03:45 EDT, …);
 * - a grid time inside the hour repeated by a fall-back change names two instants, both on
 *   the grid (with a 30-minute grid in London on the fall-back Sunday, 01:00 and 01:30 come
 *   once in BST and once more in GMT);
 * - the grid is never shifted by a change: the points after it are the same wall times as
 *   on any other day.
 *
 * A booking is on the grid when both its start and its end are. Instants are epoch
 * milliseconds here.
 *
 * @module
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// UTC offsets lie within -12:00 … +14:00, so the instants of one local date's wall times lie
// between 14 hours before its wall midnight (read as UTC) and 12 hours after its end.
const EARLIEST_MS = 14 * 60 * MINUTE_MS;
const LATEST_MS = 12 * 60 * MINUTE_MS;

/** A slot grid: a step and the first point of each local day, in minutes. */
export interface SlotGrid {
  /** Step between grid points, in minutes (1–1440). */
  readonly granularityMinutes: number;
  /** The first grid point of each local day, in minutes after local midnight (0–1439). */
  readonly offsetMinutes: number;
}

function onGridMinute(minute: number, grid: SlotGrid): boolean {
  const sinceFirst = minute - grid.offsetMinutes;
  return sinceFirst >= 0 && sinceFirst % grid.granularityMinutes === 0;
}

/** True when the instant (epoch ms) is on the grid in the zone (see the module notes). */
export function isOnSlotGrid(instant: number, grid: SlotGrid, timeZone: string): boolean {
  if (!Number.isFinite(instant) || instant % MINUTE_MS !== 0) return false;
  return onGridMinute(wallMinuteOfDay(wallOf(instant, timeZone)), grid);
}

/**
 * Every instant on the grid in `[from, to)` (epoch ms), ascending: exactly the instants for
 * which {@link isOnSlotGrid} holds. An ordinary day costs two offset look-ups (from the
 * offset table, no `Intl`) and one addition per point; a day with an offset change also
 * checks each point's offset. Like the offset table, it assumes a zone changes its offset at
 * most once within about two days (every zone in use does).
 */
export function slotGridStarts(from: number, to: number, grid: SlotGrid, timeZone: string): number[] {
  const out: number[] = [];
  if (!(from < to)) return out;
  const step = grid.granularityMinutes * MINUTE_MS;
  const first = grid.offsetMinutes * MINUTE_MS;
  // Checked at each point, inline: a closure per call costs, under tsx or a bundler that
  // keeps names, a `defineProperty` of its name.
  let ascending = true;
  // One local date more on each side: around a fall-back change across midnight, an instant
  // inside [from, to) can read a wall time of the date before `from`'s (or after `to`'s).
  const lastDay = wallDay(wallOf(to - 1, timeZone)) + DAY_MS;
  for (let day = wallDay(wallOf(from, timeZone)) - DAY_MS; day <= lastDay; day += DAY_MS) {
    const before = utcOffsetMinutes(day - EARLIEST_MS, timeZone);
    const after = utcOffsetMinutes(day + DAY_MS + LATEST_MS, timeZone);
    if (before === after) {
      // One offset all day: each grid time is one instant.
      const shift = before * MINUTE_MS;
      if (day + DAY_MS - shift <= from || day - shift >= to) continue;
      for (let w = day + first; w < day + DAY_MS; w += step) {
        const t = w - shift;
        if (t >= to) break;
        if (t < from) continue;
        if (out.length > 0 && t < out[out.length - 1]!) ascending = false;
        out.push(t);
      }
    } else {
      // An offset change: a grid time is an instant under each offset whose instant really
      // has that offset: none in a skipped hour, two in a repeated one.
      for (let w = day + first; w < day + DAY_MS; w += step) {
        for (const offset of [before, after]) {
          const t = w - offset * MINUTE_MS;
          if (!(t >= from && t < to && utcOffsetMinutes(t, timeZone) === offset)) continue;
          if (out.length > 0 && t < out[out.length - 1]!) ascending = false;
          out.push(t);
        }
      }
    }
  }
  if (!ascending) out.sort((a, b) => a - b);
  return out;
}
