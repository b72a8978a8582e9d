import { defineRuleFact, defineRuleKind, readFact } from "@linli/booking";
import { type CommandContext, idSchema, violation } from "@linli/core";
import * as z from "zod";
import { coveragesOf } from "./membership-book";
import { coveringMembership } from "./membership-period";
import type { PriceBook } from "./price-book";
import { membersOnlyText, type OfferedPlan, offeredPlans } from "./members-only";
import type { MembershipCoverage } from "./quote-types";

/** Parameters of the `requires-membership` booking rule. */
export const requiresMembershipParams = z.object({
  /** Only memberships of these plans count; any plan covering the resource when absent. */
  plans: z
    .array(idSchema)
    .min(1)
    .optional()
    .describe("Only memberships of these plans count; any plan covering the resource when absent."),
});

declare module "@linli/booking" {
  interface BookingRuleKindParams {
    /** Contributed by `@linli/pricing`: only residents holding a valid membership may book. */
    "requires-membership": z.input<typeof requiresMembershipParams>;
  }
}

/** What pricing loads into a booking's snapshot for `requires-membership` (fact `pricing.memberships`). */
export interface MembershipFacts {
  /** The resident's memberships (validity, uses left, resources); empty for no resident. */
  readonly memberships: readonly MembershipCoverage[];
  /** The membership plans covering the resource, for the refusal's text. */
  readonly plans: readonly OfferedPlan[];
}

/**
 * The `requires-membership` booking rule kind, contributed by pricing to booking's rule
 * registry, and the fact it reads. A booking for a resident is refused (`MEMBERSHIP_REQUIRED`,
 * naming the plans that would do) unless they hold a membership that covers the resource at
 * the booking's start with a use left, of one of `plans` when given. A booking for no
 * resident (staff blocking the room) is no member's use and is not refused by this rule.
 *
 * The memberships are loaded by pricing inside booking's transaction (a rule fact), so the
 * kind itself stays pure. `bookOf` finds the community's price book from the command context.
 */
export function requiresMembershipKind(bookOf: (cx: CommandContext) => PriceBook) {
  const membershipFact = defineRuleFact({
    id: "pricing.memberships",
    load: async (cx, query): Promise<MembershipFacts> => {
      const book = bookOf(cx);
      return {
        memberships: query.residentId === null ? [] : await coveragesOf(cx.tx, book, query.residentId),
        plans: offeredPlans(book, query.resourceId),
      };
    },
  });
  return defineRuleKind({
    kind: "requires-membership",
    description: {
      "zh-CN": "仅限持有有效会员卡的居民预约",
      en: "Only residents holding a valid membership may book",
    },
    params: requiresMembershipParams,
    facts: [membershipFact],
    evaluate(params, cx) {
      const { request, rule, resource } = cx;
      if (!request.residentId) return [];
      // Without the fact (a pure call that did not load it) nobody is known to be a member.
      const facts = readFact(cx.snapshot, membershipFact) ?? { memberships: [], plans: [] };
      const allowed = params.plans;
      const held = allowed ? facts.memberships.filter((m) => allowed.includes(m.planId)) : facts.memberships;
      if (coveringMembership(held, request.resourceId, request.start) !== null) return [];
      const plans = allowed ? facts.plans.filter((p) => allowed.includes(p.id)) : facts.plans;
      return [
        violation("MEMBERSHIP_REQUIRED", rule.id, membersOnlyText(resource.name, plans), {
          resourceId: request.resourceId,
          plans: plans.map((p) => p.id),
        }),
      ];
    },
  });
}
