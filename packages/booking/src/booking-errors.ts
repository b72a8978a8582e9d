import { type CodesOf, defineErrors } from "@linli/core";

/**
 * Error codes of `@linli/booking`. Thrown for invalid input and for operations that the
 * booking's state does not allow; refusals by booking rules are returned as violations
 * instead (see {@link BookingOutcome}).
 */
export const bookingErrors = defineErrors({
  UNKNOWN_RESOURCE: {
    "zh-CN": "资源 {resourceId} 未在社区配置中定义",
    en: "Resource {resourceId} is not defined in the community configuration",
  },
  UNKNOWN_RESOURCE_GROUP: {
    "zh-CN": "资源组 {groupId} 未在社区配置中定义",
    en: "Resource group {groupId} is not defined in the community configuration",
  },
  UNKNOWN_ZONE: {
    "zh-CN": "资源 {resourceId} 没有分区 {zoneId}",
    en: "Resource {resourceId} has no zone {zoneId}",
  },
  INVALID_INTERVAL: {
    "zh-CN": "结束时间必须晚于开始时间（{start} – {end}）",
    en: "The end must be after the start ({start} – {end})",
  },
  BOOKING_NOT_FOUND: {
    "zh-CN": "预约 {bookingId} 不存在",
    en: "Booking {bookingId} does not exist",
  },
  INVALID_TRANSITION: {
    "zh-CN": "预约 {bookingId} 当前状态为 {status}，不能{action}",
    en: "Booking {bookingId} is {status}; it cannot be {action}",
  },
  CANCELLATION_TOO_LATE: {
    "zh-CN": "已过取消截止时间 {deadline}，只有工作人员可以取消",
    en: "The cancellation deadline {deadline} has passed; only staff can cancel now",
  },
  CHECK_IN_CLOSED: {
    "zh-CN": "签到时间为 {opensAt} 至 {closesAt}，现在不能签到",
    en: "Check-in is open from {opensAt} to {closesAt}; it is not open now",
  },
  WAITLIST_ENTRY_NOT_FOUND: {
    "zh-CN": "候补记录 {entryId} 不存在",
    en: "Waitlist entry {entryId} does not exist",
  },
  OFFER_NOT_OPEN: {
    "zh-CN": "候补名额 {entryId} 当前状态为 {status}，不能接受",
    en: "Waitlist offer {entryId} is {status}; it cannot be accepted",
  },
  INVALID_RECURRENCE: {
    "zh-CN": "重复规则无效：{reason}",
    en: "Invalid recurrence rule: {reason}",
  },
  UNKNOWN_CHANNEL: {
    "zh-CN": "未配置的预约渠道 {channel}（可用：{channels}）",
    en: "Booking channel {channel} is not configured (configured: {channels})",
  },
  RECURRENCE_TOO_EXPENSIVE: {
    "zh-CN": "重复规则展开超出上限：{reason}",
    en: "The recurrence rule hit a limit while expanding: {reason}",
  },
  EMPTY_SERIES: {
    "zh-CN": "重复规则 {rrule} 自 {firstStart} 起没有任何一次预约（已除去例外日期），未创建系列",
    en: "The recurrence rule {rrule} from {firstStart} gives no occurrence (exceptions left out); no series was created",
  },
  CALENDAR_WINDOW_TOO_LONG: {
    "zh-CN": "日历时间范围最长 {maxDays} 天，请求了 {days} 天",
    en: "A calendar covers at most {maxDays} days; {days} were asked for",
  },
  CALENDAR_TOO_LARGE: {
    "zh-CN": "该时间范围内的预约超过 {max} 条，请缩小日历的时间范围",
    en: "More than {max} bookings fall in this range; ask for a shorter calendar window",
  },
});

/** A booking error code. */
export type BookingErrorCode = keyof typeof bookingErrors;

// Registers this catalog's codes, so that `isLinliError(error, code)` and `error.code` know them.
declare module "@linli/core" {
  interface LinliErrorCodes extends CodesOf<typeof bookingErrors> {}
}
