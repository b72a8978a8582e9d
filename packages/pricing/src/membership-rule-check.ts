import { ruleTargets } from "@linli/booking";
import type { CommunityConfig, ReportProblem } from "@linli/core";
import * as z from "zod";
import type { PricingConfig } from "./pricing-config";

/** The parts of booking's parsed section this check reads (booking validated it already). */
const bookingRules = z.object({
  rules: z.array(
    z
      .object({
        id: z.string(),
        kind: z.string(),
        appliesTo: z.object({ resources: z.array(z.string()), resourceGroups: z.array(z.string()) }),
        plans: z.array(z.string()).optional(),
      })
      .loose(),
  ),
});

/**
 * Checks the `requires-membership` rules of the `booking` section against the membership
 * plans: every plan a rule names exists (`UNKNOWN_MEMBERSHIP_PLAN`), and every resource a
 * rule covers is covered by at least one of its plans (`MEMBERSHIP_RULE_UNSATISFIABLE`): a
 * members-only resource that no membership opens could never be booked by a resident. Does
 * nothing without the booking plugin.
 */
export function checkMembershipRules(
  pricing: PricingConfig,
  config: CommunityConfig,
  report: ReportProblem,
): void {
  const parsed = bookingRules.safeParse(config.booking);
  if (!parsed.success) return;
  const resourceGroups = new Map(config.resourceGroups.map((g) => [g.id, g.resources]));
  const known = new Set(config.resources.map((r) => r.id));
  const covers = new Map(
    pricing.memberships.map((m) => [
      m.id,
      new Set([
        ...m.covers.resources,
        ...m.covers.resourceGroups.flatMap((g) => resourceGroups.get(g) ?? []),
      ]),
    ]),
  );
  parsed.data.rules.forEach((rule, i) => {
    if (rule.kind !== "requires-membership") return;
    const path = ["booking", "rules", i];
    rule.plans?.forEach((id, j) => {
      if (!covers.has(id))
        report([...path, "plans", j], "UNKNOWN_MEMBERSHIP_PLAN", {
          "zh-CN": `未定义的会员卡方案 "${id}"`,
          en: `Unknown membership plan "${id}"`,
        });
    });
    const plans = rule.plans ?? [...covers.keys()];
    for (const resourceId of ruleTargets(rule, config)) {
      if (!known.has(resourceId)) continue; // booking reports unknown resources
      if (plans.some((id) => covers.get(id)?.has(resourceId))) continue;
      report(path, "MEMBERSHIP_RULE_UNSATISFIABLE", {
        "zh-CN": `规则 "${rule.id}" 要求会员卡，但没有会员卡方案覆盖资源 "${resourceId}"`,
        en: `Rule "${rule.id}" requires a membership, but no membership plan covers resource "${resourceId}"`,
      });
    }
  });
}
