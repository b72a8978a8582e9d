import { type CodesOf, defineErrors } from "@linli/core";

/**
 * Error codes of `@linli/volunteers`: thrown for invalid input and for operations the
 * state does not allow, with nothing written. A batch match that finds no volunteer for a
 * request is not an error: the request is reported unmatched with its explanation.
 */
export const volunteersErrors = defineErrors({
  VOLUNTEER_NOT_FOUND: {
    "zh-CN": "志愿者 {volunteerId} 不存在",
    en: "Volunteer {volunteerId} does not exist",
  },
  VOLUNTEER_EXISTS: {
    "zh-CN": "志愿者 {volunteerId} 已登记",
    en: "Volunteer {volunteerId} is already registered",
  },
  NOT_A_VOLUNTEER: {
    "zh-CN": "当前操作者 {actorId} 不是登记的志愿者",
    en: "The actor {actorId} is not a registered volunteer",
  },
  VOLUNTEER_NOT_ACTIVE: {
    "zh-CN": "志愿者 {volunteerId} 已暂停服务",
    en: "Volunteer {volunteerId} is paused",
  },
  UNKNOWN_HELP_KIND: {
    "zh-CN": "未配置的求助类别 {kind}",
    en: "The kind of help {kind} is not configured",
  },
  UNKNOWN_PLACE: {
    "zh-CN": "地点 {placeId} 未在社区配置中定义",
    en: "Place {placeId} is not defined in the community configuration",
  },
  UNKNOWN_TEAM: {
    "zh-CN": "未配置的值班队伍 {team}",
    en: "The duty team {team} is not configured",
  },
  UNKNOWN_AGE_BAND: {
    "zh-CN": "未配置的年龄段 {band}",
    en: "The age band {band} is not configured",
  },
  INVALID_WINDOW: {
    "zh-CN": "结束时间必须晚于开始时间（{start} – {end}）",
    en: "The end must be after the start ({start} – {end})",
  },
  DURATION_EXCEEDS_WINDOW: {
    "zh-CN": "服务时长 {durationMinutes} 分钟超出了时间段",
    en: "The duration of {durationMinutes} minutes does not fit in the window",
  },
  WINDOW_TOO_LONG: {
    "zh-CN": "时间段不能超过 {maxDays} 天",
    en: "A window may not be longer than {maxDays} days",
  },
  REQUEST_NOT_FOUND: {
    "zh-CN": "求助 {requestId} 不存在",
    en: "Help request {requestId} does not exist",
  },
  INVALID_TRANSITION: {
    "zh-CN": "求助 {requestId} 当前状态为 {status}，不能{action}",
    en: "Help request {requestId} is {status}; it cannot be {action}",
  },
  NOT_ASSIGNED: {
    "zh-CN": "求助 {requestId} 未分配给志愿者 {volunteerId}",
    en: "Help request {requestId} is not assigned to volunteer {volunteerId}",
  },
  DISCLOSURE_CLOSED: {
    "zh-CN": "联系方式仅在 {from} 至 {until} 期间对接单志愿者可见",
    en: "Contact details are visible to the assigned volunteer only from {from} to {until}",
  },
  PAIR_NOT_FOUND: {
    "zh-CN": "结对 {pairId} 不存在",
    en: "Pair {pairId} does not exist",
  },
  PAIR_INVALID_TRANSITION: {
    "zh-CN": "结对 {pairId} 当前状态为 {status}，不能{action}",
    en: "Pair {pairId} is {status}; it cannot be {action}",
  },
  PAIR_EXISTS: {
    "zh-CN": "志愿者 {volunteerId} 与居民 {residentId} 已有进行中的结对",
    en: "Volunteer {volunteerId} is already paired with resident {residentId}",
  },
  PAIR_CAP_REACHED: {
    "zh-CN": "志愿者 {volunteerId} 已结对 {count} 位居民，达到上限 {max}",
    en: "Volunteer {volunteerId} already accompanies {count} residents, the maximum of {max}",
  },
  AGE_RULE_VIOLATED: {
    "zh-CN": "年龄段规则不允许 {volunteerBand} 年龄段的志愿者帮助 {requesterBand} 年龄段的居民",
    en: "The age-band rule does not let a volunteer aged {volunteerBand} help a resident aged {requesterBand}",
  },
  SELF_PAIR: {
    "zh-CN": "志愿者不能与自己结对或为自己服务",
    en: "A volunteer cannot be paired with or help themself",
  },
  SHIFT_NOT_FOUND: {
    "zh-CN": "班次 {shiftId} 不存在",
    en: "Shift {shiftId} does not exist",
  },
  ASSIGNMENT_NOT_FOUND: {
    "zh-CN": "志愿者 {volunteerId} 未被排入班次 {shiftId}",
    en: "Volunteer {volunteerId} is not on shift {shiftId}",
  },
  ALREADY_ON_SHIFT: {
    "zh-CN": "志愿者 {volunteerId} 已在班次 {shiftId} 中",
    en: "Volunteer {volunteerId} is already on shift {shiftId}",
  },
  NOT_IN_TEAM: {
    "zh-CN": "志愿者 {volunteerId} 不属于队伍 {team}",
    en: "Volunteer {volunteerId} is not in team {team}",
  },
  ROSTER_CHANGE_REFUSED: {
    "zh-CN": "无法调整排班（{reason}，志愿者 {volunteerId}）",
    en: "The roster change was refused ({reason}, volunteer {volunteerId})",
  },
  TOO_MANY_SHIFTS: {
    "zh-CN": "一次最多排 {max} 个班次",
    en: "At most {max} shifts at once",
  },
});

/** A volunteers error code. */
export type VolunteersErrorCode = keyof typeof volunteersErrors;

// Registers this catalog's codes, so that `isLinliError(error, code)` and `error.code` know them.
declare module "@linli/core" {
  interface LinliErrorCodes extends CodesOf<typeof volunteersErrors> {}
}
