// 3. Sharing circle: the 24-hour smart gym. 25 yuan a month, unlimited visits; anti-tailgating
// entry, central monitoring and alarm; four zones.
import { type PresetPart, text } from "../preset-part";

/** 25 yuan a calendar month, in fen. */
export const GYM_MONTHLY_PRICE = 2500;

/** The gym: open around the clock, members only, four zones. */
export const gym: PresetPart = {
  places: [{ id: "gym-site", kind: "facility", name: text("24小时智慧健身房", "24-hour smart gym") }],
  resources: [
    {
      id: "gym",
      kind: "space",
      name: text("24小时智慧健身房", "24-hour smart gym"),
      place: "gym-site",
      // People in the gym at once (an assumption: the source gives no count).
      capacity: 30,
      zones: [
        { id: "strength-machines", name: text("固定力量区", "Fixed strength machines"), capacity: 10 },
        { id: "cardio", name: text("有氧区", "Cardio"), capacity: 8 },
        { id: "free-weights", name: text("自由力量区", "Free weights"), capacity: 6 },
        { id: "exercise-room", name: text("操房", "Exercise room"), capacity: 15 },
      ],
      tags: ["open-24h", "anti-tailgating", "central-monitoring", "alarm"],
    },
  ],
  rules: [
    { id: "gym-hours", kind: "opening-hours", appliesTo: { resources: ["gym"] }, alwaysOpen: true },
    { id: "gym-members", kind: "requires-membership", appliesTo: { resources: ["gym"] } },
    { id: "gym-grid", kind: "slot-grid", appliesTo: { resources: ["gym"] }, granularityMinutes: 30 },
    { id: "gym-length", kind: "duration", appliesTo: { resources: ["gym"] }, maxMinutes: 180 },
    { id: "gym-window", kind: "booking-window", appliesTo: { resources: ["gym"] }, maxAdvanceDays: 7 },
  ],
  memberships: [
    {
      id: "gym-monthly",
      name: text("健身房月卡", "Gym monthly pass"),
      price: GYM_MONTHLY_PRICE,
      period: { kind: "calendar-month" },
      uses: "unlimited",
      covers: { resources: ["gym"] },
      refund: { policy: "pro-rata-days", rounding: "floor" },
    },
  ],
};
