import { coreErrors, LinliError, type LocalizedText, type Money, validate } from "@linli/core";
import { bestTier } from "./eligibility-tier";
import { amountTexts } from "./money-text";
import { type ComponentContext, priceUsageSchema } from "./price-component";
import { coveringMembership } from "./membership-period";
import type { Quote, QuoteInput, QuoteLine, QuoteLineKind } from "./quote-types";
import { voucherDiscount, voucherRefusal } from "./voucher";

const CONCESSION: LocalizedText = { "zh-CN": "资格优惠", en: "Eligibility concession" };

const NO_PRICE_PLAN: LocalizedText = Object.freeze({
  "zh-CN": "未设价格：免费",
  en: "No price configured: free",
});

/** True for a usage the usage schema accepts as it is (checked by hand, without zod). */
function plainUsage(usage: unknown): boolean {
  if (typeof usage !== "object" || usage === null) return false;
  const { start, end, quantity } = usage as { start?: unknown; end?: unknown; quantity?: unknown };
  if (!(start instanceof Date) || Number.isNaN(start.getTime())) return false;
  if (end !== null && !(end instanceof Date && end.getTime() >= start.getTime())) return false;
  return Number.isInteger(quantity) && (quantity as number) > 0 && (quantity as number) <= 1_000_000;
}

/** A line whose public text is its text. */
function line(
  kind: QuoteLineKind,
  code: string,
  amount: number,
  currency: string,
  text: LocalizedText,
): QuoteLine {
  return { kind, code, amount: moneyOf(amount, currency), text, publicText: text };
}

function moneyOf(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw LinliError.from(coreErrors, "INVALID_AMOUNT", { amount });
  return { amount: amount === 0 ? 0 : amount, currency };
}

/**
 * Prices one usage. Pure: the same input always gives the same quote, and nothing is read
 * or written. The steps, each a line with its reason:
 *
 * 1. a valid membership covering the resource: one zero line `MEMBERSHIP_COVERED` (also for
 *    a resource with no price plan, such as a gym open to members only);
 * 2. no plan configured: one zero line `NO_PRICE_PLAN`;
 * 3. otherwise the plan's charge component prices the base lines, then
 *    the best eligibility tier among the resident's groups (`TIER_*`, group recorded),
 *    the monthly cap (`MONTHLY_CAP`), a voucher (`VOUCHER`) and a staff waiver
 *    (`STAFF_WAIVER`), each an adjustment that never takes the running total below zero;
 * 4. a refundable deposit (`DEPOSIT`), if the plan has one.
 *
 * The total equals the sum of the lines and is never negative; every amount is an integer
 * number of minor units. Throws a `LinliError` only for a usage the plan cannot price.
 */
export function quote(input: QuoteInput): Quote {
  const { plan, usage, context } = input;
  const currency = context.currency;
  const lines: QuoteLine[] = [];
  let decidedBy: Quote["decidedBy"] = null;
  let membershipId: string | null = null;
  let voucherId: string | null = null;
  let refusal: Quote["voucherRefusal"] = null;
  let subtotal = 0;

  // No closure is created per call (each costs an allocation, and a `name` definition under
  // bundlers that keep names): lines are added by `line` below.

  // A plain usage passes a hand-written check of exactly what the schema accepts; anything
  // else is validated by the schema itself (messages in both locales).
  const checked = plainUsage(usage) ? null : validate(priceUsageSchema, usage);
  if (checked && !checked.ok) {
    const summary = checked.problems.map((p) => `usage.${p.path}: ${p.message.en}`).join("; ");
    throw LinliError.from(
      coreErrors,
      "VALIDATION_FAILED",
      { summary },
      { details: { problems: checked.problems } },
    );
  }
  const membership = coveringMembership(input.memberships, input.resourceId, usage.start);

  if (membership !== null) {
    membershipId = membership.id;
    lines.push(
      line("charge", "MEMBERSHIP_COVERED", 0, currency, {
        "zh-CN": `${membership.name["zh-CN"]}覆盖（有效至 ${membership.lastDay}）`,
        en: `Covered by ${membership.name.en} (valid through ${membership.lastDay})`,
      }),
    );
  } else if (plan === null) {
    lines.push(line("charge", "NO_PRICE_PLAN", 0, currency, NO_PRICE_PLAN));
  } else {
    const component = context.components.get(plan.charge.kind as string);
    if (!component) throw new TypeError(`no price component of kind ${String(plan.charge.kind)}`);
    const cx: ComponentContext = { planId: plan.id, currency, rounding: context.rounding };
    for (const base of component.evaluate(plan.charge, usage, cx)) {
      if (!Number.isSafeInteger(base.amount) || base.amount < 0) {
        throw LinliError.from(coreErrors, "INVALID_AMOUNT", { amount: base.amount });
      }
      subtotal += base.amount;
      lines.push(line("charge", base.code, base.amount, currency, base.text));
    }

    const tier = bestTier(plan.tiers, input.groups, subtotal, usage.quantity, context.rounding);
    if (tier !== null) {
      const info = context.groups.get(tier.group);
      const sensitive = info?.sensitive ?? true;
      const name = info?.name ?? { "zh-CN": tier.group, en: tier.group };
      decidedBy = { group: tier.group, sensitive };
      const code = `TIER_${tier.tier.price.kind.toUpperCase()}`;
      const delta = tier.amount - subtotal;
      const deltaText = amountTexts(delta, currency);
      const text = {
        "zh-CN": `${name["zh-CN"]}优惠：${deltaText["zh-CN"]}`,
        en: `${name.en} concession: ${deltaText.en}`,
      };
      const publicText = sensitive
        ? {
            "zh-CN": `${CONCESSION["zh-CN"]}：${deltaText["zh-CN"]}`,
            en: `${CONCESSION.en}: ${deltaText.en}`,
          }
        : text;
      subtotal += delta;
      lines.push({
        kind: "adjustment",
        code,
        amount: moneyOf(delta, currency),
        text,
        publicText,
        group: tier.group,
      });
    }

    if (plan.cap) {
      const allowed = Math.max(0, plan.cap.amount - (input.chargedThisPeriod ?? 0));
      if (subtotal > allowed) {
        const cap = amountTexts(plan.cap.amount, currency);
        const delta = allowed - subtotal;
        const d = amountTexts(delta, currency);
        subtotal += delta;
        lines.push(
          line("adjustment", "MONTHLY_CAP", delta, currency, {
            "zh-CN": `每月封顶 ${cap["zh-CN"]}：${d["zh-CN"]}`,
            en: `Monthly cap of ${cap.en}: ${d.en}`,
          }),
        );
      }
    }

    if (input.voucher) {
      refusal = voucherRefusal(input.voucher, plan.id, usage.start);
      if (refusal === null && subtotal > 0) {
        const v = input.voucher.voucher;
        voucherId = v.id;
        const delta = -voucherDiscount(v, subtotal, context.rounding);
        const d = amountTexts(delta, currency);
        subtotal += delta;
        lines.push(
          line("adjustment", "VOUCHER", delta, currency, {
            "zh-CN": `优惠券「${v.name["zh-CN"]}」：${d["zh-CN"]}`,
            en: `Voucher "${v.name.en}": ${d.en}`,
          }),
        );
      }
    }

    if (input.waiver && subtotal > 0) {
      const reason = input.waiver.reason;
      const delta = -subtotal;
      const d = amountTexts(delta, currency);
      subtotal += delta;
      lines.push(
        line("adjustment", "STAFF_WAIVER", delta, currency, {
          "zh-CN": `工作人员减免：${d["zh-CN"]}（原因：${reason}）`,
          en: `Waived by staff: ${d.en} (reason: ${reason})`,
        }),
      );
    }
  }

  const charge = subtotal;
  if (plan?.deposit) {
    const d = amountTexts(plan.deposit.amount, currency);
    subtotal += plan.deposit.amount;
    lines.push(
      line("deposit", "DEPOSIT", plan.deposit.amount, currency, {
        "zh-CN": `押金（可退）：${d["zh-CN"]}`,
        en: `Refundable deposit: ${d.en}`,
      }),
    );
  }
  return {
    resourceId: input.resourceId,
    planId: plan?.id ?? null,
    at: usage.start.toISOString(),
    lines,
    total: moneyOf(subtotal, currency),
    deposit: moneyOf(subtotal - charge, currency),
    charge: moneyOf(charge, currency),
    decidedBy,
    membershipId,
    voucherId,
    voucherRefusal: refusal,
  };
}
