import * as z from "zod";
import { defineRuleKind } from "../rule-kind";

/** Parameters of `check-in`. */
export const checkInParams = z.object({
  /** Check-in opens this many minutes before the start. @default 15 */
  opensMinutesBefore: z
    .number()
    .int()
    .min(0)
    .default(15)
    .describe("Check-in opens this many minutes before the start."),
  /** Check-in closes this many minutes after the start. @default 15 */
  closesMinutesAfter: z
    .number()
    .int()
    .min(0)
    .default(15)
    .describe("Check-in closes this many minutes after the start."),
  /**
   * A booking not checked in when the window closes is released (its capacity freed for the
   * rest of the slot and counted as a no-show), recorded as a no-show, or kept. @default "release"
   */
  onMissed: z
    .enum(["release", "no-show", "keep"])
    .default("release")
    .describe(
      "A booking not checked in when the window closes is released (its capacity freed for the rest of the slot and counted as a no-show), recorded as a no-show, or kept.",
    ),
});

/** `check-in`: a check-in window around the start, with automatic release of missed bookings. */
export const checkInKind = defineRuleKind({
  kind: "check-in",
  description: {
    "zh-CN": "签到时间窗，未签到自动释放",
    en: "Check-in window with automatic release",
  },
  params: checkInParams,
  reads: { residentBookings: false, groups: false },
  evaluate: () => [],
  checkIn: (params, booking) => ({
    opensAt: new Date(booking.start.getTime() - params.opensMinutesBefore * 60_000),
    closesAt: new Date(
      Math.min(booking.start.getTime() + params.closesMinutesAfter * 60_000, booking.end.getTime()),
    ),
    onMissed: params.onMissed,
  }),
});
