import { bookingEvents } from "./events";
import type { CommandContext, Violation } from "@linli/core";
import type { BookingEngine } from "./booking-engine";
import { type Booking, bookingSeriesModel } from "./booking-models";
import { placeBooking } from "./place-booking";
import { occurrencesOf, type Recurrence } from "./recurrence";

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
 * listed; under `fail-series` any refusal books nothing (the transaction rolls back).
 */
export async function bookSeries(
  cx: CommandContext,
  engine: BookingEngine,
  request: SeriesRequest,
): Promise<SeriesOutcome> {
  engine.rules.physicalCapacity(request.resourceId, request.zoneId);
  const occurrences = occurrencesOf(request, engine.timeZone);
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
  const booked: Booking[] = [];
  const refused: RefusedOccurrence[] = [];
  for (const o of occurrences) {
    const outcome = await placeBooking(cx, engine, {
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
    });
    if (outcome.ok) booked.push(outcome.booking);
    else refused.push({ ...o, violations: outcome.violations });
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
