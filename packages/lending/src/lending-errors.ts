import { type CodesOf, defineErrors } from "@linli/core";

/**
 * Error codes of `@linli/lending`. Thrown for invalid input and for operations the state of an
 * item, loan or hold does not allow (nothing is written); refusals by loan policies (limits,
 * training, an overdue loan) are returned as a `Decision` instead.
 */
export const lendingErrors = defineErrors({
  UNKNOWN_ITEM_TYPE: {
    "zh-CN": "物品种类 {itemTypeId} 不在目录中",
    en: "Item type {itemTypeId} is not in the catalog",
  },
  UNKNOWN_ITEM: { "zh-CN": "物品 {itemId} 不存在", en: "Item {itemId} does not exist" },
  UNKNOWN_CATEGORY: {
    "zh-CN": "类别 {category} 未在工具房配置中定义",
    en: "Category {category} is not defined in the tool room's configuration",
  },
  UNKNOWN_GROUP: {
    "zh-CN": "资格类别 {groupId} 未在社区配置中定义",
    en: "Eligibility group {groupId} is not defined in the community configuration",
  },
  DUPLICATE_ITEM_TYPE: {
    "zh-CN": "物品种类 {itemTypeId} 已存在",
    en: "Item type {itemTypeId} already exists",
  },
  DUPLICATE_CODE: { "zh-CN": "物品编号 {code} 已被使用", en: "Item code {code} is already used" },
  ITEM_RETIRED: {
    "zh-CN": "物品 {code} 已报废，不能借出",
    en: "Item {code} is retired and cannot be lent",
  },
  ITEM_NOT_AVAILABLE: {
    "zh-CN": "物品 {code} 当前状态为{status}，不能借出",
    en: "Item {code} is {status}; it cannot be lent now",
  },
  NO_UNIT_AVAILABLE: {
    "zh-CN": "{itemTypeId} 目前没有可借的件",
    en: "No unit of {itemTypeId} can be lent now",
  },
  NOT_ON_LOAN: {
    "zh-CN": "物品 {code} 没有借出，不能归还",
    en: "Item {code} is not on loan; it cannot be returned",
  },
  LOAN_NOT_FOUND: { "zh-CN": "借用记录 {loanId} 不存在", en: "Loan {loanId} does not exist" },
  LOAN_CLOSED: {
    "zh-CN": "借用记录 {loanId} 已归还",
    en: "Loan {loanId} was already returned",
  },
  HOLD_NOT_FOUND: { "zh-CN": "预留 {holdId} 不存在", en: "Hold {holdId} does not exist" },
  HOLD_NOT_WAITING: {
    "zh-CN": "预留 {holdId} 当前状态为 {status}，不能{action}",
    en: "Hold {holdId} is {status}; it cannot be {action}",
  },
  ON_HOLD_FOR_ANOTHER: {
    "zh-CN": "物品 {code} 已为其他居民预留在取物架上",
    en: "Item {code} is on the hold shelf for another resident",
  },
  RESERVATION_NOT_FOUND: {
    "zh-CN": "预订 {reservationId} 不存在或已结束",
    en: "Reservation {reservationId} does not exist or has ended",
  },
  UNIT_RESERVED: {
    "zh-CN": "{itemTypeId} 在 {from} 至 {to} 没有可预订的件",
    en: "No unit of {itemTypeId} is free from {from} to {to}",
  },
  INVALID_RANGE: {
    "zh-CN": "日期范围无效：{reason}",
    en: "Invalid date range: {reasonEn}",
  },
  TICKET_NOT_FOUND: { "zh-CN": "维修单 {ticketId} 不存在", en: "Repair ticket {ticketId} does not exist" },
  INVALID_TICKET_TRANSITION: {
    "zh-CN": "维修单 {ticketId} 当前为 {status}，不能改为 {to}",
    en: "Repair ticket {ticketId} is {status}; it cannot become {to}",
  },
  DONATION_NOT_FOUND: {
    "zh-CN": "捐赠 {donationId} 不存在",
    en: "Donation {donationId} does not exist",
  },
  DONATION_ALREADY_REVIEWED: {
    "zh-CN": "捐赠 {donationId} 已处理（{status}）",
    en: "Donation {donationId} was already reviewed ({status})",
  },
  AGREEMENT_VERSION_MISMATCH: {
    "zh-CN": "借用协议的当前版本是 {current}，不是 {version}",
    en: "The current borrower agreement is version {current}, not {version}",
  },
  NO_AGREEMENT: {
    "zh-CN": "工具房未配置借用协议",
    en: "The tool room has no borrower agreement configured",
  },
  NO_OPENING: {
    "zh-CN": "{from} 之后一年内工具房都不开放，无法确定归还日期",
    en: "The tool room does not open within a year after {from}; no due date can be set",
  },
  NOTHING_TO_PICK_UP: {
    "zh-CN": "居民 {residentId} 没有可在此时段取走的物品（预留架上的物品或预约）",
    en: "Resident {residentId} has nothing to pick up in this slot (no item on the hold shelf, no reservation)",
  },
  ERASURE_WITH_OPEN_LOANS: {
    "zh-CN": "该居民还有 {count} 件物品未归还：请先办理归还，再删除其个人信息",
    en: "The resident still has {count} item(s) on loan: check them in before erasing their personal data",
  },
});

/** A lending error code. */
export type LendingErrorCode = keyof typeof lendingErrors;

// Registers this catalog's codes, so that `isLinliError(error, code)` and `error.code` know them.
declare module "@linli/core" {
  interface LinliErrorCodes extends CodesOf<typeof lendingErrors> {}
}
