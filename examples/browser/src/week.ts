// The week calendar's data, all through linli's public API as the chosen resident: free dryers
// per hour (booking.availability) and what a use costs them (pricing.quote).
import { addLocalDays, localParts, type Money, zonedInstant } from "@linli/core";
import type { DryingRoom } from "./drying-room";

/** The hours the calendar shows (the room opens 08:00 and closes 20:00). */
export const HOURS = Array.from({ length: 12 }, (_, i) => `${String(8 + i).padStart(2, "0")}:00`);

/** One hour of one day. */
export interface Cell {
  readonly date: string;
  readonly hour: string;
  readonly start: Date;
  readonly end: Date;
  /** Dryers free for the whole hour. */
  readonly freeDryers: readonly string[];
  /** What this resident pays for one use at that hour. */
  readonly price: Money;
}

/** The seven local dates from the one `now` falls on. */
export function weekFrom(now: Date, timeZone: string): string[] {
  const today = localParts(now, timeZone).date;
  return Array.from({ length: 7 }, (_, i) => addLocalDays(today, i));
}

/** The calendar of `dates` for `residentId`: one cell per day and hour. */
export async function weekCells(
  room: DryingRoom,
  residentId: string,
  dates: readonly string[],
): Promise<Cell[]> {
  const { community } = room;
  const tz = community.config.community.timeZone;
  const me = community.as({ kind: "resident", id: residentId });
  const first = dates[0] ?? "";
  const last = dates.at(-1) ?? first;
  const free = await me.booking.availability({
    resourceGroupId: "drying-room",
    start: zonedInstant(first, "00:00", tz),
    end: zonedInstant(addLocalDays(last, 1), "00:00", tz),
    durationMinutes: 60,
  });
  const freeAt = new Map<number, string[]>();
  for (const { resourceId, slots } of free) {
    for (const slot of slots) {
      if (slot.remaining < 1) continue;
      const list = freeAt.get(slot.start.getTime()) ?? [];
      list.push(resourceId);
      freeAt.set(slot.start.getTime(), list);
    }
  }
  const cells: Cell[] = [];
  for (const date of dates) {
    for (const hour of HOURS) {
      const start = zonedInstant(date, hour, tz);
      const end = new Date(start.getTime() + 3_600_000);
      const quote = await me.pricing.quote({ resourceId: "dryer-1", start, end });
      cells.push({
        date,
        hour,
        start,
        end,
        freeDryers: freeAt.get(start.getTime()) ?? [],
        price: quote.total,
      });
    }
  }
  return cells;
}

/** Books the first free dryer of `cell` for the resident: the booking, or the rules' reasons. */
export async function bookCell(room: DryingRoom, residentId: string, cell: Cell) {
  const me = room.community.as({ kind: "resident", id: residentId });
  const resourceId = cell.freeDryers[0] ?? "dryer-1";
  return me.booking.book({ resourceId, start: cell.start, end: cell.end, channel: "app" });
}
