import { localParts } from "@linli/core";

/**
 * An instant as the community reads it on its wall clocks: `YYYY-MM-DD HH:mm` in the zone.
 * Violations carry these labels so that a desk clerk can read the reason out as is.
 */
export function localLabel(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.date} ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
}
