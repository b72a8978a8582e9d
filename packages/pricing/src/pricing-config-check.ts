import { type CommunityConfig, type ConfigCheckContext, isCurrency, type ReportProblem } from "@linli/core";
import { builtInComponents } from "./built-in-components";
import { type PriceComponent, priceComponents } from "./price-component";
import { checkMembershipRules } from "./membership-rule-check";
import type { PricingConfig } from "./pricing-config";

type Coverage = { readonly resources: readonly string[]; readonly resourceGroups: readonly string[] };

function duplicates(ids: readonly string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) out.push(i);
    seen.add(id);
  });
  return out;
}

/**
 * Cross-reference and semantic checks of the `pricing` section, run at config load with every
 * problem reported at once: tiers name defined groups, plans and memberships name defined
 * resources and resource groups, ids are unique, no resource has two plans at the same level,
 * the currency (when given) is the community's, and each plan's charge passes its component's
 * own `check`; booking's `requires-membership` rules name membership plans that exist and cover
 * their resources. `pricing` is the parsed section (the plugin's options), `config` the whole
 * configuration it refers to; `context` (given at load) knows the contributed components and
 * which parts had structural problems. Without it, only the built-in components are known.
 */
export function checkPricingConfig(
  pricing: PricingConfig,
  config: CommunityConfig,
  report: ReportProblem,
  context?: ConfigCheckContext,
): void {
  const broken = (path: readonly PropertyKey[]) => context?.isBroken(path) ?? false;
  const components = new Map<string, PriceComponent>(
    (context ? context.registries.get(priceComponents) : builtInComponents).map((c) => [c.kind, c]),
  );
  const groups = new Set(config.groups.map((g) => g.id));
  const resources = new Set(config.resources.map((r) => r.id));
  const resourceGroups = new Map(config.resourceGroups.map((g) => [g.id, g.resources]));

  if (pricing.currency !== undefined) {
    if (!isCurrency(pricing.currency)) {
      report(["pricing", "currency"], "INVALID_CURRENCY", {
        "zh-CN": `无效的货币代码 "${pricing.currency}"`,
        en: `Unknown currency code "${pricing.currency}"`,
      });
    } else if (pricing.currency !== config.community.currency && !broken(["community", "currency"])) {
      report(["pricing", "currency"], "CURRENCY_MISMATCH", {
        "zh-CN": `价格货币 ${pricing.currency} 与社区货币 ${config.community.currency} 不一致`,
        en: `Pricing currency ${pricing.currency} is not the community's ${config.community.currency}`,
      });
    }
  }

  const checkCoverage = (path: PropertyKey[], coverage: Coverage) => {
    coverage.resources.forEach((id, j) => {
      if (!resources.has(id)) {
        report([...path, "resources", j], "UNKNOWN_RESOURCE", {
          "zh-CN": `未定义的资源 "${id}"`,
          en: `Unknown resource "${id}"`,
        });
      }
    });
    coverage.resourceGroups.forEach((id, j) => {
      if (!resourceGroups.has(id)) {
        report([...path, "resourceGroups", j], "UNKNOWN_RESOURCE_GROUP", {
          "zh-CN": `未定义的资源组 "${id}"`,
          en: `Unknown resource group "${id}"`,
        });
      }
    });
  };

  const checkTiers = (path: PropertyKey[], tiers: readonly { group: string }[]) => {
    tiers.forEach((tier, j) => {
      if (!groups.has(tier.group)) {
        report([...path, "tiers", j, "group"], "UNKNOWN_GROUP", {
          "zh-CN": `未定义的资格类别 "${tier.group}"`,
          en: `Unknown eligibility group "${tier.group}"`,
        });
      }
    });
    for (const j of duplicates(tiers.map((t) => t.group))) {
      report([...path, "tiers", j, "group"], "DUPLICATE_TIER", {
        "zh-CN": `资格类别 "${tiers[j]!.group}" 有两个价格`,
        en: `Eligibility group "${tiers[j]!.group}" has two tiers`,
      });
    }
  };

  const lists = { plans: pricing.plans, memberships: pricing.memberships, vouchers: pricing.vouchers };
  for (const [key, list] of Object.entries(lists)) {
    for (const i of duplicates(list.map((x) => x.id))) {
      report(["pricing", key, i, "id"], "DUPLICATE_ID", {
        "zh-CN": `重复的 id "${list[i]!.id}"`,
        en: `Duplicate id "${list[i]!.id}"`,
      });
    }
  }

  // At most one plan per resource at each level (named directly, or through a resource group).
  const direct = new Map<string, string>();
  const viaGroup = new Map<string, string>();
  pricing.plans.forEach((plan, i) => {
    const { kind } = plan.charge;
    const component = typeof kind === "string" ? components.get(kind) : undefined;
    component?.check?.(plan.charge, (at, code, message) =>
      report(["pricing", "plans", i, "charge", ...at], code, message),
    );
    checkCoverage(["pricing", "plans", i, "appliesTo"], plan.appliesTo);
    checkTiers(["pricing", "plans", i], plan.tiers);
    const ambiguous = (resourceId: string, other: string) =>
      report(["pricing", "plans", i, "appliesTo"], "AMBIGUOUS_PLAN", {
        "zh-CN": `资源 "${resourceId}" 同时属于价格方案 "${other}" 和 "${plan.id}"`,
        en: `Resource "${resourceId}" is priced by both plan "${other}" and plan "${plan.id}"`,
      });
    for (const id of new Set(plan.appliesTo.resources)) {
      const other = direct.get(id);
      if (other !== undefined) ambiguous(id, other);
      else direct.set(id, plan.id);
    }
    const viaThisPlan = new Set(plan.appliesTo.resourceGroups.flatMap((g) => resourceGroups.get(g) ?? []));
    for (const id of viaThisPlan) {
      const other = viaGroup.get(id);
      if (other !== undefined) ambiguous(id, other);
      else viaGroup.set(id, plan.id);
    }
  });

  pricing.memberships.forEach((plan, i) => {
    checkCoverage(["pricing", "memberships", i, "covers"], plan.covers);
    checkTiers(["pricing", "memberships", i], plan.tiers);
  });

  const planIds = new Set(pricing.plans.map((p) => p.id));
  // A plan with structural problems is not in `pricing.plans`: a voucher may name it.
  const plansBroken = broken(["pricing", "plans"]);
  pricing.vouchers.forEach((voucher, i) => {
    voucher.plans?.forEach((id, j) => {
      if (!planIds.has(id) && !plansBroken) {
        report(["pricing", "vouchers", i, "plans", j], "UNKNOWN_PLAN", {
          "zh-CN": `未定义的价格方案 "${id}"`,
          en: `Unknown price plan "${id}"`,
        });
      }
    });
  });

  checkMembershipRules(pricing, config, report);
}
