import { defineCommand, isStaffLike, LinliError } from "@linli/core";
import * as z from "zod";
import { volunteersEvents } from "../events";
import { recordHours } from "../hours-ledger";
import { getPair, nextDue } from "../pair-rules";
import { volunteerOfActor } from "../volunteer-identity";
import type { VolunteersOptions } from "../volunteers-config";
import { volunteersErrors } from "../volunteers-errors";
import { idInput, instantInput, noteInput } from "../volunteers-inputs";
import { pairModel, visitModel } from "../volunteers-models";

/**
 * `volunteers.pairs.recordVisit`: the pair's volunteer, its backup or staff record a visit
 * (attended, or missed: a no-show that weighs in fairness). An attended visit moves the next
 * due time one rhythm on and adds its minutes to the hours ledger.
 */
export const recordVisit = defineCommand({
  subject: "none",
  input: z.object({
    pairId: idInput,
    at: instantInput.optional(),
    minutes: z.number().int().min(0).max(1440).default(60),
    attended: z.boolean().default(true),
    note: noteInput.optional(),
  }),
  run: async (cx, input) => {
    const pair = await getPair(cx, input.pairId);
    let volunteerId = pair.volunteerId;
    if (!isStaffLike(cx.actor)) {
      const self = await volunteerOfActor(cx);
      if (!self || (self.id !== pair.volunteerId && self.id !== pair.backupVolunteerId))
        cx.requireStaff("volunteers.pairs.recordVisit");
      volunteerId = self?.id ?? volunteerId;
    }
    if (pair.status !== "active")
      throw LinliError.from(volunteersErrors, "PAIR_INVALID_TRANSITION", {
        pairId: pair.id,
        status: pair.status,
        action: "visited",
      });
    const at = input.at ?? cx.now;
    const visit = await cx.tx.create(visitModel, {
      pairId: pair.id,
      volunteerId,
      residentId: pair.residentId,
      at,
      minutes: input.attended ? input.minutes : 0,
      attended: input.attended,
      note: input.note ?? null,
      recordedBy: cx.actor.id,
    });
    await recordHours(cx, {
      volunteerId,
      source: "visit",
      sourceId: visit.id,
      at,
      minutes: visit.minutes,
      noShow: !input.attended,
    });
    if (input.attended)
      await cx.tx.updateById(pairModel, pair.id, {
        lastVisitAt: at,
        nextVisitDueAt: nextDue(pair.visitsPerWeek, at),
      });
    return visit;
  },
});

/**
 * `volunteers.pairs.sweep` (staff or a scheduler): every active pair whose visit was not
 * recorded by its due time plus the configured grace raises `PairVisitOverdue` for staff,
 * once per due time. Returns the pairs reported.
 */
export const sweepVisits = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ limit: z.number().int().min(1).max(5000).default(1000) }),
  run: async (cx, { limit }) => {
    const options = cx.options as VolunteersOptions;
    const cutoff = new Date(cx.now.getTime() - options.pairs.graceHours * 3_600_000);
    const due = await cx.tx.findMany(pairModel, {
      where: [
        { field: "status", value: "active" },
        { field: "nextVisitDueAt", op: "lte", value: cutoff },
      ],
      orderBy: [{ field: "nextVisitDueAt" }],
      limit,
    });
    const overdue: string[] = [];
    for (const pair of due) {
      const dueAt = pair.nextVisitDueAt;
      if (!dueAt || pair.escalatedDueAt?.getTime() === dueAt.getTime()) continue;
      await cx.tx.updateById(pairModel, pair.id, { escalatedDueAt: dueAt });
      await cx.emit(volunteersEvents.PairVisitOverdue, {
        pairId: pair.id,
        volunteerId: pair.volunteerId,
        backupVolunteerId: pair.backupVolunteerId,
        residentId: pair.residentId,
        dueAt: dueAt.toISOString(),
      });
      overdue.push(pair.id);
    }
    return { overdue };
  },
});
