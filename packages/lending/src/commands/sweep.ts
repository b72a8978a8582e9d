import { defineCommand } from "@linli/core";
import * as z from "zod";
import { expireReadyHold, openTicket } from "../circulation";
import { lendingEvents } from "../events";
import { getItem, type LendingCx, lockTypes } from "../lending-context";
import { claimModel, holdModel, itemModel, loanModel } from "../lending-models";
import { duePlan } from "../maintenance-plans";

const HOUR_MS = 3_600_000;

/** What one sweep did. */
export interface SweepReport {
  /** Ready holds not picked up in time: expired, their units passed on. */
  readonly holdsExpired: number;
  /** Reservations not picked up on their first day: expired, the unit free again. */
  readonly reservationsExpired: number;
  /** `LoanDueSoon` events sent. */
  readonly dueSoon: number;
  /** `LoanOverdue` events sent. */
  readonly overdue: number;
  /** Repair tickets opened by maintenance plans (every N months). */
  readonly serviceTickets: number;
}

/**
 * `lending.sweep`: the tool room's periodic work, run by staff or a scheduler (system actor),
 * e.g. every quarter hour: expires ready holds past their pickup window (the unit passes to
 * the next in line), expires reservations not picked up on their first day, sends
 * `LoanDueSoon` and `LoanOverdue` once per due date, and opens service tickets for units due
 * by a maintenance plan. Safe to run again: it does nothing twice.
 */
export const sweep = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ limit: z.number().int().min(1).max(5000).default(1000) }),
  run: async (cx: LendingCx, { limit }): Promise<SweepReport> => {
    const now = cx.now;
    let holdsExpired = 0;
    const stale = await cx.tx.findMany(holdModel, {
      where: [
        { field: "status", value: "ready" },
        { field: "pickupBy", op: "lte", value: now },
      ],
      orderBy: [{ field: "pickupBy" }],
      limit,
    });
    const plans = cx.options.maintenancePlans.filter((p) => p.everyMonths !== undefined);
    const dueUnits = async () =>
      plans.length === 0
        ? []
        : (
            await cx.tx.findMany(itemModel, {
              where: [{ field: "status", value: "available" }],
              limit: 10_000,
            })
          )
            .map((unit) => ({ unit, plan: duePlan(plans, unit, now, cx.config.community.timeZone) }))
            .filter((u) => u.plan !== undefined);
    // Every type this sweep may touch is locked first, in the one global order (`lockTypes`),
    // so the sweep never holds one type while waiting for a type locked before it elsewhere.
    const locked = new Set([
      ...stale.map((h) => h.itemTypeId),
      ...(await dueUnits()).map((u) => u.unit.itemTypeId),
    ]);
    await lockTypes(cx, locked);
    for (const found of stale) {
      const hold = await cx.tx.get(holdModel, found.id);
      if (hold.status !== "ready") continue;
      await expireReadyHold(cx, hold);
      holdsExpired++;
    }
    const pickupMs = cx.options.holds.pickupHours * HOUR_MS;
    const reservations = await cx.tx.findMany(claimModel, {
      where: [
        { field: "status", value: "active" },
        { field: "start", op: "lte", value: new Date(now.getTime() - pickupMs) },
        { field: "kind", value: "reservation" },
      ],
      limit,
    });
    for (const r of reservations) {
      await cx.tx.updateById(claimModel, r.id, { status: "expired" });
      await cx.emit(lendingEvents.ReservationEnded, { reservationId: r.id, status: "expired" });
    }
    let dueSoon = 0;
    let overdue = 0;
    const soon = new Date(now.getTime() + cx.options.dueSoonHours * HOUR_MS);
    const open = await cx.tx.findMany(loanModel, {
      where: [
        { field: "returnedAt", value: null },
        { field: "dueAt", op: "lte", value: soon },
      ],
      orderBy: [{ field: "dueAt" }],
      limit,
    });
    for (const loan of open) {
      const payload = {
        loanId: loan.id,
        itemId: loan.itemId,
        residentId: loan.residentId,
        dueAt: loan.dueAt.toISOString(),
      };
      const late = loan.dueAt.getTime() <= now.getTime();
      if (late && loan.overdueSentFor?.getTime() !== loan.dueAt.getTime()) {
        await cx.tx.updateById(loanModel, loan.id, { overdueSentFor: loan.dueAt });
        await cx.emit(lendingEvents.LoanOverdue, payload);
        overdue++;
      } else if (!late && loan.dueSoonSentFor?.getTime() !== loan.dueAt.getTime()) {
        await cx.tx.updateById(loanModel, loan.id, { dueSoonSentFor: loan.dueAt });
        await cx.emit(lendingEvents.LoanDueSoon, payload);
        dueSoon++;
      }
    }
    let serviceTickets = 0;
    // Read again: the expired holds put units back on the shelf (their types are locked). A
    // unit of a type not locked above (freed meanwhile by another desk) waits for the next sweep.
    for (const { unit, plan } of await dueUnits()) {
      if (!plan || !locked.has(unit.itemTypeId)) continue;
      const item = await getItem(cx, unit.id);
      if (item.status !== "available") continue;
      await openTicket(cx, item, {
        problem: `maintenance plan ${plan.id}`,
        source: "plan",
        planId: plan.id,
      });
      serviceTickets++;
    }
    return { holdsExpired, reservationsExpired: reservations.length, dueSoon, overdue, serviceTickets };
  },
});
