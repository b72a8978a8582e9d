import { bookingEvents } from "./events";
import { type CommandContext, LinliError, type Violation } from "@linli/core";
import type { BookingEngine } from "./booking-engine";
import { bookingErrors } from "./booking-errors";
import { type Booking, bookingSeriesModel } from "./booking-models";
import { judgeOnSnapshot, type Placement } from "./judge-placement";
import { commitPlacement } from "./place-booking";
import { occurrencesOf, type Recurrence } from "./recurrence";
import { SeriesSnapshot } from "./series-snapshot";

/** An occurrence the rules refused. */
export interface RefusedOccurrence {
  readonly date: string;
  readonly start: Date;
  readonly end: Date;
  readonly violations: readonly Violation[];
}

/** The result of booking a series. */
export type SeriesOutcome =
  | {
      readonly ok: true;
      readonly seriesId: string;
      readonly booked: readonly Booking[];
      /** Occurrences skipped under `skip-and-report`, each with its reasons. */
      readonly skipped: readonly RefusedOccurrence[];
    }
  | {
      /** Under `fail-series`: nothing was booked; every refused occurrence with its reasons. */
      readonly ok: false;
      readonly refused: readonly RefusedOccurrence[];
    };

/**
 * Thrown inside the command's transaction to roll back a failed series; the command's
 * public function turns it back into a {@link SeriesOutcome} value.
 */
export class SeriesRefused extends Error {
  constructor(readonly outcome: SeriesOutcome) {
    super("series refused");
  }
}

/** What a series booking asks. */
export interface SeriesRequest extends Recurrence {
  readonly resourceId: string;
  readonly zoneId?: string | null;
  readonly quantity: number;
  readonly residentId: string | null;
  readonly note?: string | null;
  /** How the request reached the community, checked against `booking.channels`. */
  readonly channel?: string | null;
  readonly policy: "fail-series" | "skip-and-report";
}

/**
 * Books every occurrence of a recurrence, each checked against every rule (quotas see the
 * occurrences booked before it). Under `skip-and-report` refused occurrences are skipped and
 * listed; under `fail-series` any refusal books nothing (the transaction rolls back). A rule
 * with no occurrence (none in range, or all excepted) is refused with `EMPTY_SERIES` before
 * anything is written.
 *
 * The bookings are read once for the whole series, under the resource's and the resident's
 * locks (see {@link SeriesSnapshot}); each occurrence is judged on that snapshot with the
 * series' own bookings added as they are placed, and still inserted through `tx.reserve`.
 */
export async function bookSeries(
  cx: CommandContext,
  engine: BookingEngine,
  request: SeriesRequest,
): Promise<SeriesOutcome> {
  engine.rules.physicalCapacity(request.resourceId, request.zoneId);
  const occurrences = occurrencesOf(request, engine.timeZone);
  if (occurrences.length === 0) {
    throw LinliError.from(bookingErrors, "EMPTY_SERIES", {
      rrule: request.rrule,
      firstStart: request.firstStart,
    });
  }
  const series = await cx.tx.create(bookingSeriesModel, {
    resourceId: request.resourceId,
    zoneId: request.zoneId ?? null,
    residentId: request.residentId,
    actorKind: cx.actor.kind,
    actorId: cx.actor.id,
    rrule: request.rrule,
    firstStart: request.firstStart,
    durationMinutes: request.durationMinutes,
    exceptions: [...(request.exceptions ?? [])],
    policy: request.policy,
    createdAt: cx.now,
  });
  const placements: Placement[] = occurrences.map((o) => ({
    resourceId: request.resourceId,
    zoneId: request.zoneId ?? null,
    start: o.start,
    end: o.end,
    quantity: request.quantity,
    residentId: request.residentId,
    actorKind: cx.actor.kind,
    actorId: cx.actor.id,
    note: request.note ?? null,
    channel: request.channel ?? null,
    seriesId: series.id,
  }));
  const snapshot = await SeriesSnapshot.load(cx, engine, placements);
  const booked: Booking[] = [];
  const refused: RefusedOccurrence[] = [];
  for (const [k, p] of placements.entries()) {
    const outcome = await commitPlacement(cx, p, await judgeOnSnapshot(cx, engine, p, snapshot.for(p)));
    if (outcome.ok) {
      booked.push(outcome.booking);
      snapshot.add(outcome.booking);
    } else refused.push({ ...occurrences[k]!, violations: outcome.violations });
  }
  if (request.policy === "fail-series" && refused.length > 0) throw new SeriesRefused({ ok: false, refused });
  await cx.emit(bookingEvents.BookingSeriesBooked, {
    seriesId: series.id,
    resourceId: request.resourceId,
    residentId: request.residentId,
    booked: booked.map((b) => b.id),
    skipped: refused.map((r) => r.start.toISOString()),
  });
  return { ok: true, seriesId: series.id, booked, skipped: refused };
}
