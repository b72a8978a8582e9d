import type { CommunityConfig, Registries } from "@linli/core";
import { builtInComponents } from "./built-in-components";
import { type PriceComponent, priceComponents } from "./price-component";
import type { MembershipPlan, PricePlan, PricingConfig, Voucher } from "./pricing-config";
import type { GroupInfo, QuoteContext } from "./quote-types";

/**
 * A community's prices compiled once from its configuration into lookups: the plan of each
 * resource, the membership plans covering it, vouchers by code, and the {@link QuoteContext}.
 */
export interface PriceBook {
  /** The parsed `pricing` section. */
  readonly config: PricingConfig;
  /** The community's IANA zone (months, days, caps are local). */
  readonly timeZone: string;
  /** What every quote needs. */
  readonly context: QuoteContext;
  /** True when the resource is defined in the kernel config. */
  hasResource(resourceId: string): boolean;
  /** The plan pricing a resource: one naming it directly wins over one naming its group. */
  planFor(resourceId: string): PricePlan | null;
  /** A membership plan by id. */
  membershipPlan(planId: string): MembershipPlan | undefined;
  /** The resource ids a membership plan covers (groups expanded). */
  membershipResources(planId: string): readonly string[];
  /** The membership plans covering a resource, in config order (empty when none does). */
  membershipPlansFor(resourceId: string): readonly MembershipPlan[];
  /** A voucher by code. */
  voucher(voucherId: string): Voucher | undefined;
}

function expand(
  coverage: { resources: readonly string[]; resourceGroups: readonly string[] },
  groups: ReadonlyMap<string, readonly string[]>,
): string[] {
  return [
    ...new Set([...coverage.resources, ...coverage.resourceGroups.flatMap((g) => groups.get(g) ?? [])]),
  ];
}

/**
 * Compiles a community's prices (already validated) into a {@link PriceBook}: `pricing` is
 * the parsed `pricing` section (the plugin's options), `config` the whole configuration
 * (resources, groups, zone, currency), `registries` the filled price components (the
 * built-in ones when absent).
 */
export function compilePriceBook(
  pricing: PricingConfig,
  config: CommunityConfig,
  registries?: Registries,
): PriceBook {
  const resourceGroups = new Map(config.resourceGroups.map((g) => [g.id, g.resources]));
  const resources = new Set(config.resources.map((r) => r.id));
  const direct = new Map<string, PricePlan>();
  const viaGroup = new Map<string, PricePlan>();
  for (const plan of pricing.plans) {
    for (const id of plan.appliesTo.resources) direct.set(id, plan);
    for (const g of plan.appliesTo.resourceGroups)
      for (const id of resourceGroups.get(g) ?? []) viaGroup.set(id, plan);
  }
  const memberships = new Map(pricing.memberships.map((m) => [m.id, m]));
  const covered = new Map(pricing.memberships.map((m) => [m.id, expand(m.covers, resourceGroups)]));
  const plansFor = new Map<string, MembershipPlan[]>();
  for (const m of pricing.memberships)
    for (const id of covered.get(m.id) ?? []) plansFor.set(id, [...(plansFor.get(id) ?? []), m]);
  const vouchers = new Map(pricing.vouchers.map((v) => [v.id, v]));
  const components = new Map<string, PriceComponent>();
  for (const c of registries ? registries.get(priceComponents) : builtInComponents) components.set(c.kind, c);
  const groups = new Map<string, GroupInfo>(
    config.groups.map((g) => [g.id, { name: g.name, sensitive: g.sensitive }]),
  );
  return {
    config: pricing,
    timeZone: config.community.timeZone,
    context: { currency: config.community.currency, rounding: pricing.rounding, groups, components },
    hasResource: (id) => resources.has(id),
    planFor: (id) => direct.get(id) ?? viaGroup.get(id) ?? null,
    membershipPlan: (id) => memberships.get(id),
    membershipResources: (id) => covered.get(id) ?? [],
    membershipPlansFor: (id) => plansFor.get(id) ?? [],
    voucher: (id) => vouchers.get(id),
  };
}
