const HOUR = 3_600_000;
const START = Date.UTC(2026, 5, 1, 0);

/**
 * The k-th reservation of the storage benches: one-hour slots one after another, `perSlot`
 * reservations asking for each slot (more than its capacity when some are to be refused).
 */
export function reservationRequest(k: number, perSlot: number) {
  const slot = Math.floor(k / perSlot);
  return {
    id: `r${k}`,
    slotId: `slot-${slot}`,
    holder: `h${k % 97}`,
    start: new Date(START + slot * HOUR),
    end: new Date(START + (slot + 1) * HOUR),
    quantity: 1,
  };
}
