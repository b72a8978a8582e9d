import { type PresetPart, text } from "../preset-part";

/** The standard yearly membership, in pence (£40). */
export const YEARLY_MEMBERSHIP = 4000;

/**
 * The sliding-scale yearly membership: £40 standard, £20 for students and people over 65,
 * £5 on Universal Credit, free for volunteers; supporters may pay £60 to fund the others.
 * It covers borrowing everyday kit. A concession prices it only when it holds over the whole
 * year bought (pricing reads eligibility over the covered period): the counter verifies the
 * benefits letter or student card when the member joins or renews, and the grant lasts a year.
 */
export const membership: PresetPart = {
  memberships: [
    {
      id: "yearly",
      name: text("年度会员", "Yearly membership"),
      price: YEARLY_MEMBERSHIP,
      period: { kind: "days", days: 365 },
      covers: { resourceGroups: ["everyday-kit"] },
      tiers: [
        { group: "student", price: { kind: "percentage", discountBasisPoints: 5000 } },
        { group: "over-65", price: { kind: "percentage", discountBasisPoints: 5000 } },
        { group: "universal-credit", price: { kind: "fixed", amount: 500 } },
        { group: "volunteer", price: { kind: "free" } },
      ],
      refund: { policy: "pro-rata-days", rounding: "floor" },
    },
    {
      id: "yearly-supporter",
      name: text("年度支持者会员", "Yearly supporter membership"),
      price: 6000,
      period: { kind: "days", days: 365 },
      covers: { resourceGroups: ["everyday-kit"] },
      refund: { policy: "none" },
    },
  ],
};
