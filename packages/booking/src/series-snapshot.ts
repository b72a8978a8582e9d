import type { CommandContext } from "@linli/core";
import type { BookingEngine } from "./booking-engine";
import { type Booking, OCCUPYING_STATUSES } from "./booking-models";
import { occupyingBookings, residentBookingsSince } from "./booking-reads";
import { blockOf, lockKeys, type Placement, residentSince, resourceWindow } from "./judge-placement";
import type { BookingFacts, RuleSnapshot } from "./rule-kind";

/**
 * The bookings a series is judged on, read once for all its occurrences: under the
 * resource's and the resident's locks, the resource's bookings holding capacity anywhere in
 * the series' window and the resident's bookings since the lookback of its first occurrence.
 * {@link SeriesSnapshot.for} narrows them to exactly what `judgePlacement` would read for one
 * occurrence, and {@link SeriesSnapshot.add} puts each placed booking in, so a series costs
 * two reads instead of two per occurrence. The locks are held to the end of the transaction,
 * so nothing else changes the snapshot meanwhile.
 */
export class SeriesSnapshot {
  private constructor(
    private readonly engine: BookingEngine,
    private readonly now: Date,
    private readonly resource: BookingFacts[],
    private readonly resident: BookingFacts[],
  ) {}

  /** Takes the locks and reads the bookings for the placements of one series (same resource and resident). */
  static async load(
    cx: CommandContext,
    engine: BookingEngine,
    placements: readonly Placement[],
  ): Promise<SeriesSnapshot> {
    const [first] = placements;
    if (!first) return new SeriesSnapshot(engine, cx.now, [], []);
    const { resourceId, residentId } = first;
    await cx.tx.lock(lockKeys.resource(resourceId));
    if (residentId) await cx.tx.lock(lockKeys.resident(residentId));
    let from = Number.POSITIVE_INFINITY;
    let to = Number.NEGATIVE_INFINITY;
    let firstStart = Number.POSITIVE_INFINITY;
    for (const p of placements) {
      const window = resourceWindow(blockOf(engine, p));
      from = Math.min(from, window.from.getTime());
      to = Math.max(to, window.to.getTime());
      firstStart = Math.min(firstStart, p.start.getTime());
    }
    const resource = await occupyingBookings(cx, resourceId, new Date(from), new Date(to));
    const resident =
      residentId && engine.rules.needsResidentBookings(resourceId)
        ? await residentBookingsSince(cx, residentId, residentSince(cx.now, new Date(firstStart)))
        : [];
    return new SeriesSnapshot(engine, cx.now, resource, resident);
  }

  /** The bookings one occurrence is judged against (the same as `judgePlacement`'s reads). */
  for(p: Placement): RuleSnapshot {
    const window = resourceWindow(blockOf(this.engine, p));
    const from = window.from.getTime();
    const to = window.to.getTime();
    const since = residentSince(this.now, p.start).getTime();
    return {
      resourceBookings: this.resource.filter(
        (b) => (b.blockStart ?? b.start).getTime() < to && (b.blockEnd ?? b.end).getTime() > from,
      ),
      residentBookings: this.resident.filter((b) => b.start.getTime() >= since),
    };
  }

  /** Adds a booking the series just placed (it holds capacity and is the resident's). */
  add(booking: Booking): void {
    if (OCCUPYING_STATUSES.includes(booking.status)) this.resource.push(booking);
    if (booking.residentId !== null) this.resident.push(booking);
  }
}
