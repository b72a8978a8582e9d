import { addLocalDays, zonedInstant } from "@linli/core";

/**
 * The Alley Pioneers' month: 42 volunteers of four duty teams (everyone patrols; sanitation
 * inspection, garbage sorting and drying-room duty each have their own members) with varied
 * weekly availability and monthly maxima, and one local month of shifts. Deterministic: the
 * roster test and the `volunteers.roster.month` bench use the same figures.
 */
export const ZONE = "Asia/Shanghai";

/** One volunteer of the team, as `volunteers.register` takes it. */
export interface PioneerProfile {
  id: string;
  name: string;
  placeId: string;
  teams: string[];
  weekly: { weekday: number; from: string; to: string }[];
  maxShiftsPerMonth: number;
}

const days = (list: number[], from: string, to: string) => list.map((weekday) => ({ weekday, from, to }));

/** The 42 volunteers. */
export function pioneers(): PioneerProfile[] {
  return Array.from({ length: 42 }, (_, i) => {
    const teams = [
      "patrol",
      ["sanitation-inspection", "garbage-sorting", "drying-room-duty", "drying-room-duty"][i % 4]!,
    ];
    const weekly =
      i % 3 === 0
        ? days([1, 2, 3, 4, 5], "07:00", "22:00")
        : i % 3 === 1
          ? [
              ...days([1, 2, 3, 4, 5, 6, 7], "07:00", "13:00"),
              ...days([1, 2, 3, 4, 5, 6, 7], "17:00", "22:00"),
            ]
          : days([2, 4, 6, 7], "07:00", "22:00");
    return {
      id: `p${String(i + 1).padStart(2, "0")}`,
      name: `先锋${i + 1}`,
      placeId: `courtyard-${(i % 3) + 1}`,
      teams,
      weekly,
      maxShiftsPerMonth: 6 + (i % 5),
    };
  });
}

/** One shift, as `volunteers.roster.createShifts` takes it. */
export interface ShiftInput {
  team: string;
  start: Date;
  end: Date;
  size: number;
}

/**
 * The shifts of the local month starting `firstDay` (`YYYY-MM-01`, 28 to 31 days): patrol
 * 08:00–11:00 and 19:00–21:00 every day (2 each), garbage sorting 07:30–09:00 every day (1),
 * sanitation inspection Monday and Thursday 09:00–11:00 (2), drying-room duty Tuesday and
 * Saturday 14:00–17:00 (2).
 */
export function monthOfShifts(firstDay: string): ShiftInput[] {
  const out: ShiftInput[] = [];
  const month = firstDay.slice(0, 7);
  for (let day = firstDay; day.startsWith(month); day = addLocalDays(day, 1)) {
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    const weekday = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
    const at = (time: string) => zonedInstant(day, time, ZONE);
    out.push({ team: "patrol", start: at("08:00"), end: at("11:00"), size: 2 });
    out.push({ team: "patrol", start: at("19:00"), end: at("21:00"), size: 2 });
    out.push({ team: "garbage-sorting", start: at("07:30"), end: at("09:00"), size: 1 });
    if (weekday === 1 || weekday === 4)
      out.push({ team: "sanitation-inspection", start: at("09:00"), end: at("11:00"), size: 2 });
    if (weekday === 2 || weekday === 6)
      out.push({ team: "drying-room-duty", start: at("14:00"), end: at("17:00"), size: 2 });
  }
  return out;
}
