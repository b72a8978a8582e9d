import type { CommunityConfig, Resource } from "@linli/core";
import { coreErrors, LinliError } from "@linli/core";
import type { RuleConfig } from "./booking-config";
import type { BookingOptions } from "./booking-config";
import { bookingErrors } from "./booking-errors";
import { checkRuleFacts } from "./rule-facts";
import {
  type AnyRuleKind,
  type BookingFacts,
  type CancellationTerms,
  type CheckInTerms,
  type ResolvedRule,
  readsGroups,
  readsResidentBookings,
} from "./rule-kind";

/** The rule kinds by name. */
export type RuleKinds = ReadonlyMap<string, AnyRuleKind>;

/** Indexes rule kinds by name; two different facts with one id are a `PLUGIN_CONFLICT`. */
export function ruleKindMap(kinds: readonly AnyRuleKind[]): RuleKinds {
  const map = new Map(kinds.map((k) => [k.kind, k]));
  checkRuleFacts(map);
  return map;
}

/** The implicit capacity rule every resource has when none is configured for it. */
const IMPLICIT_CAPACITY: Omit<ResolvedRule, "targets"> = { id: "capacity", kind: "capacity", params: {} };

/** The resources a configured rule covers. */
export function ruleTargets(rule: Pick<RuleConfig, "appliesTo">, config: CommunityConfig): Set<string> {
  const { resources, resourceGroups } = rule.appliesTo;
  if (resources.length === 0 && resourceGroups.length === 0)
    return new Set(config.resources.map((r) => r.id));
  const out = new Set(resources);
  for (const g of config.resourceGroups)
    if (resourceGroups.includes(g.id)) for (const r of g.resources) out.add(r);
  return out;
}

/** Splits a configured rule into the parts the engine needs. */
export function resolveRule(rule: RuleConfig, targets: ReadonlySet<string>): ResolvedRule {
  const { id, kind, appliesTo: _appliesTo, ...params } = rule;
  return { id, kind, params, targets };
}

/**
 * The community's booking rules, resolved per resource once at start-up: which rules apply,
 * and the capacity, buffers, grid, cancellation and check-in terms they imply.
 */
export class RuleBook {
  private readonly byResource = new Map<string, ResolvedRule[]>();
  private readonly resources = new Map<string, Resource>();
  private readonly residentReaders = new Set<string>();
  private readonly groupReaders = new Set<string>();

  constructor(
    readonly config: CommunityConfig,
    readonly kinds: RuleKinds,
    options: Pick<BookingOptions, "rules">,
  ) {
    for (const r of config.resources) {
      this.resources.set(r.id, r);
      this.byResource.set(r.id, []);
    }
    for (const rule of options.rules) {
      const targets = ruleTargets(rule, config);
      const resolved = resolveRule(rule, targets);
      for (const id of targets) this.byResource.get(id)?.push(resolved);
    }
    for (const [id, rules] of this.byResource) {
      if (!rules.some((r) => r.kind === "capacity"))
        rules.push({ ...IMPLICIT_CAPACITY, targets: new Set([id]) });
      // A rule of a kind not registered reads everything: evaluating it fails anyway.
      if (rules.some((r) => readsResidentBookings(kinds.get(r.kind) ?? {}))) this.residentReaders.add(id);
      if (rules.some((r) => readsGroups(kinds.get(r.kind) ?? {}))) this.groupReaders.add(id);
    }
  }

  /**
   * Whether a rule that applies to the resource reads the resident's bookings
   * (`RuleKind.reads`): when none does, booking skips that read.
   */
  needsResidentBookings(resourceId: string): boolean {
    this.resource(resourceId);
    return this.residentReaders.has(resourceId);
  }

  /**
   * Whether a rule that applies to the resource may read the request's `groups` (the
   * resident's eligibility groups): any kind that does not declare `reads.groups: false`
   * (`RuleKind.reads`). When none does, booking skips the read of the resident's grants.
   */
  needsGroups(resourceId: string): boolean {
    this.resource(resourceId);
    return this.groupReaders.has(resourceId);
  }

  /** The resource, or `UNKNOWN_RESOURCE`. */
  resource(resourceId: string): Resource {
    const r = this.resources.get(resourceId);
    if (!r) throw LinliError.from(bookingErrors, "UNKNOWN_RESOURCE", { resourceId });
    return r;
  }

  /** Resource ids of a resource group, or `UNKNOWN_RESOURCE_GROUP`. */
  group(groupId: string): readonly string[] {
    const g = this.config.resourceGroups.find((x) => x.id === groupId);
    if (!g) throw LinliError.from(bookingErrors, "UNKNOWN_RESOURCE_GROUP", { groupId });
    return g.resources;
  }

  /** The rules that apply to a resource, the implicit capacity rule included. */
  rulesFor(resourceId: string): readonly ResolvedRule[] {
    this.resource(resourceId);
    return this.byResource.get(resourceId)!;
  }

  /** The kind of a resolved rule. */
  kindOf(rule: ResolvedRule): AnyRuleKind {
    const kind = this.kinds.get(rule.kind);
    if (!kind)
      throw LinliError.from(coreErrors, "PLUGIN_CONFLICT", { reason: `unknown rule kind ${rule.kind}` });
    return kind;
  }

  /** Checks a zone id and returns the capacity of the resource or zone. */
  physicalCapacity(resourceId: string, zoneId: string | null | undefined): number {
    const resource = this.resource(resourceId);
    if (zoneId == null) return resource.capacity;
    const zone = resource.zones.find((z) => z.id === zoneId);
    if (!zone) throw LinliError.from(bookingErrors, "UNKNOWN_ZONE", { resourceId, zoneId });
    return zone.capacity ?? resource.capacity;
  }

  /** Cancellation terms of a booking: the earliest deadline among the rules, or none. */
  cancellationTerms(booking: BookingFacts): CancellationTerms | null {
    let terms: CancellationTerms | null = null;
    for (const rule of this.rulesFor(booking.resourceId)) {
      const t = this.kindOf(rule).cancellation?.(rule.params, booking, this.config.community.timeZone);
      if (t && (!terms || t.deadline < terms.deadline)) terms = t;
    }
    return terms;
  }

  /** Check-in terms of a booking: the first check-in rule's, or none. */
  checkInTerms(booking: BookingFacts): CheckInTerms | null {
    for (const rule of this.rulesFor(booking.resourceId)) {
      const t = this.kindOf(rule).checkIn?.(rule.params, booking, this.config.community.timeZone);
      if (t) return t;
    }
    return null;
  }
}
