import { isLinliError, type ReserveOptions, sequentialIds, type StorageAdapter } from "@linli/core";
import { createTx, ValueCodec } from "@linli/core/adapter";
import type { RowOf } from "@linli/core";
import { slotModel } from "./testkit-models";

const HOUR = 3_600_000;

/**
 * The plan of a multi-process race, shared by every adapter whose storage several OS
 * processes can open (capability `multiProcess`): each worker process makes the same
 * deterministic attempts, so a failing run can be replayed.
 */
export const processRace = {
  /** The community every attempt is made in. */
  communityId: "race",
  /** 09:00 UTC on 1 June 2026, the start of every slot. */
  base: Date.UTC(2026, 5, 1, 9),
  /** Fixed one-hour slots: every reservation of a slot competes for the whole capacity. */
  fixedSlots: ["A", "B"] as const,
  /** Capacity of each fixed slot. */
  fixedCapacity: 5,
  /** The time-range slot: ranges overlap in many ways, capacity applies per instant. */
  rangeSlot: "R",
  /** Capacity of the time-range slot at any instant. */
  rangeCapacity: 4,
};

/**
 * The i-th attempt of a worker: two of every three go to a fixed slot, one to the range
 * slot with 1–3 units over a range of 1–3 hours.
 */
export function raceAttempt(worker: number, i: number): ReserveOptions<typeof slotModel> {
  const { base, fixedSlots, fixedCapacity, rangeSlot, rangeCapacity } = processRace;
  const n = worker * 1000 + i;
  const id = `w${worker}-${i}`;
  if (i % 3 !== 2) {
    const slotId = fixedSlots[(worker + i) % fixedSlots.length]!;
    const start = new Date(base);
    const end = new Date(base + HOUR);
    return {
      key: `slot:${slotId}`,
      capacity: fixedCapacity,
      scope: [{ field: "slotId", value: slotId }],
      data: { id, slotId, holder: `worker-${worker}`, start, end, quantity: 1 },
    };
  }
  const quantity = 1 + (n % 3);
  const start = new Date(base + ((worker + i) % 5) * HOUR);
  const end = new Date(start.getTime() + (1 + ((n >> 1) % 3)) * HOUR);
  return {
    key: `slot:${rangeSlot}`,
    capacity: rangeCapacity,
    scope: [{ field: "slotId", value: rangeSlot }],
    interval: { startField: "start", endField: "end", start, end },
    quantityField: "quantity",
    quantity,
    data: { id, slotId: rangeSlot, holder: `worker-${worker}`, start, end, quantity },
  };
}

/** What one worker process reports back to the parent. */
export interface RaceReport {
  /** Ids of the reservations this worker saw committed. */
  readonly won: string[];
  /** Attempts refused with `CAPACITY_EXCEEDED`. */
  readonly refused: number;
  /** Any other failure, as text (there should be none). */
  readonly errors: string[];
}

/**
 * Runs one worker's attempts in a child process: one transaction per attempt through the
 * kernel's `reserve`, `inFlight` transactions at a time (several connections of one process
 * for a server database). The adapter must already be set up with the testkit's models.
 */
export async function runRaceWorker(
  adapter: StorageAdapter,
  worker: number,
  attempts: number,
  inFlight = 1,
): Promise<RaceReport> {
  const codec = new ValueCodec(adapter.capabilities);
  const ids = sequentialIds();
  const won: string[] = [];
  let refused = 0;
  const errors: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < attempts) {
      const attempt = raceAttempt(worker, next++);
      try {
        const row = await adapter.transaction((inner) =>
          createTx(inner, { communityId: processRace.communityId, ids, codec }).reserve(slotModel, attempt),
        );
        won.push(row.id);
      } catch (error) {
        if (isLinliError(error, "CAPACITY_EXCEEDED")) refused++;
        else errors.push(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return { won, refused, errors };
}

/**
 * Everything wrong with the outcome of a race, as sentences (empty when it held): a worker
 * error, a lost or phantom reservation (the stored rows must be exactly the reported wins),
 * a fixed slot not filled exactly to capacity, or a range load over capacity at any instant.
 */
export function raceProblems(
  rows: readonly RowOf<typeof slotModel>[],
  reports: readonly RaceReport[],
  attemptsPerWorker: number,
): string[] {
  const { fixedSlots, fixedCapacity, rangeSlot, rangeCapacity } = processRace;
  const problems: string[] = [];
  for (const r of reports) for (const e of r.errors) problems.push(`worker error: ${e}`);
  const won = reports.flatMap((r) => r.won);
  const decided =
    won.length +
    reports.reduce((a, r) => a + r.refused, 0) +
    reports.reduce((a, r) => a + r.errors.length, 0);
  if (decided !== reports.length * attemptsPerWorker)
    problems.push(`${decided} attempts decided, expected ${reports.length * attemptsPerWorker}`);
  const stored = new Set(rows.map((r) => r.id));
  for (const id of won) if (!stored.has(id)) problems.push(`reported win ${id} is not stored (lost write)`);
  const reported = new Set(won);
  for (const id of stored) if (!reported.has(id)) problems.push(`stored row ${id} was never reported`);
  for (const slot of fixedSlots) {
    const n = rows.filter((r) => r.slotId === slot).length;
    if (n !== fixedCapacity) problems.push(`slot ${slot} holds ${n}, expected exactly ${fixedCapacity}`);
  }
  const ranged = rows.filter((r) => r.slotId === rangeSlot);
  for (const t of ranged.map((r) => r.start.getTime())) {
    const load = ranged
      .filter((r) => r.start.getTime() <= t && t < r.end.getTime())
      .reduce((a, r) => a + r.quantity, 0);
    if (load > rangeCapacity)
      problems.push(`range slot holds ${load} at ${new Date(t).toISOString()}, capacity ${rangeCapacity}`);
  }
  if (new Set(won.map((id) => id.split("-")[0])).size < Math.min(2, reports.length)) {
    problems.push("every win came from one worker: the processes did not really compete");
  }
  return problems;
}
