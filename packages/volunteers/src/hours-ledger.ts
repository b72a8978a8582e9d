import { type CommandContext, localDate } from "@linli/core";
import { volunteersEvents } from "./events";
import type { VolunteersOptions } from "./volunteers-config";
import { hoursModel } from "./volunteers-models";

/** One entry of the hours ledger, before it is written. */
export interface HoursInput {
  /** Who served (or did not come). */
  readonly volunteerId: string;
  /** What it was for. */
  readonly source: "task" | "shift" | "visit";
  /** The request, shift or visit. */
  readonly sourceId: string;
  /** When it happened. */
  readonly at: Date;
  /** Minutes served (0 for a no-show). */
  readonly minutes: number;
  /** A no-show: counts in fairness, not in hours. */
  readonly noShow: boolean;
}

/**
 * Appends an entry to the hours ledger and emits `MilestoneReached` for every configured
 * milestone (in hours) the volunteer's total passes with it.
 */
export async function recordHours(cx: CommandContext<VolunteersOptions>, entry: HoursInput): Promise<void> {
  const timeZone = cx.config.community.timeZone;
  const before = await cx.tx.findMany(hoursModel, {
    where: [{ field: "volunteerId", value: entry.volunteerId }],
  });
  const total = before.reduce((sum, e) => sum + e.minutes, 0);
  await cx.tx.create(hoursModel, { ...entry, month: localDate(entry.at, timeZone).slice(0, 7) });
  for (const hours of cx.options.milestones) {
    if (total < hours * 60 && total + entry.minutes >= hours * 60)
      await cx.emit(volunteersEvents.MilestoneReached, { volunteerId: entry.volunteerId, hours });
  }
}

/**
 * Each volunteer's recent load: entries (tasks, shifts, visits served) since `since`, a no-show
 * weighing `noShowLoad` tasks, so that a volunteer who did not come is not favoured next time.
 */
export async function recentLoads(
  cx: CommandContext<VolunteersOptions>,
  volunteerIds: readonly string[],
  since: Date,
): Promise<Map<string, number>> {
  const loads = new Map<string, number>();
  for (let i = 0; i < volunteerIds.length; i += 500) {
    const ids = volunteerIds.slice(i, i + 500);
    const rows = await cx.tx.findMany(hoursModel, {
      where: [
        { field: "volunteerId", op: "in", value: ids },
        { field: "at", op: "gte", value: since },
      ],
    });
    for (const row of rows)
      loads.set(
        row.volunteerId,
        (loads.get(row.volunteerId) ?? 0) + (row.noShow ? cx.options.noShowLoad : 1),
      );
  }
  return loads;
}
