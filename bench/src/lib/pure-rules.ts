import {
  type BookingFacts,
  builtInRuleKinds,
  durationKind,
  OCCUPYING_STATUSES,
  openingHoursKind,
  type ResolvedRule,
  ruleKindMap,
  slotGridKind,
} from "@linli/booking";
import type { Resource } from "@linli/core";
import { type HistoryBooking, residentId, roomId, rooms } from "./fixture";

/** The rule kinds, for the pure function. */
export const kinds = ruleKindMap(builtInRuleKinds);
const targets = new Set(rooms);
const week = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** The bench community's rules (lib/fixture.ts), resolved as the booking plugin resolves them. */
export const benchRules: ResolvedRule[] = [
  {
    id: "hours",
    kind: "opening-hours",
    params: openingHoursKind.params.parse({
      weekly: Object.fromEntries(week.map((d) => [d, [{ from: "07:00", to: "22:00" }]])),
    }),
    targets,
  },
  { id: "grid", kind: "slot-grid", params: slotGridKind.params.parse({ granularityMinutes: 15 }), targets },
  {
    id: "length",
    kind: "duration",
    params: durationKind.params.parse({ minMinutes: 15, maxMinutes: 240 }),
    targets,
  },
];

/** A bench room as the kernel config holds it. */
export const room = (id: string, capacity = 1): Resource => ({
  id,
  kind: "space",
  name: { "zh-CN": id, en: id },
  capacity,
  zones: [],
  tags: [],
});

/** The generated bookings that hold capacity and overlap `[from, to)`, as the rules see them. */
export function factsIn(bookings: readonly HistoryBooking[], from: number, to: number): BookingFacts[] {
  return bookings
    .filter((b) => OCCUPYING_STATUSES.includes(b.status) && b.start < to && b.end > from)
    .map((b) => ({
      id: b.id,
      resourceId: roomId(b.resource),
      zoneId: null,
      residentId: residentId(b.resident),
      start: new Date(b.start),
      end: new Date(b.end),
      blockStart: new Date(b.start),
      blockEnd: new Date(b.end),
      quantity: 1,
      status: b.status,
    }));
}
