import { defineCommand, type ModelWhere } from "@linli/core";
import * as z from "zod";
import { volunteersEvents } from "../events";
import { loadMatchInputs } from "../match-context";
import { matchExplanation, NOT_A_CANDIDATE, unmatchedExplanation } from "../match-explanation";
import { planMatches } from "../matching/plan-matches";
import { rankCandidates } from "../matching/rank-candidates";
import { getRequest, transition } from "../request-lifecycle";
import type { VolunteersOptions } from "../volunteers-config";
import { idInput } from "../volunteers-inputs";
import { type HelpRequest, helpRequestModel } from "../volunteers-models";

/** Constraint counts with the volunteers never read (no required skill, too far) added as `not-a-candidate`. */
function withNotRead(excluded: Readonly<Record<string, number>>, notRead: number): Record<string, number> {
  return notRead > 0 ? { [NOT_A_CANDIDATE]: notRead, ...excluded } : { ...excluded };
}

/**
 * `volunteers.match` (staff): an optimal batch assignment of open requests (the ones named,
 * or the earliest open ones) to volunteers, by the pure engine `planMatches` over candidates
 * read through indexes. Each match is offered (or assigned, with `assignMode: "assign"`) and
 * emits `HelpRequestMatched` with its cost terms, continuity and the exclusion counts; each
 * request left without a volunteer emits `HelpRequestUnmatched` with its explanation.
 */
export const match = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({
    requestIds: z.array(idInput).min(1).max(2000).optional(),
    limit: z.number().int().min(1).max(2000).default(500),
  }),
  run: async (cx, { requestIds, limit }) => {
    const options = cx.options as VolunteersOptions;
    let requests: HelpRequest[];
    if (requestIds) {
      requests = [];
      for (const id of new Set(requestIds)) requests.push(await getRequest(cx, id));
      requests = requests.filter((r) => r.status === "open");
    } else {
      const where: ModelWhere<typeof helpRequestModel>[] = [
        { field: "status", value: "open" },
        { field: "end", op: "gt", value: cx.now },
      ];
      requests = await cx.tx.findMany(helpRequestModel, {
        where,
        orderBy: [{ field: "start" }, { field: "id" }],
        limit,
      });
    }
    if (requests.length === 0) return { matched: [], unmatched: [], totalCost: 0 };
    const inputs = await loadMatchInputs(cx, requests);
    const plan = planMatches(inputs.requests, inputs.volunteers, inputs.settings);
    const byId = new Map(requests.map((r) => [r.id, r] as const));
    const engineRequests = new Map(inputs.requests.map((r) => [r.id, r] as const));
    const status = options.assignMode === "assign" ? ("accepted" as const) : ("offered" as const);
    const matched = [];
    for (const m of plan.matches) {
      const request = byId.get(m.requestId);
      const engineRequest = engineRequests.get(m.requestId);
      if (!request || !engineRequest) continue;
      const ranked = rankCandidates(engineRequest, inputs.volunteers, inputs.settings);
      const excluded = withNotRead(ranked.excluded, inputs.notRead.get(m.requestId) ?? 0);
      await transition(cx, request, status, {
        volunteerId: m.volunteerId,
        continuity: m.continuity,
        matchCost: m.cost,
        matchTerms: { ...m.terms },
        offeredAt: cx.now,
        offerExpiresAt:
          status === "offered" ? new Date(cx.now.getTime() + options.offerMinutes * 60_000) : null,
        acceptedAt: status === "accepted" ? cx.now : null,
      });
      const notRead = inputs.notRead.get(m.requestId) ?? 0;
      const payload = {
        requestId: m.requestId,
        volunteerId: m.volunteerId,
        status,
        cost: m.cost,
        terms: { ...m.terms },
        continuity: m.continuity,
        excluded,
        explanation: matchExplanation(m, notRead),
      };
      await cx.emit(volunteersEvents.HelpRequestMatched, payload);
      matched.push(payload);
    }
    const unmatched = [];
    for (const u of plan.unmatched) {
      const notRead = inputs.notRead.get(u.requestId) ?? 0;
      const payload = {
        requestId: u.requestId,
        reason: u.reason,
        excluded: withNotRead(u.excluded, notRead),
        explanation: unmatchedExplanation(u, notRead),
      };
      await cx.emit(volunteersEvents.HelpRequestUnmatched, payload);
      unmatched.push(payload);
    }
    return { matched, unmatched, totalCost: plan.totalCost };
  },
});
