import { habitOf, profileFor } from "../demand-profiles";
import type { ResidentProfile } from "../resident-profiles";
import type { SimulationAction, SimulationDomain, SimulationWorld } from "../simulation-world";
import { refusalCode } from "./domain-helpers";

/** The parts of a configured membership plan the simulation reads. */
interface MembershipPlanView {
  readonly id: string;
  readonly price: number;
  readonly uses?: number | "unlimited";
  readonly covers?: { readonly resources?: readonly string[]; readonly resourceGroups?: readonly string[] };
}

/** The membership plans of the pricing section (none when pricing is not configured). */
function membershipPlans(world: SimulationWorld): readonly MembershipPlanView[] {
  const section = world.config.pricing as { memberships?: readonly MembershipPlanView[] } | undefined;
  return section?.memberships ?? [];
}

/** The resources a plan covers, resource groups expanded. */
function coveredResources(world: SimulationWorld, plan: MembershipPlanView): string[] {
  const ids = new Set(plan.covers?.resources ?? []);
  for (const groupId of plan.covers?.resourceGroups ?? []) {
    for (const id of world.config.resourceGroups.find((g) => g.id === groupId)?.resources ?? []) ids.add(id);
  }
  return [...ids];
}

/** How keen a resident is on what a plan covers: their strongest habit over its resources. */
function keenness(world: SimulationWorld, resident: ResidentProfile, resources: readonly string[]): number {
  let best = 0;
  for (const id of resources) {
    const resource = world.config.resources.find((r) => r.id === id);
    const profile = resource ? profileFor(resource) : null;
    if (profile) best = Math.max(best, habitOf(resident, profile.habit));
  }
  return best;
}

/**
 * Pricing: memberships and the money of every confirmed booking.
 * - On the first day and on the first of each month, residents keen on what a membership
 *   covers buy one at the desk (`pricing.memberships.purchase`): an unlimited plan (the gym's
 *   25 yuan a month) by the keen, a pack of uses by a few; one plan per resident and resource.
 * - At the end of each day, the quote of every booking confirmed that day is read
 *   (`pricing.quoteForBooking`): what was charged, and what an eligibility tier or a staff
 *   waiver took off, filed under the group whose tier decided the price (`quote.decidedBy`).
 *   A use covered by a membership is filed under `(membership)`: its money is the membership's.
 */
export const pricingDomain: SimulationDomain = {
  id: "pricing",
  plan(world, day, rng) {
    if (day.index !== 0 && !day.date.endsWith("-01")) return [];
    const actions: SimulationAction[] = [];
    for (const resident of world.residents) {
      const taken = new Set<string>();
      for (const plan of membershipPlans(world)) {
        const resources = coveredResources(world, plan);
        if (resources.some((id) => taken.has(id))) continue;
        const keen = keenness(world, resident, resources);
        const unlimited = plan.uses === undefined || plan.uses === "unlimited";
        if (!rng.chance(unlimited ? Math.min(0.9, keen * 1.1) : keen * 0.2)) continue;
        for (const id of resources) taken.add(id);
        actions.push({
          at: day.at(rng.int(7 * 60, 10 * 60)),
          run: async () => {
            let bought: { price: number; decidedByGroup: string | null } | undefined;
            const code = await refusalCode(async () => {
              bought = await world.community.pricing.memberships.purchase({
                actor: world.desk,
                forResident: resident.id,
                planId: plan.id,
              });
            });
            if (code !== null || !bought) {
              world.tally.refused(null, [code ?? "UNKNOWN"], resident.summaryGroup);
              return;
            }
            const waived = Math.max(0, plan.price - bought.price);
            const decided = bought.decidedByGroup;
            world.tally.membershipSold(bought.price, waived);
            world.tally.priced(waived > 0 ? decided : null, bought.price, waived);
          },
        });
      }
    }
    return actions;
  },
  async endOfDay(world) {
    const confirmed = world.confirmedBookings.splice(0);
    for (const c of confirmed) {
      const stored = await world.community.pricing.quoteForBooking({
        actor: world.desk,
        bookingId: c.bookingId,
      });
      if (!stored) continue;
      const q = stored.quote;
      let waived = 0;
      for (const line of q.lines) {
        if (line.kind === "adjustment" && (line.group !== undefined || line.code === "STAFF_WAIVER"))
          waived -= line.amount.amount;
      }
      const group = q.membershipId !== null ? "(membership)" : (q.decidedBy?.group ?? null);
      world.tally.priced(group, q.charge.amount, waived);
    }
  },
};
