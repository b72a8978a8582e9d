import { defineQuery } from "@linli/core";
import * as z from "zod";
import { loadMatchInputs } from "../match-context";
import { NOT_A_CANDIDATE } from "../match-explanation";
import { explainMatch } from "../matching/explain-match";
import { rankCandidates } from "../matching/rank-candidates";
import { getRequest } from "../request-lifecycle";
import { idInput } from "../volunteers-inputs";

/**
 * `volunteers.candidates` (staff): the ranked candidates for one request, cheapest first, each
 * with its cost terms and continuity, and how many volunteers each constraint excluded
 * (`not-a-candidate`: never read, lacking a required skill or living too far).
 */
export const candidates = defineQuery({
  allow: "staff",
  subject: "none",
  input: z.object({ requestId: idInput, limit: z.number().int().min(1).max(200).default(20) }),
  run: async (cx, { requestId, limit }) => {
    const request = await getRequest(cx, requestId);
    const inputs = await loadMatchInputs(cx, [request]);
    const [engineRequest] = inputs.requests;
    if (!engineRequest) return { requestId, candidates: [], excluded: {} };
    const ranked = rankCandidates(engineRequest, inputs.volunteers, inputs.settings);
    const notRead = inputs.notRead.get(requestId) ?? 0;
    return {
      requestId,
      candidates: ranked.candidates.slice(0, limit).map((c) => ({
        ...c,
        name: inputs.profiles.get(c.volunteerId)?.name ?? c.volunteerId,
        explanation: { "zh-CN": explainMatch(c, "zh-CN"), en: explainMatch(c, "en") },
      })),
      excluded: notRead > 0 ? { [NOT_A_CANDIDATE]: notRead, ...ranked.excluded } : ranked.excluded,
    };
  },
});
