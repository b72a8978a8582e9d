import { type CommandContext, LinliError, type RowOf, type Tx } from "@linli/core";
import { bestTier } from "./eligibility-tier";
import { groupsOverPeriod } from "./membership-eligibility";
import { pricingEvents } from "./events";
import { appendEntry } from "./ledger-book";
import { effectiveEnd, membershipValidity, overlaps, toCoverage } from "./membership-period";
import { amountTexts } from "./money-text";
import type { PriceBook } from "./price-book";
import { pricingErrors } from "./pricing-errors";
import { membershipModel, usageModel } from "./pricing-models";
import { proratedRefund } from "./proration";
import type { MembershipCoverage } from "./quote-types";

/** A stored membership. */
export type Membership = RowOf<typeof membershipModel>;

/** A resident's memberships, oldest first. */
export function membershipsOf(tx: Tx, residentId: string): Promise<Membership[]> {
  return tx.findMany(membershipModel, {
    where: [{ field: "residentId", value: residentId }],
    orderBy: [{ field: "validFrom" }],
  });
}

/** The fields of a membership a coverage is built from (not its price, purchase or refund). */
const COVERAGE_FIELDS = ["id", "planId", "validFrom", "validUntil", "cancelledAt", "usesAllowed"] as const;

/**
 * A resident's memberships as quotes see them, with the uses each has left (not counting
 * `excludeUsageId`). With `validAt`, only those bought to be valid at that instant (what a
 * quote of a use starting then can be covered by): a year of past passes and cards is
 * neither read nor counted.
 */
export async function coveragesOf(
  tx: Tx,
  book: PriceBook,
  residentId: string,
  excludeUsageId?: string,
  validAt?: Date,
): Promise<MembershipCoverage[]> {
  const out: MembershipCoverage[] = [];
  const held = await tx.findMany(membershipModel, {
    where: [
      { field: "residentId", value: residentId },
      ...(validAt
        ? ([
            { field: "validFrom", op: "lte", value: validAt },
            { field: "validUntil", op: "gt", value: validAt },
          ] as const)
        : []),
    ],
    orderBy: [{ field: "validFrom" }],
    select: COVERAGE_FIELDS,
  });
  for (const m of held) {
    const plan = book.membershipPlan(m.planId);
    if (!plan) continue; // a plan removed from the config covers nothing any more
    const used =
      m.usesAllowed === null
        ? 0
        : await tx.count(usageModel, [
            { field: "membershipId", value: m.id },
            { field: "reversedAt", value: null },
            ...(excludeUsageId ? [{ field: "id", op: "ne", value: excludeUsageId } as const] : []),
          ]);
    out.push(toCoverage(m, plan, book.membershipResources(m.planId), used, book.timeZone));
  }
  return out;
}

/**
 * Buys a membership for `residentId` starting at `startsAt`: refuses one that overlaps a
 * held membership covering any of the same resources (`MEMBERSHIP_OVERLAP`), prices it with
 * the best tier of the groups the resident is in over the period it covers
 * ({@link groupsOverPeriod}), stores it and charges it to the ledger.
 */
export async function purchaseMembership(
  cx: CommandContext,
  book: PriceBook,
  options: { residentId: string; planId: string; startsAt: Date; renews?: string | null },
): Promise<Membership> {
  const plan = book.membershipPlan(options.planId);
  if (!plan) throw LinliError.from(pricingErrors, "UNKNOWN_MEMBERSHIP_PLAN", { planId: options.planId });
  const validity = membershipValidity(plan, options.startsAt, book.timeZone);
  const covered = new Set(book.membershipResources(plan.id));
  await cx.tx.lock(`pricing:memberships:${options.residentId}`);
  for (const held of await membershipsOf(cx.tx, options.residentId)) {
    const sameResources = book.membershipResources(held.planId).some((r) => covered.has(r));
    const heldValidity = { validFrom: held.validFrom, validUntil: effectiveEnd(held) };
    if (sameResources && overlaps(heldValidity, validity)) {
      throw LinliError.from(pricingErrors, "MEMBERSHIP_OVERLAP", {
        planId: held.planId,
        membershipId: held.id,
        validUntil: heldValidity.validUntil.toISOString(),
      });
    }
  }
  const groups = await groupsOverPeriod(cx, options.residentId, validity, cx.now);
  const tier = bestTier(plan.tiers, groups, plan.price, 1, book.context.rounding);
  const price = tier?.amount ?? plan.price;
  const membership = await cx.tx.create(membershipModel, {
    residentId: options.residentId,
    planId: plan.id,
    validFrom: validity.validFrom,
    validUntil: validity.validUntil,
    usesAllowed: plan.uses === "unlimited" ? null : plan.uses,
    price,
    currency: book.context.currency,
    decidedByGroup: tier?.group ?? null,
    renews: options.renews ?? null,
    purchasedAt: cx.now,
  });
  const p = amountTexts(price, book.context.currency);
  const concession = tier
    ? { "zh-CN": "（资格优惠价）", en: " (concession price)" }
    : { "zh-CN": "", en: "" };
  await appendEntry(cx, {
    residentId: options.residentId,
    kind: "charge",
    amount: price,
    code: tier ? `MEMBERSHIP_PURCHASE_TIER_${tier.tier.price.kind.toUpperCase()}` : "MEMBERSHIP_PURCHASE",
    text: {
      "zh-CN": `购买${plan.name["zh-CN"]}：${p["zh-CN"]}${concession["zh-CN"]}`,
      en: `${plan.name.en} bought: ${p.en}${concession.en}`,
    },
    membershipId: membership.id,
  });
  await cx.emit(pricingEvents.MembershipPurchased, {
    membershipId: membership.id,
    residentId: membership.residentId,
    planId: membership.planId,
    validFrom: membership.validFrom.toISOString(),
    validUntil: membership.validUntil.toISOString(),
  });
  return membership;
}

/**
 * Cancels a membership now. Under `pro-rata-days` the unused local days are refunded to the
 * ledger (a started day counts as used), rounded by the plan's rule; under `none` nothing is.
 */
export async function cancelMembership(
  cx: CommandContext,
  book: PriceBook,
  membership: Membership,
): Promise<Membership> {
  if (membership.cancelledAt !== null || membership.validUntil.getTime() <= cx.now.getTime()) {
    throw LinliError.from(pricingErrors, "MEMBERSHIP_NOT_ACTIVE", { membershipId: membership.id });
  }
  const plan = book.membershipPlan(membership.planId);
  if (!plan) throw LinliError.from(pricingErrors, "UNKNOWN_MEMBERSHIP_PLAN", { planId: membership.planId });
  let refunded = 0;
  if (plan.refund.policy === "pro-rata-days") {
    // A membership cancelled before it starts is refunded in full: no day of it was used.
    const at = cx.now.getTime() < membership.validFrom.getTime() ? membership.validFrom : cx.now;
    const r = proratedRefund({
      price: membership.price,
      validFrom: membership.validFrom,
      validUntil: membership.validUntil,
      at,
      timeZone: book.timeZone,
      rounding: plan.refund.rounding,
    });
    refunded = r.amount;
    if (refunded > 0) {
      const a = amountTexts(refunded, book.context.currency);
      await appendEntry(cx, {
        residentId: membership.residentId,
        kind: "refund",
        amount: -refunded,
        code: "MEMBERSHIP_PRORATA_REFUND",
        text: {
          "zh-CN": `${plan.name["zh-CN"]}退订：按未使用 ${r.remainingDays}/${r.periodDays} 天退还 ${a["zh-CN"]}`,
          en: `${plan.name.en} cancelled: ${r.remainingDays}/${r.periodDays} unused days refunded, ${a.en}`,
        },
        membershipId: membership.id,
      });
    }
  }
  const updated = await cx.tx.updateById(membershipModel, membership.id, { cancelledAt: cx.now, refunded });
  await cx.emit(pricingEvents.MembershipCancelled, {
    membershipId: membership.id,
    residentId: membership.residentId,
    refunded,
  });
  return updated;
}
