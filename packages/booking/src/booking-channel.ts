import { LinliError } from "@linli/core";
import type { BookingEngine } from "./booking-engine";
import { bookingErrors } from "./booking-errors";

/**
 * The channel to record on a booking: the one given, checked against the configured
 * `booking.channels` (`UNKNOWN_CHANNEL` otherwise), or null when none is given.
 */
export function checkedChannel(engine: BookingEngine, channel: string | null | undefined): string | null {
  if (channel == null) return null;
  if (!engine.options.channels.includes(channel)) {
    throw LinliError.from(bookingErrors, "UNKNOWN_CHANNEL", {
      channel,
      channels: engine.options.channels.join(", "),
    });
  }
  return channel;
}
