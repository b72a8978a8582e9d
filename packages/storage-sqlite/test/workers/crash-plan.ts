const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 5, 1, 0);

/** Capacity of each hourly slot in the crash test. */
export const CRASH_CAPACITY = 2;

/**
 * The i-th reservation of a crash-test run: hourly slots, three requests per slot, so one
 * in three is refused and the capacity check is exercised on every write.
 */
export function crashReservation(run: number, i: number) {
  const slot = Math.floor(i / 3);
  return {
    id: `run${run}-${i}`,
    slotId: `run${run}-slot${slot}`,
    holder: `resident-${i % 17}`,
    start: new Date(BASE + slot * HOUR),
    end: new Date(BASE + (slot + 1) * HOUR),
    quantity: 1,
  };
}
