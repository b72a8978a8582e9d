import type { ReserveOptions } from "@linli/core";
import type { slotModel } from "@linli/storage-testkit";

const HOUR = 3_600_000;
/** 09:00 UTC on 1 June 2026, the start of every slot. */
export const BASE = Date.UTC(2026, 5, 1, 9);

/** Fixed one-hour slots: every reservation of a slot competes for the whole capacity. */
export const FIXED_SLOTS = ["A", "B"] as const;
/** Capacity of each fixed slot. */
export const FIXED_CAPACITY = 5;
/** The time-range slot: ranges overlap in many ways, capacity applies per instant. */
export const RANGE_SLOT = "R";
/** Capacity of the time-range slot at any instant. */
export const RANGE_CAPACITY = 4;

/**
 * The i-th attempt of a worker: two of every three go to a fixed slot, one to the range
 * slot with 1–3 units over a range of 1–3 hours. Deterministic, so a failing run can be
 * replayed.
 */
export function attemptOf(worker: number, i: number): ReserveOptions<typeof slotModel> {
  const n = worker * 1000 + i;
  const id = `w${worker}-${i}`;
  if (i % 3 !== 2) {
    const slotId = FIXED_SLOTS[(worker + i) % FIXED_SLOTS.length]!;
    const start = new Date(BASE);
    const end = new Date(BASE + HOUR);
    return {
      key: `slot:${slotId}`,
      capacity: FIXED_CAPACITY,
      scope: [{ field: "slotId", value: slotId }],
      data: { id, slotId, holder: `worker-${worker}`, start, end, quantity: 1 },
    };
  }
  const quantity = 1 + (n % 3);
  const start = new Date(BASE + ((worker + i) % 5) * HOUR);
  const end = new Date(start.getTime() + (1 + ((n >> 1) % 3)) * HOUR);
  return {
    key: `slot:${RANGE_SLOT}`,
    capacity: RANGE_CAPACITY,
    scope: [{ field: "slotId", value: RANGE_SLOT }],
    interval: { startField: "start", endField: "end", start, end },
    quantityField: "quantity",
    quantity,
    data: { id, slotId: RANGE_SLOT, holder: `worker-${worker}`, start, end, quantity },
  };
}
