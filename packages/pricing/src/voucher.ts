import { divideRounded, type LocalizedText, type RoundingMode } from "@linli/core";
import type { Voucher } from "./pricing-config";
import type { VoucherRefusal, VoucherUse } from "./quote-types";

function refusal(code: string, voucherId: string, message: LocalizedText): VoucherRefusal {
  return { code, voucherId, message };
}

/**
 * Why a voucher cannot be used for a plan at an instant, or null when it can: validity
 * (`validFrom` inclusive, `validUntil` exclusive), the plans it names, and its limit per
 * resident.
 */
export function voucherRefusal(use: VoucherUse, planId: string | null, at: Date): VoucherRefusal | null {
  const v = use.voucher;
  const t = at.getTime();
  if (v.validFrom && t < v.validFrom.getTime()) {
    return refusal("VOUCHER_NOT_YET_VALID", v.id, {
      "zh-CN": `优惠券自 ${v.validFrom.toISOString()} 起可用`,
      en: `The voucher is valid from ${v.validFrom.toISOString()}`,
    });
  }
  if (v.validUntil && t >= v.validUntil.getTime()) {
    return refusal("VOUCHER_EXPIRED", v.id, {
      "zh-CN": `优惠券已于 ${v.validUntil.toISOString()} 过期`,
      en: `The voucher expired at ${v.validUntil.toISOString()}`,
    });
  }
  if (v.plans && (planId === null || !v.plans.includes(planId))) {
    return refusal("VOUCHER_NOT_FOR_PLAN", v.id, {
      "zh-CN": "优惠券不适用于此项目",
      en: "The voucher does not apply to this price plan",
    });
  }
  if (v.limitPerResident !== undefined && use.usedBefore >= v.limitPerResident) {
    return refusal("VOUCHER_LIMIT_REACHED", v.id, {
      "zh-CN": `每位居民限用 ${v.limitPerResident} 次，已用 ${use.usedBefore} 次`,
      en: `Limited to ${v.limitPerResident} use(s) per resident; used ${use.usedBefore}`,
    });
  }
  return null;
}

/** What a voucher takes off `subtotal`: never more than the subtotal. */
export function voucherDiscount(voucher: Voucher, subtotal: number, rounding: RoundingMode): number {
  const value = voucher.value;
  const off =
    value.kind === "fixed"
      ? value.amount
      : Number(divideRounded(BigInt(subtotal) * BigInt(value.basisPoints), 10_000n, rounding));
  return Math.min(off, subtotal);
}
