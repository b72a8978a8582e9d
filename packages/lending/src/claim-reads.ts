import type { CommandContext } from "@linli/core";
import { type Claim, claimModel } from "./lending-models";

/** The fields of a claim that decide whether it blocks a unit. */
export type BlockingClaim = Pick<Claim, "itemId" | "start" | "end">;

/**
 * The active claims that can block a unit in `[from, to)` as of `now`: those overlapping the
 * window, and those still active though they ended at or before now (a loan overdue: the unit
 * is not back). Two ranges of the `(status, end, start)` index, each bounded on both sides
 * (`Tx.overlapWhere`: the longest claim the community holds, at most the declared
 * `MAX_CLAIM_SPAN_MS`; the overdue read stops at now), reading three columns: the cost
 * follows the claims around the window, never the loan history behind it. Feed the result to
 * `blockedUnits`.
 */
export async function blockingClaims(
  cx: Pick<CommandContext, "tx">,
  window: { readonly start: Date; readonly end: Date },
  now: Date,
): Promise<BlockingClaim[]> {
  const select = ["itemId", "start", "end"] as const;
  const overlapping = await cx.tx.findMany(claimModel, {
    where: [
      { field: "status", value: "active" },
      ...(await cx.tx.overlapWhere(claimModel, {
        startField: "start",
        endField: "end",
        from: window.start,
        to: window.end,
      })),
    ],
    select,
  });
  // Overdue claims ending inside the window are already in `overlapping`.
  const overdueUntil = now.getTime() < window.start.getTime() ? now : window.start;
  const overdue = await cx.tx.findMany(claimModel, {
    where: [
      { field: "status", value: "active" },
      { field: "end", op: "lte", value: overdueUntil },
    ],
    select,
  });
  return overdue.length === 0 ? overlapping : overlapping.concat(overdue);
}
