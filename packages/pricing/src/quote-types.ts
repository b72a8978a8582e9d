import type { LocalizedText, Money, RoundingMode } from "@linli/core";
import type { PriceComponent, PriceUsage } from "./price-component";
import type { PricePlan, Voucher } from "./pricing-config";

/** What an eligibility group means to a quote: its name and whether it is sensitive. */
export interface GroupInfo {
  /** The group's display name. */
  readonly name: LocalizedText;
  /** Sensitive groups are never named on a resident's public receipt. */
  readonly sensitive: boolean;
}

/** The community facts every quote needs, built once from the configuration. */
export interface QuoteContext {
  /** ISO 4217 currency of every amount. */
  readonly currency: string;
  /** Rounding of percentages (tiers, vouchers). */
  readonly rounding: RoundingMode;
  /** Eligibility groups by id. */
  readonly groups: ReadonlyMap<string, GroupInfo>;
  /** Price components by kind (built-ins and contributed ones). */
  readonly components: ReadonlyMap<string, PriceComponent>;
}

/**
 * A membership as a quote sees it: its validity, the uses it has left and the resources it
 * covers. The service layer builds these from stored memberships and their plans.
 */
export interface MembershipCoverage {
  /** The membership's id. */
  readonly id: string;
  /** The membership plan's id. */
  readonly planId: string;
  /** The plan's display name. */
  readonly name: LocalizedText;
  /** Start of validity (inclusive). */
  readonly validFrom: Date;
  /** End of validity (exclusive); a cancellation moves it earlier. */
  readonly validUntil: Date;
  /** The last local day covered, `YYYY-MM-DD`, for the line text. */
  readonly lastDay: string;
  /** Covered uses left; null for unlimited. */
  readonly usesRemaining: number | null;
  /** Resource ids it covers (resource groups expanded). */
  readonly resources: readonly string[];
}

/** A voucher presented with a usage, and how often this resident has used it before. */
export interface VoucherUse {
  /** The voucher's configuration. */
  readonly voucher: Voucher;
  /** Earlier uses by the same resident (not counting reversed ones). */
  readonly usedBefore: number;
}

/** A staff waiver of a usage's price, with its required reason. */
export interface Waiver {
  /** Why: required, kept on the line and in the ledger. */
  readonly reason: string;
  /** The staff member who waived. */
  readonly by: string;
}

/** Everything the pure {@link quote} function prices. */
export interface QuoteInput {
  /** The resource used. */
  readonly resourceId: string;
  /** The plan that prices it, or null when none is configured (the use is free, with that reason). */
  readonly plan: PricePlan | null;
  /** The resident's eligibility groups at the instant of use. */
  readonly groups: readonly string[];
  /** The use. */
  readonly usage: PriceUsage;
  /** The resident's memberships (any state; the quote checks validity at the instant of use). */
  readonly memberships: readonly MembershipCoverage[];
  /** What the resident was already charged under this plan in the cap period. @default 0 */
  readonly chargedThisPeriod?: number;
  /** A voucher presented. */
  readonly voucher?: VoucherUse;
  /** A staff waiver. */
  readonly waiver?: Waiver;
  /** Community facts. */
  readonly context: QuoteContext;
}

/** Kinds of quote line: the price, an adjustment of it, or a refundable deposit. */
export type QuoteLineKind = "charge" | "adjustment" | "deposit";

/** One line of a quote: amount, stable reason code, and text for staff and for the public receipt. */
export interface QuoteLine {
  /** What the line is. */
  readonly kind: QuoteLineKind;
  /** Stable UPPER_SNAKE reason code (`PER_USE`, `TIER_FREE`, `MEMBERSHIP_COVERED`, `MONTHLY_CAP`…). */
  readonly code: string;
  /** Integer minor units; adjustments are negative or zero. */
  readonly amount: Money;
  /** The explanation staff see (names the deciding group). */
  readonly text: LocalizedText;
  /** The explanation on the resident's public receipt (never names a sensitive group). */
  readonly publicText: LocalizedText;
  /** The eligibility group that decided this line, if any. Staff only. */
  readonly group?: string;
}

/** Why a presented voucher was not applied. */
export interface VoucherRefusal {
  /** `VOUCHER_NOT_YET_VALID`, `VOUCHER_EXPIRED`, `VOUCHER_LIMIT_REACHED` or `VOUCHER_NOT_FOR_PLAN`. */
  readonly code: string;
  /** The voucher id. */
  readonly voucherId: string;
  /** The explanation. */
  readonly message: LocalizedText;
}

/** A priced usage: every line explained, the total equal to their sum and never negative. */
export interface Quote {
  /** The resource used. */
  readonly resourceId: string;
  /** The plan that priced it; null when none is configured. */
  readonly planId: string | null;
  /** The instant of use, ISO-8601. */
  readonly at: string;
  /** The lines, in the order they were applied. */
  readonly lines: readonly QuoteLine[];
  /** The sum of the lines. */
  readonly total: Money;
  /** The part of the total that is a refundable deposit. */
  readonly deposit: Money;
  /** The part of the total that is a charge (`total − deposit`). */
  readonly charge: Money;
  /** The group whose tier decided the price (staff only), and whether it is sensitive. */
  readonly decidedBy: {
    /** The group id. */
    readonly group: string;
    /** Whether it is sensitive (never shown to the resident). */
    readonly sensitive: boolean;
  } | null;
  /** The membership that covered the use, if any. */
  readonly membershipId: string | null;
  /** The voucher applied, if any. */
  readonly voucherId: string | null;
  /** Why a presented voucher was not applied. */
  readonly voucherRefusal: VoucherRefusal | null;
}
