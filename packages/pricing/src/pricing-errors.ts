import { type CodesOf, defineErrors } from "@linli/core";

/**
 * Error codes of `@linli/pricing`. Codes are stable API: apps switch on them. Every message
 * is written in zh-CN and en so that a desk clerk can read it out to the resident.
 */
export const pricingErrors = defineErrors({
  UNKNOWN_RESOURCE: {
    "zh-CN": "资源 {resourceId} 未在社区配置中定义",
    en: "Resource {resourceId} is not defined in the community configuration",
  },
  USAGE_END_REQUIRED: {
    "zh-CN": "价格方案 {planId} 按时长计费，需要结束时间",
    en: "Price plan {planId} charges by time and needs an end instant",
  },
  USAGE_INVALID: {
    "zh-CN": "使用时段无效：结束时间 {end} 早于开始时间 {start}",
    en: "Invalid usage: end {end} is before start {start}",
  },
  USAGE_ALREADY_PRICED: {
    "zh-CN": "预约 {bookingId} 已有报价",
    en: "Booking {bookingId} already has a quote",
  },
  UNKNOWN_MEMBERSHIP_PLAN: {
    "zh-CN": "会员卡方案 {planId} 未在配置中定义",
    en: "Membership plan {planId} is not defined in the configuration",
  },
  MEMBERSHIP_OVERLAP: {
    "zh-CN": "该居民已有 {planId} 会员卡 {membershipId}，有效期至 {validUntil}，与新会员卡时间重叠",
    en: "The resident already holds {planId} membership {membershipId} valid until {validUntil}, which overlaps the new one",
  },
  MEMBERSHIP_START_IN_PAST: {
    "zh-CN": "会员卡不能从过去的时间 {startsAt} 开始（只有工作人员可以补登）",
    en: "A membership cannot start in the past ({startsAt}); only staff may back-date one",
  },
  MEMBERSHIP_NOT_ACTIVE: {
    "zh-CN": "会员卡 {membershipId} 已取消或已过期",
    en: "Membership {membershipId} is cancelled or expired",
  },
  UNKNOWN_VOUCHER: {
    "zh-CN": "优惠券 {voucherId} 不存在",
    en: "Voucher {voucherId} does not exist",
  },
  VOUCHER_NOT_APPLICABLE: {
    "zh-CN": "优惠券 {voucherId} 不可用：{reason}",
    en: "Voucher {voucherId} cannot be used: {reason}",
  },
  PAYMENT_REFERENCE_DUPLICATE: {
    "zh-CN": "付款凭证 {method} {reference} 已登记（记账条目 {entryId}）",
    en: "Payment reference {method} {reference} is already recorded (ledger entry {entryId})",
  },
  DEPOSIT_NOT_HELD: {
    "zh-CN": "押金不足：持有 {held}，申请退还 {requested}",
    en: "Not enough deposit held: {held} held, {requested} requested",
  },
  LEDGER_ENTRY_NOT_FOUND: {
    "zh-CN": "居民 {residentId} 的账目中没有条目 {entryId}",
    en: "Ledger entry {entryId} is not in the ledger of resident {residentId}",
  },
  WAIVER_EXCEEDS_BALANCE: {
    "zh-CN": "减免金额 {amount} 超过欠款 {balance}",
    en: "A waiver of {amount} exceeds the amount owed ({balance})",
  },
  MEMBERSHIP_REQUIRED: {
    "zh-CN": "资源 {resourceId} 仅限会员使用，请先办理会员卡（{plans}）",
    en: "Resource {resourceId} is for members only: a membership is needed first ({plans})",
  },
});

/** A pricing error code. */
export type PricingErrorCode = keyof typeof pricingErrors;

// Registers this catalog's codes, so that `isLinliError(error, code)` and `error.code` know them.
declare module "@linli/core" {
  interface LinliErrorCodes extends CodesOf<typeof pricingErrors> {}
}
