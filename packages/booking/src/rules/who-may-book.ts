import { violation } from "@linli/core";
import * as z from "zod";
import { defineRuleKind } from "../rule-kind";

/** Parameters of `who-may-book`. */
export const whoMayBookParams = z.object({
  /** Only residents in one of these eligibility groups (at the booking's start). */
  groups: z
    .array(z.string())
    .min(1)
    .optional()
    .describe("Only residents in one of these eligibility groups (at the booking's start)."),
  /** Every booking must be for a resident (no anonymous staff bookings). @default false */
  residentsOnly: z
    .boolean()
    .default(false)
    .describe("Every booking must be for a resident (no anonymous staff bookings)."),
  /** Only staff may book (residents ask at the desk). @default false */
  staffOnly: z.boolean().default(false).describe("Only staff may book (residents ask at the desk)."),
});

const STAFF_KINDS = new Set(["staff", "admin", "system"]);

/**
 * `who-may-book`: eligibility groups, residents only, staff only. The refusal never names
 * the groups: group status is sensitive, and the person booking on someone's behalf may be
 * a volunteer or a neighbour.
 */
export const whoMayBookKind = defineRuleKind({
  kind: "who-may-book",
  description: {
    "zh-CN": "可预约人员（资格类别、仅限居民、仅限工作人员）",
    en: "Who may book (eligibility groups, residents only, staff only)",
  },
  params: whoMayBookParams,
  reads: { residentBookings: false, groups: true },
  evaluate(params, cx) {
    const { request, rule } = cx;
    const out = [];
    if (params.staffOnly && !STAFF_KINDS.has(request.actorKind)) {
      out.push(
        violation("STAFF_ONLY", rule.id, {
          "zh-CN": "此资源只能由工作人员代为预约",
          en: "Only staff can book this resource",
        }),
      );
    }
    if ((params.residentsOnly || params.groups) && !request.residentId) {
      out.push(
        violation("RESIDENT_REQUIRED", rule.id, {
          "zh-CN": "此资源须为某位居民预约",
          en: "This resource is booked for a named resident",
        }),
      );
    } else if (params.groups && !params.groups.some((g) => request.groups?.includes(g))) {
      out.push(
        violation("NOT_ELIGIBLE", rule.id, {
          "zh-CN": "此资源仅向符合条件的居民开放，请咨询社区工作人员",
          en: "This resource is open to eligible residents only; please ask community staff",
        }),
      );
    }
    return out;
  },
});
